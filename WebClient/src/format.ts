// Pure formatting helpers: chips, cards, variants, stakes and time left. No DOM.

import { stringsOf } from './i18n';

const suitSymbols: Record<string, string> = { s: '♠', h: '♥', d: '♦', c: '♣' };

/** Chips with thousands separators in the given locale ("1,234"; Persian digits for "fa"). */
export function formatChips(amount: number, locale = 'en'): string {
  return new Intl.NumberFormat(locale === 'fa' ? 'fa-IR' : 'en-US', { maximumFractionDigits: 0 }).format(amount);
}

/** A count or a number (hand number, seconds) in the given locale, without separators ("1234"; Persian digits for "fa"). */
export function formatNumber(value: number, locale = 'en'): string {
  return new Intl.NumberFormat(locale === 'fa' ? 'fa-IR' : 'en-US', { maximumFractionDigits: 0, useGrouping: false }).format(value);
}

/** A card as rank and suit symbol ("As" → "A♠", "Td" → "10♦"); "??" (hidden) stays "??". */
export function formatCard(card: string): string {
  if (card.length !== 2 || card === '??') return '??';
  const rank = card[0] === 'T' ? '10' : card[0];
  return rank + (suitSymbols[card[1]] ?? card[1]);
}

/** The suit colour class of a card: red for hearts and diamonds. */
export function cardColour(card: string): 'red' | 'black' | 'hidden' {
  if (card.length !== 2 || card === '??') return 'hidden';
  return card[1] === 'h' || card[1] === 'd' ? 'red' : 'black';
}

/** Splits a PHH card run ("AsKd7c") into cards (["As","Kd","7c"]). */
export function splitCards(run: string): string[] {
  const cards: string[] = [];
  for (let i = 0; i + 1 < run.length; i += 2) cards.push(run.slice(i, i + 2));
  return cards;
}

const variantNames: Record<string, string> = {
  NT: "No-Limit Hold'em",
  FT: "Limit Hold'em",
  NS: "Short Deck Hold'em",
  PO: 'Pot-Limit Omaha',
  'FO/8': 'Limit Omaha Hi-Lo',
  F7S: 'Seven Card Stud',
  'F7S/8': 'Stud Hi-Lo',
  FR: 'Razz',
  N2L1D: '2-7 Single Draw',
  F2L3D: '2-7 Triple Draw',
  FB: 'Badugi',
};

/** A human name for a PHH variant code ("NT" → "No-Limit Hold'em"); unknown codes are returned as they are. */
export function variantName(code: string): string {
  return variantNames[code] ?? code;
}

/** True for draw games (five or four private cards that can be exchanged). */
export function isDrawVariant(code: string): boolean {
  return /D$/.test(code) || code === 'FB';
}

/** True for stud games (up and down cards). */
export function isStudVariant(code: string): boolean {
  return code.includes('7S') || code === 'FR';
}

/**
 * Stud: which of a player's cards are up (the public view shows them face up at the same position) and which are
 * down (only the owner sees them). The owner's own cards come from their private view, the others' from the public one.
 */
export function studFaces(own: readonly string[], visible: readonly string[]): ('up' | 'down')[] {
  return own.map((_, i) => (visible[i] !== undefined && visible[i] !== '??' ? 'up' : 'down'));
}

/** The most a seated player may add with a top-up (the stack stays within the maximum buy-in); 0 when none. */
export function topUpRoom(stack: number, maxBuyIn: number): number {
  return Math.max(0, maxBuyIn - stack);
}

/** A table's or template's stakes: blinds, fixed-limit bets (small and big bet), an ante. */
export interface Stakes {
  smallBlind: number;
  bigBlind: number;
  ante?: number;
  /** Fixed-limit games: the bets of the early and the late streets (0 or absent otherwise). */
  smallBet?: number;
  bigBet?: number;
}

/**
 * Stakes as "1/2" (blinds), "2/4" (a fixed-limit game's small and big bet, which name its stakes even with blinds:
 * "Limit Hold'em 2/4" plays blinds 1/2), "2/4, ante 1" or "ante 1"; numbers and the word ante in `lang`.
 */
export function formatStakes({ smallBlind, bigBlind, ante = 0, smallBet = 0, bigBet = 0 }: Stakes, lang: 'en' | 'fa' = 'en'): string {
  const n = (x: number) => formatChips(x, lang);
  const pair = smallBet > 0 && bigBet > 0 ? `${n(smallBet)}/${n(bigBet)}` : bigBlind > 0 ? `${n(smallBlind)}/${n(bigBlind)}` : '';
  const antes = ante > 0 ? `${stringsOf(lang).ante} ${n(ante)}` : '';
  return [pair, antes].filter(Boolean).join(lang === 'fa' ? '، ' : ', ') || '—';
}

/** Whole seconds from now until the deadline, never negative; null without a deadline. */
export function secondsLeft(deadline: string | null | undefined, now: number): number | null {
  if (!deadline) return null;
  const ms = Date.parse(deadline) - now;
  return Number.isNaN(ms) ? null : Math.max(0, Math.ceil(ms / 1000));
}

/** The fraction of the turn left (1 → 0) for the timer ring, given the deadline and the turn length. */
export function turnFraction(deadline: string | null | undefined, now: number, turnMs: number): number {
  if (!deadline || turnMs <= 0) return 0;
  const left = Date.parse(deadline) - now;
  return Math.min(1, Math.max(0, left / turnMs));
}

/** Seconds of a .NET TimeSpan as JSON writes it ("hh:mm:ss", "d.hh:mm:ss"). */
export function timeSpanSeconds(span: string): number {
  const [days, rest] = span.includes('.') && span.indexOf('.') < span.indexOf(':') ? span.split(/\.(.*)/s) : ['0', span];
  const [h, m, sec] = rest.split(':').map(Number);
  return Number(days) * 86400 + h * 3600 + m * 60 + Math.floor(sec);
}
