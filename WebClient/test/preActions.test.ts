import { describe, expect, it } from 'vitest';
import { initialTableState, preActionChoices, reduce, type TableState } from '../src/tableState';
import type { PreAction, SeatView, TableView } from '../src/wire';

const seat = (n: number, bet: number, extra: Partial<SeatView> = {}): SeatView => ({
  seat: n, playerId: 100 + n, name: `P${n}`, stack: 98, bet, inHand: true, folded: false, allIn: false, sittingOut: false,
  isRobot: false, cards: [], lastAction: null, heldFor: null, heldUntil: null, timeBankSeconds: 0, ...extra,
} as SeatView);

const at = (seats: SeatView[], actorSeat: number | null, mySeat = 2, preAction: PreAction | null = null): TableState => ({
  ...initialTableState('t1'),
  view: { tableId: 't1', handNo: 3, actorSeat, seats } as unknown as TableView,
  mine: { playerId: 100 + mySeat, seat: mySeat, cards: [], legal: null, preAction },
});

describe('pre-actions', () => {
  it('offers check/fold, check and call any while nothing is to call', () => {
    const choices = preActionChoices(at([seat(0, 2), seat(1, 2), seat(2, 2)], 0));
    expect(choices.map((c) => [c.kind, c.amount])).toEqual([['CheckFold', 0], ['Check', 0], ['CallAny', 0]]);
  });

  it('offers a call of the amount faced (capped by the stack) instead of a check', () => {
    expect(preActionChoices(at([seat(0, 8), seat(1, 2), seat(2, 2)], 1))[1]).toMatchObject({ kind: 'Call', amount: 6 });
    expect(preActionChoices(at([seat(0, 200), seat(1, 2), seat(2, 2, { stack: 50 })], 1))[1]).toMatchObject({ kind: 'Call', amount: 50 });
  });

  it('marks the chosen one, a call only at the amount it was chosen for', () => {
    const seats = [seat(0, 8), seat(1, 2), seat(2, 2)];
    expect(preActionChoices(at(seats, 1, 2, { kind: 'Call', amount: 6 })).filter((c) => c.active).map((c) => c.kind)).toEqual(['Call']);
    expect(preActionChoices(at(seats, 1, 2, { kind: 'Call', amount: 4 })).some((c) => c.active)).toBe(false);
  });

  it('offers nothing on my own turn, between hands, or once folded or all-in', () => {
    expect(preActionChoices(at([seat(0, 2), seat(1, 2), seat(2, 2)], 2))).toEqual([]);
    expect(preActionChoices(at([seat(0, 2), seat(1, 2), seat(2, 2)], null))).toEqual([]);
    expect(preActionChoices(at([seat(0, 2), seat(1, 2), seat(2, 2, { folded: true })], 0))).toEqual([]);
    expect(preActionChoices(at([seat(0, 2), seat(1, 2), seat(2, 2, { allIn: true, stack: 0 })], 0))).toEqual([]);
  });

  it("keeps the choice the table answered in the player's own view", () => {
    const state = at([seat(0, 2), seat(1, 2), seat(2, 2)], 0);
    const chosen = reduce(state, { type: 'preAction', preAction: { kind: 'CallAny', amount: 0 } }).state;
    expect(chosen.mine?.preAction).toEqual({ kind: 'CallAny', amount: 0 });
    expect(reduce(chosen, { type: 'preAction', preAction: null }).state.mine?.preAction).toBeNull();
  });
});
