// PHH (Poker Hand History) reading and a replayer that steps through a hand action by action or street by street.
// The replayer only re-applies what the history records; it does not judge legality.

import { formatCard, formatChips, splitCards } from './format';
import { stringsOf, type Strings } from './i18n';

export interface PhhHand {
  variant: string;
  antes: number[];
  blinds: number[];
  bringIn: number;
  startingStacks: number[];
  actions: string[];
  players: string[];
  finishingStacks: number[] | null;
  fields: Record<string, unknown>;
}

type TomlValue = string | number | boolean | TomlValue[];

function parseValue(text: string): TomlValue {
  const t = text.trim();
  if (t.startsWith('[')) {
    const items: TomlValue[] = [];
    let i = 1;
    while (i < t.length) {
      const c = t[i];
      if (c === ']') break;
      if (c === ',' || /\s/.test(c)) { i++; continue; }
      if (c === "'" || c === '"') {
        const end = t.indexOf(c, i + 1);
        items.push(t.slice(i + 1, end));
        i = end + 1;
      } else {
        let end = i;
        while (end < t.length && t[end] !== ',' && t[end] !== ']') end++;
        items.push(parseValue(t.slice(i, end)));
        i = end;
      }
    }
    return items;
  }
  if (t.startsWith("'") || t.startsWith('"')) return t.slice(1, t.lastIndexOf(t[0]));
  if (t === 'true' || t === 'false') return t === 'true';
  const n = Number(t.replace(/_/g, ''));
  return Number.isNaN(n) ? t : n;
}

/** Reads the PHH subset the server writes (and the standard's simple files): key = value lines, arrays may span lines. */
export function parsePhh(text: string): PhhHand {
  const fields: Record<string, unknown> = {};
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i].replace(/^\s+/, '');
    if (!line || line.startsWith('#') || line.startsWith('[')) continue;
    const eq = line.indexOf('=');
    if (eq < 0) continue;
    const key = line.slice(0, eq).trim();
    let value = line.slice(eq + 1).trim();
    if (value.startsWith('[')) {
      while (!balanced(value) && i + 1 < lines.length) value += ' ' + lines[++i].trim();
    }
    line = value;
    fields[key] = parseValue(line);
  }
  const nums = (k: string) => (Array.isArray(fields[k]) ? (fields[k] as TomlValue[]).map(Number) : []);
  const stacks = nums('starting_stacks');
  return {
    variant: String(fields.variant ?? ''),
    antes: nums('antes'),
    blinds: nums('blinds_or_straddles'),
    bringIn: Number(fields.bring_in ?? 0),
    startingStacks: stacks,
    actions: Array.isArray(fields.actions) ? (fields.actions as TomlValue[]).map(String) : [],
    players: Array.isArray(fields.players) ? (fields.players as TomlValue[]).map(String) : stacks.map((_, i) => `p${i + 1}`),
    finishingStacks: Array.isArray(fields.finishing_stacks) ? nums('finishing_stacks') : null,
    fields,
  };
}

function balanced(value: string): boolean {
  let depth = 0;
  let quote: string | null = null;
  for (const c of value) {
    if (quote) { if (c === quote) quote = null; continue; }
    if (c === "'" || c === '"') quote = c;
    else if (c === '[') depth++;
    else if (c === ']') depth--;
  }
  return depth === 0;
}

export interface ReplayPlayer {
  name: string;
  stack: number;
  bet: number;
  cards: string[];
  folded: boolean;
  /** The player's last action as the history writes it ("cbr 20"), and as read (action). */
  lastAction: string | null;
  action: ReplayAction | null;
}

export interface ReplayState {
  step: number;
  street: number;
  players: ReplayPlayer[];
  board: string[];
  pot: number;
  /** The action just applied as the history writes it ("p1 cbr 20"), and as read (action). */
  lastAction: string | null;
  action: ReplayAction | null;
  finished: boolean;
}

/** One action of a history as read, for a label in the player's language (actionLabel). */
export interface ReplayAction {
  /** The player's index; null for the dealer. */
  player: number | null;
  kind: 'dealt' | 'board' | 'fold' | 'check' | 'call' | 'bet' | 'raise' | 'bringIn' | 'discard' | 'standPat' | 'show' | 'muck' | 'other';
  /** Chips: a call's added amount, a bet's or raise's total ("raise to"), a bring-in. */
  amount: number;
  cards: string[];
  /** The player has no chips left after it. */
  allIn: boolean;
  /** As the history writes it. */
  raw: string;
}

/** The words of the labels: the table's own action names, and a few of the replayer's. */
export type ActionWords = Pick<Strings, 'fold' | 'check' | 'call' | 'bet' | 'raiseTo' | 'bringIn' | 'discard' | 'standPat' | 'allIn'
  | 'dealerBoard' | 'dealt' | 'shows' | 'mucks'>;

/**
 * An action as the player reads it: "Ann: Raise to 20", "Bob: Shows 2♠ J♦", "Dealer: 3♦ 2♦"; without the name
 * (`withName` false) under the player. Chips are written by `chips` (the player's digits).
 */
export function actionLabel(action: ReplayAction, names: readonly string[], words: ActionWords, chips: (n: number) => string, withName = true): string {
  const cards = action.cards.filter((c) => c !== '??').map(formatCard).join(' ');
  if (action.kind === 'board') return `${words.dealerBoard}: ${cards}`;
  const what = (() => {
    switch (action.kind) {
      case 'dealt': return [words.dealt, cards].filter(Boolean).join(' ');
      case 'fold': return words.fold;
      case 'check': return words.check;
      case 'call': return `${words.call} ${chips(action.amount)}`;
      case 'bet': return `${words.bet} ${chips(action.amount)}`;
      case 'raise': return `${words.raiseTo} ${chips(action.amount)}`;
      case 'bringIn': return `${words.bringIn} ${chips(action.amount)}`;
      case 'discard': return `${words.discard} ${chips(action.cards.length)}`;
      case 'standPat': return words.standPat;
      case 'show': return `${words.shows} ${cards}`;
      case 'muck': return words.mucks;
      default: return action.raw;
    }
  })() + (action.allIn ? ` · ${words.allIn}` : '');
  const name = action.player === null ? null : names[action.player] ?? `p${action.player + 1}`;
  return withName && name !== null ? `${name}: ${what}` : what;
}

/** Steps through a PHH hand. `step` counts applied actions (0 = forced bets posted, nothing dealt). */
export class Replayer {
  private readonly hand: PhhHand;
  private states: ReplayState[] = [];

  constructor(hand: PhhHand) {
    this.hand = hand;
    this.build();
  }

  get length(): number {
    return this.hand.actions.length;
  }

  /** The state after `step` actions (clamped to the hand). */
  at(step: number): ReplayState {
    return this.states[Math.max(0, Math.min(this.states.length - 1, step))];
  }

  /** The first step after `step` that starts a later street (or the end). */
  nextStreet(step: number): number {
    const street = this.at(step).street;
    for (let s = step + 1; s < this.states.length; s++) {
      if (this.states[s].street > street) {
        // Include the whole deal of the new street (several dealer actions, or every showdown, in a row).
        let end = s;
        while (end < this.hand.actions.length && this.isDealOrShow(end) && this.states[end + 1].street === this.states[s].street) end++;
        return end;
      }
    }
    return this.states.length - 1;
  }

  /** The last step of the previous street (0 at the start). */
  previousStreet(step: number): number {
    const street = this.at(step).street;
    for (let s = step - 1; s >= 0; s--) {
      if (this.states[s].street < street) return s;
    }
    return 0;
  }

  /** Whether action number `index` (0-based) deals cards or shows/mucks a hand. */
  private isDealOrShow(index: number): boolean {
    const action = this.hand.actions[index] ?? '';
    return action.startsWith('d ') || / sm( |$)/.test(action);
  }

  private build(): void {
    const h = this.hand;
    const n = h.startingStacks.length;
    const players: ReplayPlayer[] = h.startingStacks.map((stack, i) => ({
      name: h.players[i] ?? `p${i + 1}`, stack, bet: 0, cards: [], folded: false, lastAction: null, action: null,
    }));
    let pot = 0;
    const post = (i: number, amount: number, toBet: boolean) => {
      const paid = Math.min(amount, players[i].stack);
      players[i].stack -= paid;
      if (toBet) players[i].bet += paid; else pot += paid;
    };
    h.antes.forEach((a, i) => a > 0 && i < n && post(i, a, false));
    const blinds = n === 2 && h.blinds.length === 2 ? [h.blinds[1], h.blinds[0]] : h.blinds;
    blinds.forEach((b, i) => b > 0 && i < n && post(i, b, true));

    let street = 0;
    let board: string[] = [];
    let lastWasPlayer = false;
    let showdown = false;
    const collect = () => {
      for (const p of players) { pot += p.bet; p.bet = 0; }
    };
    const snapshot = (step: number, lastAction: string | null, action: ReplayAction | null, finished: boolean): ReplayState => ({
      step, street, board: [...board], pot, lastAction, action, finished,
      players: players.map((p) => ({ ...p, cards: [...p.cards] })),
    });
    this.states.push(snapshot(0, null, null, h.actions.length === 0));

    h.actions.forEach((raw, index) => {
      const words = raw.trim().split(/\s+/);
      const finished = index === h.actions.length - 1;
      let action: ReplayAction = { player: null, kind: 'other', amount: 0, cards: [], allIn: false, raw };
      if (words[0] === 'd') {
        if (lastWasPlayer || (words[1] === 'db' && street === 0)) { collect(); street++; }
        if (words[1] === 'dh') {
          const who = Number(words[2].slice(1)) - 1;
          const dealt = splitCards(words[3] ?? '');
          if (players[who]) {
            players[who].cards.push(...dealt);
            action = { ...action, player: who, kind: 'dealt', cards: dealt };
          }
        } else if (words[1] === 'db') {
          const dealt = splitCards(words[2] ?? '');
          board = [...board, ...dealt];
          action = { ...action, kind: 'board', cards: dealt };
        }
        lastWasPlayer = false;
      } else {
        const who = Number(words[0].slice(1)) - 1;
        const p = players[who];
        if (p) {
          const highest = Math.max(...players.map((x) => x.bet));
          const before = p.stack;
          action = { ...action, player: who };
          switch (words[1]) {
            case 'f': p.folded = true; action.kind = 'fold'; break;
            case 'cc':
              post(who, highest - p.bet, true);
              action = { ...action, kind: before === p.stack ? 'check' : 'call', amount: before - p.stack };
              break;
            case 'cbr':
              post(who, Number(words[2]) - p.bet, true);
              action = { ...action, kind: highest > 0 ? 'raise' : 'bet', amount: p.bet };
              break;
            case 'pb':
              post(who, h.bringIn, true);
              action = { ...action, kind: 'bringIn', amount: before - p.stack };
              break;
            case 'sd': {
              action = { ...action, kind: words[2] ? 'discard' : 'standPat', cards: splitCards(words[2] ?? '') };
              // One card leaves per card discarded: another player's copy discards unknown cards (??) from unknown ones.
              const cards = [...p.cards];
              for (const c of splitCards(words[2] ?? '')) {
                const at = cards.indexOf(c);
                if (at >= 0) cards.splice(at, 1);
              }
              p.cards = cards;
              break;
            }
            case 'sm':
              if (!showdown) { collect(); showdown = true; street++; }
              if (words[2]) p.cards = splitCards(words[2]);
              action = { ...action, kind: words[2] ? 'show' : 'muck', cards: words[2] ? splitCards(words[2]) : [] };
              break;
          }
          action.allIn = before > 0 && p.stack === 0 && ['call', 'bet', 'raise', 'bringIn'].includes(action.kind);
          p.lastAction = words.slice(1).join(' ');
          p.action = action;
        }
        lastWasPlayer = true;
      }
      if (finished) {
        collect();
        if (h.finishingStacks) { players.forEach((p, i) => { p.stack = h.finishingStacks![i] ?? p.stack; }); pot = 0; }
      }
      this.states.push(snapshot(index + 1, raw, action, finished));
    });
  }
}

/** The server's words for a seat's last action (`seat.lastAction`: "Call 20", "Raise 60" (to), "Discard 2"...) as replay kinds. */
const seatActionKinds: Record<string, ReplayAction['kind']> = {
  Fold: 'fold', Check: 'check', Call: 'call', Bet: 'bet', Raise: 'raise', Discard: 'discard', StandPat: 'standPat',
};

/** A seat's last action as the server words it, labelled as the replayer labels actions; an unknown word is shown as sent. */
export function lastActionLabel(code: string, lang: 'en' | 'fa' = 'en'): string {
  const [word, amount] = code.split(' ');
  const kind = seatActionKinds[word];
  if (!kind) return code;
  const n = /^\d+$/.test(amount ?? '') ? Number(amount) : 0;
  const action: ReplayAction = {
    player: null, kind, amount: n, cards: kind === 'discard' ? Array<string>(n).fill('??') : [], allIn: false, raw: code,
  };
  return actionLabel(action, [], stringsOf(lang), (x) => formatChips(x, lang), false);
}
