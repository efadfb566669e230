// Bet sizing: clamps amounts and builds presets strictly inside the legal range the server sent.

import type { LegalActions, PotView, SeatView } from './wire';

export interface RaiseRange {
  min: number;
  max: number;
}

/** The legal raise-to range, or null when the player may not bet or raise. */
export function raiseRange(legal: LegalActions | null | undefined): RaiseRange | null {
  if (!legal || !legal.canBetOrRaise || legal.maxRaiseTo <= 0) return null;
  const min = Math.min(legal.minRaiseTo, legal.maxRaiseTo);
  return { min, max: legal.maxRaiseTo };
}

/** Clamps an amount into [min, max] and rounds it to a whole chip; NaN gives the minimum. */
export function clampAmount(value: number, range: RaiseRange): number {
  if (!Number.isFinite(value)) return range.min;
  return Math.min(range.max, Math.max(range.min, Math.round(value)));
}

export interface Preset {
  key: 'min' | 'half' | 'pot' | 'allIn';
  amount: number;
}

/**
 * Presets (min, 1/2 pot, pot, all-in) as raise-to amounts, each clamped to the legal range; duplicates are dropped.
 * Pot-sized raise-to = highest bet + (pot after calling) × fraction, from the amounts the server sent. The server's
 * pots already include the bets of the current street.
 */
export function presets(range: RaiseRange, pots: PotView[], seats: SeatView[], mySeat: number | null): Preset[] {
  const potTotal = pots.reduce((s, p) => s + p.amount, 0);
  const highest = seats.reduce((m, x) => Math.max(m, x.bet), 0);
  const mine = seats.find((s) => s.seat === mySeat)?.bet ?? 0;
  const toCall = Math.max(0, highest - mine);
  const afterCall = potTotal + toCall;
  const sized = (fraction: number) => clampAmount(highest + afterCall * fraction, range);
  const all: Preset[] = [
    { key: 'min', amount: range.min },
    { key: 'half', amount: sized(0.5) },
    { key: 'pot', amount: sized(1) },
    { key: 'allIn', amount: range.max },
  ];
  const fixed = new Set([range.min, range.max]);
  const seen = new Set<number>();
  return all.filter((p) => {
    if (p.key === 'half' || p.key === 'pot') {
      if (fixed.has(p.amount) || seen.has(p.amount)) return false;
    } else if (seen.has(p.amount)) {
      return false;
    }
    seen.add(p.amount);
    return true;
  });
}
