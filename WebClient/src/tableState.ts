// The table view's state and the one pure function that moves it on: what came from the table (snapshots, events,
// yourTurn, results), what the player did (picked discards, sized a bet, had an action accepted) and the connection
// (resyncs, reconnects). The view dispatches and renders; it keeps no table state of its own.

import { classifyEvent } from './seq';
import { clampAmount, type RaiseRange } from './slider';
import type { HandResult, PotAward, PreAction, PrivateView, SeatView, TableEventMessage, TableSnapshot, TableView, YourTurnMessage } from './wire';

export interface TableState {
  readonly tableId: string;
  /** The table as last applied (null until the first snapshot). */
  readonly view: TableView | null;
  /** The player's own cards and legal actions (null when not seated). */
  readonly mine: PrivateView | null;
  /** The eventSeq of the last snapshot or event applied; -1 waits for a snapshot (every event is then a gap). */
  readonly lastSeq: number;
  /**
   * How long the current turn clock runs, for the timer ring: learnt as a turn (anybody's) or its time bank starts, from
   * its deadline and the moment the event that started it came (the views carry no turn length or start of their own).
   */
  readonly turnMs: number;
  /** The last finished hand's result, shown until another one replaces it. */
  readonly result: ShownResult | null;
  /** The player's place in the waitlist, if queued. */
  readonly waitPosition: number | null;
  /** Cards picked to discard in a draw. */
  readonly selected: ReadonlySet<string>;
  /** The bet or raise being sized and the turn it was sized in (null: none yet; a new turn offers its minimum). */
  readonly sizing: (Turn & { readonly amount: number }) | null;
  /** The turn an action was sent for (in flight or accepted): further taps for that turn send nothing. */
  readonly sent: Turn | null;
  /** A snapshot has been asked for and not answered yet. */
  readonly resyncing: boolean;
}

/** A finished hand's result with the winners' names (by player id) as the table showed them when it came. */
export interface ShownResult extends HandResult {
  readonly names: Readonly<Record<number, string>>;
}

/** One of the player's turns, as an action names it. */
export interface Turn {
  readonly handNo: number;
  readonly turnId: number;
}

export type TableInput =
  | { type: 'snapshot'; snapshot: TableSnapshot }
  | { type: 'event'; message: TableEventMessage; now?: number }
  | { type: 'yourTurn'; message: YourTurnMessage; now: number }
  | { type: 'handFinished'; result: HandResult }
  | { type: 'toggleCard'; card: string }
  | { type: 'amount'; turn: Turn; amount: number }
  | { type: 'actSent'; turn: Turn }
  | { type: 'actAccepted' }
  | { type: 'actRefused'; turn: Turn }
  | { type: 'preAction'; preAction: PreAction | null }
  | { type: 'waitPosition'; position: number | null }
  | { type: 'resyncStarted' }
  | { type: 'resyncEnded' }
  | { type: 'reconnected' };

/** What the view must do after a step besides rendering: ask for a snapshot, or look up the waitlist position again. */
export type TableEffect = 'resync' | 'refreshPosition';

export interface TableStep {
  readonly state: TableState;
  readonly effects: readonly TableEffect[];
}

/** The shortest turn clock the timer ring assumes, and the one it starts with. */
export const minTurnMs = 5_000;
export const defaultTurnMs = 30_000;

export function initialTableState(tableId: string): TableState {
  return {
    tableId, view: null, mine: null, lastSeq: -1, turnMs: defaultTurnMs, result: null, waitPosition: null,
    selected: new Set(), sizing: null, sent: null, resyncing: false,
  };
}

/** The state after `input`, and what the view must do about it. Never changes `state`. */
export function reduce(state: TableState, input: TableInput): TableStep {
  switch (input.type) {
    case 'snapshot': {
      const snap = input.snapshot;
      if (snap.view.tableId !== state.tableId) return step(state);
      // A snapshot replaces events that were missed, and with them any sign that the queue moved: a queued player's place
      // is looked up again.
      return step({
        ...state,
        lastSeq: snap.eventSeq,
        view: snap.view,
        mine: snap.mine ?? null,
        result: state.result ?? (snap.view.lastResult ? shown(snap.view.lastResult, snap.view.seats) : null),
      }, ...(state.waitPosition !== null ? ['refreshPosition' as const] : []));
    }
    case 'event': {
      const msg = input.message;
      if (msg.tableId !== state.tableId) return step(state);
      const decision = classifyEvent(state.lastSeq, msg.eventSeq);
      if (decision === 'stale') return step(state);
      if (decision === 'gap') return step(state, 'resync');
      const mine = msg.mine ?? null;
      // Seated from the waitlist: the player is no longer queued.
      const seatedNow = msg.kind === 'Seated' && mine !== null && state.mine === null;
      const waitPosition = seatedNow ? null : state.waitPosition;
      // Somebody ahead was offered a seat, sat down or left, or the queue's length changed: the queue moved.
      const queueMoved = waitPosition !== null && (msg.kind === 'SeatOffered' || msg.kind === 'Seated' || msg.kind === 'Left'
        || msg.view.waitlistLength !== state.view?.waitlistLength);
      return step({
        ...state,
        lastSeq: msg.eventSeq,
        view: msg.view,
        mine,
        selected: msg.kind === 'HandStarted' ? new Set() : state.selected,
        turnMs: input.now === undefined ? state.turnMs : turnLength(state, msg.view, input.now),
        result: msg.result ? shown(msg.result, msg.view.seats) : state.result,
        waitPosition,
      }, ...(queueMoved ? ['refreshPosition' as const] : []));
    }
    case 'yourTurn': {
      const msg = input.message;
      if (msg.tableId !== state.tableId) return step(state);
      const turnMs = msg.deadline ? Math.max(minTurnMs, Date.parse(msg.deadline) - input.now) : state.turnMs;
      // The legal actions of a turn the view has not reached yet wait for its event; an older turn's are dropped.
      const mine = state.mine && msg.eventSeq >= state.lastSeq ? { ...state.mine, legal: msg.legal } : state.mine;
      return step({ ...state, turnMs, mine });
    }
    case 'handFinished':
      // The same hand's result, brought by its event first, keeps the names taken then.
      if (state.result?.handId === input.result.handId) return step(state);
      return step({ ...state, result: shown(input.result, state.view?.seats ?? []) });
    case 'toggleCard': {
      const selected = new Set(state.selected);
      if (selected.has(input.card)) selected.delete(input.card);
      else if (selected.size < (state.mine?.legal?.discardMax ?? 0)) selected.add(input.card);
      else return step(state);
      return step({ ...state, selected });
    }
    case 'amount':
      return step({ ...state, sizing: { ...input.turn, amount: input.amount } });
    case 'actSent':
      return step({ ...state, sent: input.turn });
    case 'actRefused':
      // The turn is still the player's (an amount refused, say): they may try again.
      return step(sameTurn(state.sent, input.turn) ? { ...state, sent: null } : state);
    case 'actAccepted':
      // The sized bet belongs to its turn (see betAmount): a newer turn's, sized meanwhile, stays.
      return step({ ...state, selected: new Set() });
    case 'preAction':
      return step({ ...state, mine: state.mine ? { ...state.mine, preAction: input.preAction } : state.mine });
    case 'waitPosition':
      return step({ ...state, waitPosition: input.position });
    case 'resyncStarted':
      return step({ ...state, resyncing: true });
    case 'resyncEnded':
      return step({ ...state, resyncing: false });
    case 'reconnected':
      // Events from before the reconnect say nothing about now: wait for the snapshot the new watch sends.
      return step({ ...state, lastSeq: -1 });
  }
}

/**
 * The turn clock's length after `next` came at `now`: when it started a turn (a new turn id) or the actor's time bank,
 * the time from now to its deadline; else the length known so far. A turn already running when the page opened (a
 * snapshot) keeps the length known so far, as its start is not known.
 */
function turnLength(state: TableState, next: TableView, now: number): number {
  const before = state.view;
  const started = next.turnId !== before?.turnId || next.handNo !== before.handNo || (next.onTimeBank === true && before.onTimeBank !== true);
  if (!started || !next.deadline) return state.turnMs;
  const ms = Date.parse(next.deadline) - now;
  return Number.isNaN(ms) ? state.turnMs : Math.max(minTurnMs, ms);
}

/**
 * Whether a leave or a host's kick answered with `amount` chips takes effect when the hand ends: the table answers 0
 * then, for a player dealt into the hand in play (even folded).
 */
export function leavesAfterHand(amount: number, seat: Pick<SeatView, 'inHand'>): boolean {
  return amount === 0 && seat.inHand;
}

/** True when the player is the one to act and has legal actions to choose from. */
export function isMyTurn(state: TableState): boolean {
  return !!state.mine?.legal && state.view?.actorSeat === state.mine.seat;
}

/** The bet or raise to offer in `turn`: the amount sized in that very turn, else the turn's minimum; inside `range`. */
export function betAmount(state: TableState, turn: Turn, range: RaiseRange): number {
  const sized = state.sizing;
  return sized && sameTurn(sized, turn) ? clampAmount(sized.amount, range) : range.min;
}

/** True unless an action was already sent for `turn` (a double tap, or the button and Telegram's main button). */
export function maySend(state: TableState, turn: Turn): boolean {
  return !sameTurn(state.sent, turn);
}

export function sameTurn(a: Turn | null, b: Turn | null): boolean {
  return !!a && !!b && a.handNo === b.handNo && a.turnId === b.turnId;
}

/** A pre-action the player may choose now, and whether it is the one chosen. */
export interface PreActionChoice extends PreAction {
  readonly active: boolean;
}

/**
 * The pre-actions on offer while somebody else is to act and the player is still in the hand with chips behind:
 * check/fold, check (nothing to call) or call this amount, and call any. The table decides; this only offers.
 */
export function preActionChoices(state: TableState): PreActionChoice[] {
  const { view, mine } = state;
  if (!view || !mine || view.actorSeat == null || view.actorSeat === mine.seat) return [];
  const seat = view.seats.find((x) => x.seat === mine.seat);
  if (!seat?.inHand || seat.folded || seat.allIn || seat.stack <= 0) return [];
  const toCall = Math.min(Math.max(...view.seats.map((x) => x.bet)) - seat.bet, seat.stack);
  const offered: PreAction[] = [
    { kind: 'CheckFold', amount: 0 },
    toCall > 0 ? { kind: 'Call', amount: toCall } : { kind: 'Check', amount: 0 },
    { kind: 'CallAny', amount: 0 },
  ];
  const chosen = mine.preAction;
  return offered.map((p) => ({ ...p, active: !!chosen && chosen.kind === p.kind && (p.kind !== 'Call' || chosen.amount === p.amount) }));
}

/**
 * The result with its winners' names taken now: it stays up into the next hand, when a winner may have left and
 * somebody else sit in their seat.
 */
function shown(result: HandResult, seats: readonly SeatView[]): ShownResult {
  const names: Record<number, string> = {};
  for (const { playerId } of result.awards) {
    const name = playerId != null ? seats.find((x) => x.playerId === playerId)?.name : null;
    if (name) names[playerId!] = name;
  }
  return { ...result, names };
}

/** Who won an award, by the name the result was shown with ("#3", the seat, when the table did not show one). */
export function winnerName(result: ShownResult, award: PotAward): string {
  return (award.playerId != null ? result.names[award.playerId] : undefined) ?? `#${award.seat + 1}`;
}

function step(state: TableState, ...effects: TableEffect[]): TableStep {
  return { state, effects };
}
