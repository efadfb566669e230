import { describe, expect, it } from 'vitest';
import { clampAmount, presets, raiseRange } from '../src/slider';
import type { LegalActions, SeatView } from '../src/wire';

const legal = (min: number, max: number, can = true): LegalActions => ({
  canFold: true, canCheck: false, callAmount: 2, canBetOrRaise: can, minRaiseTo: min, maxRaiseTo: max,
});
const seat = (n: number, bet: number): SeatView => ({
  seat: n, stack: 100, bet, inHand: true, folded: false, allIn: false, sittingOut: false, isRobot: false, cards: [],
});

describe('slider', () => {
  it('has no range when the server does not allow a bet or raise', () => {
    expect(raiseRange(legal(4, 200, false))).toBeNull();
    expect(raiseRange(null)).toBeNull();
  });

  it('clamps amounts into the legal range', () => {
    const range = raiseRange(legal(4, 200))!;
    expect(clampAmount(1, range)).toBe(4);
    expect(clampAmount(500, range)).toBe(200);
    expect(clampAmount(50.6, range)).toBe(51);
    expect(clampAmount(Number.NaN, range)).toBe(4);
  });

  it('uses the maximum when a short all-in makes the minimum unreachable', () => {
    const range = raiseRange(legal(40, 25))!;
    expect(range).toEqual({ min: 25, max: 25 });
  });

  it('builds min, half pot, pot and all-in presets inside the range', () => {
    // Blinds 1/2 posted, I am the small blind: pot 3, to call 1; pot-sized raise-to = 2 + 4 = 6, half = 2 + 2 = 4.
    const got = presets(raiseRange(legal(4, 200))!, [{ amount: 2, seats: [0, 1] }, { amount: 1, seats: [1] }], [seat(0, 1), seat(1, 2)], 0);
    expect(got).toEqual([
      { key: 'min', amount: 4 },
      { key: 'pot', amount: 6 },
      { key: 'allIn', amount: 200 },
    ]);
  });

  it('clamps presets to a pot-limit maximum', () => {
    const got = presets(raiseRange(legal(4, 7))!, [{ amount: 100, seats: [0, 1] }], [seat(0, 0), seat(1, 0)], 0);
    expect(got.map((p) => p.amount)).toEqual([4, 7]);
    expect(got.every((p) => p.amount >= 4 && p.amount <= 7)).toBe(true);
  });
});
