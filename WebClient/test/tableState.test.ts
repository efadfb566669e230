import { describe, expect, it } from 'vitest';
import { betAmount, defaultTurnMs, initialTableState, isMyTurn, leavesAfterHand, maySend, minTurnMs, reduce, winnerName, type TableInput, type TableState } from '../src/tableState';
import type { HandResult, LegalActions, PrivateView, SeatView, TableEventMessage, TableSnapshot, TableView } from '../src/wire';

const tableId = 't1';

function view(over: Partial<TableView> = {}): TableView {
  return {
    tableId, name: 'Test', variant: 'NT', status: 'Active', handNo: 3, seats: [], board: [], pots: [], street: 0,
    smallBlind: 1, bigBlind: 2, ante: 0, maxPlayers: 6, minBuyIn: 40, maxBuyIn: 200, waitlistLength: 0, type: 'Persistent',
    turnId: 0, ...over,
  };
}

const legal: LegalActions = { canFold: true, canCheck: false, callAmount: 2, canBetOrRaise: true, minRaiseTo: 4, maxRaiseTo: 100 };
const drawLegal: LegalActions = { canFold: false, canCheck: false, canBetOrRaise: false, minRaiseTo: 0, maxRaiseTo: 0, discardMin: 0, discardMax: 2 };
const mine = (over: Partial<PrivateView> = {}): PrivateView => ({ playerId: 7, seat: 1, cards: ['As', 'Kd'], ...over });
const result = (handNo: number): HandResult => ({ handNo, board: [], awards: [], rake: 0, handId: `t1-${handNo}` });

const snapshot = (eventSeq: number, over: Partial<TableSnapshot> = {}): TableSnapshot =>
  ({ eventSeq, tableVersion: eventSeq, view: view(), mine: null, ...over });

const event = (eventSeq: number, over: Partial<TableEventMessage> = {}): TableEventMessage =>
  ({ tableId, eventSeq, tableVersion: eventSeq, kind: 'Acted', description: '', view: view(), mine: null, ...over });

/** Runs the inputs in order from the initial state; the last step's state and effects. */
function run(...inputs: TableInput[]) {
  let state: TableState = initialTableState(tableId);
  let effects: readonly string[] = [];
  for (const input of inputs) ({ state, effects } = reduce(state, input));
  return { state, effects };
}

describe('table state', () => {
  it('starts empty, waiting for a snapshot', () => {
    const state = initialTableState(tableId);

    expect(state).toMatchObject({ view: null, mine: null, lastSeq: -1, turnMs: defaultTurnMs, result: null, waitPosition: null, sizing: null, sent: null, resyncing: false });
    expect(state.selected.size).toBe(0);
  });

  it('takes view, own cards and sequence from a snapshot, and the last result when none is shown', () => {
    const { state, effects } = run({ type: 'snapshot', snapshot: snapshot(10, { view: view({ lastResult: result(2) }), mine: mine() }) });

    expect(state.lastSeq).toBe(10);
    expect(state.view?.handNo).toBe(3);
    expect(state.mine?.cards).toEqual(['As', 'Kd']);
    expect(state.result?.handNo).toBe(2);
    expect(effects).toEqual([]);
  });

  it('ignores a snapshot or an event of another table', () => {
    const before = run({ type: 'snapshot', snapshot: snapshot(10) }).state;

    const other = reduce(before, { type: 'snapshot', snapshot: snapshot(11, { view: view({ tableId: 't2' }) }) });
    const otherEvent = reduce(before, { type: 'event', message: event(11, { tableId: 't2' }) });

    expect(other.state).toBe(before);
    expect(otherEvent.state).toBe(before);
  });

  it('applies the next event and ignores an old one', () => {
    const applied = run({ type: 'snapshot', snapshot: snapshot(10) }, { type: 'event', message: event(11, { view: view({ handNo: 4 }), mine: mine() }) });
    const stale = reduce(applied.state, { type: 'event', message: event(11, { view: view({ handNo: 9 }) }) });

    expect(applied.state.lastSeq).toBe(11);
    expect(applied.state.view?.handNo).toBe(4);
    expect(applied.state.mine?.seat).toBe(1);
    expect(stale.state).toBe(applied.state);
    expect(stale.effects).toEqual([]);
  });

  it('asks for a snapshot after a gap, and for any event before the first snapshot, without applying it', () => {
    const afterSnapshot = run({ type: 'snapshot', snapshot: snapshot(10) }).state;

    const gap = reduce(afterSnapshot, { type: 'event', message: event(12) });
    const early = reduce(initialTableState(tableId), { type: 'event', message: event(1) });

    expect(gap.state).toBe(afterSnapshot);
    expect(gap.effects).toEqual(['resync']);
    expect(early.state.lastSeq).toBe(-1);
    expect(early.effects).toEqual(['resync']);
  });

  it('resyncs from the snapshot that repairs a gap, then applies the events after it', () => {
    const { state } = run(
      { type: 'snapshot', snapshot: snapshot(10) },
      { type: 'event', message: event(13) },
      { type: 'resyncStarted' },
      { type: 'snapshot', snapshot: snapshot(13, { view: view({ handNo: 5 }) }) },
      { type: 'resyncEnded' },
      { type: 'event', message: event(14, { view: view({ handNo: 5, street: 1 }) }) });

    expect(state.lastSeq).toBe(14);
    expect(state.view?.street).toBe(1);
    expect(state.resyncing).toBe(false);
  });

  it('marks a resync in flight until it ends', () => {
    expect(run({ type: 'resyncStarted' }).state.resyncing).toBe(true);
    expect(run({ type: 'resyncStarted' }, { type: 'resyncEnded' }).state.resyncing).toBe(false);
  });

  it('forgets the sequence on reconnect, so the next event waits for the new snapshot', () => {
    const { state, effects } = run({ type: 'snapshot', snapshot: snapshot(10) }, { type: 'reconnected' }, { type: 'event', message: event(11) });

    expect(state.lastSeq).toBe(-1);
    expect(effects).toEqual(['resync']);
  });

  it('keeps the shown result until an event or the hand-finished message brings another', () => {
    const shown = run({ type: 'snapshot', snapshot: snapshot(10, { view: view({ lastResult: result(2) }) }) }).state;

    const noResult = reduce(shown, { type: 'event', message: event(11) }).state;
    const withResult = reduce(noResult, { type: 'event', message: event(12, { result: result(3) }) }).state;
    const finished = reduce(withResult, { type: 'handFinished', result: result(4) }).state;
    const laterSnapshot = reduce(finished, { type: 'snapshot', snapshot: snapshot(13, { view: view({ lastResult: result(3) }) }) }).state;

    expect(noResult.result?.handNo).toBe(2);
    expect(withResult.result?.handNo).toBe(3);
    expect(finished.result?.handNo).toBe(4);
    expect(laterSnapshot.result?.handNo).toBe(4);
  });

  it('credits the winner by player id, with the name the table showed when the result came, into the next hand', () => {
    const seat = (n: number, playerId: number, name: string) => ({ seat: n, playerId, name, stack: 100, bet: 0, inHand: true, folded: false,
      allIn: false, sittingOut: false, isRobot: false, cards: [] }) as SeatView;
    const won: HandResult = { ...result(3), awards: [{ seat: 2, playerId: 7, amount: 40, cards: [] }, { seat: 4, playerId: 9, amount: 8, cards: [] }] };
    const { state } = run(
      { type: 'snapshot', snapshot: snapshot(1, { view: view({ seats: [seat(2, 7, 'Ann'), seat(4, 9, 'Bob')] }) }) },
      { type: 'event', message: event(2, { kind: 'HandEnded', result: won, view: view({ seats: [seat(2, 7, 'Ann'), seat(4, 9, 'Bob')] }) }) },
      // Ann leaves, Cid sits in her seat and the next hand starts: the result is still up.
      { type: 'event', message: event(3, { kind: 'HandStarted', view: view({ handNo: 4, seats: [seat(2, 11, 'Cid'), seat(4, 9, 'Bob')] }) }) });

    expect(state.result?.awards.map((a) => winnerName(state.result!, a))).toEqual(['Ann', 'Bob']);
    // The hand-finished message of the same hand, coming late, keeps the names.
    const late = reduce(state, { type: 'handFinished', result: won }).state;
    expect(late.result?.awards.map((a) => winnerName(late.result!, a))).toEqual(['Ann', 'Bob']);
    // A winner the table did not show (gone before the result came) is named by seat.
    const finished = reduce(state, { type: 'handFinished', result: { ...result(4), awards: [{ seat: 2, playerId: 7, amount: 40, cards: [] }] } }).state;
    expect(winnerName(finished.result!, finished.result!.awards[0])).toBe('#3');
  });

  it('takes the legal actions of a yourTurn for the current or a later event, not an older one, and the clock it runs', () => {
    const seated = run({ type: 'snapshot', snapshot: snapshot(10, { mine: mine() }) }).state;
    const now = Date.parse('2026-01-01T00:00:00Z');
    const turn = { tableId, eventSeq: 10, handNo: 3, turnId: 10, seat: 1, legal, deadline: '2026-01-01T00:00:20Z' };

    const current = reduce(seated, { type: 'yourTurn', message: turn, now }).state;
    const older = reduce(seated, { type: 'yourTurn', message: { ...turn, eventSeq: 9 }, now }).state;
    const hurried = reduce(seated, { type: 'yourTurn', message: { ...turn, deadline: '2026-01-01T00:00:01Z' }, now }).state;

    expect(current.mine?.legal).toEqual(legal);
    expect(current.turnMs).toBe(20_000);
    expect(older.mine?.legal).toBeUndefined();
    expect(hurried.turnMs).toBe(minTurnMs);
  });

  it('learns the clock of anybody\'s turn, and of a time bank, from the event that starts it', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    const watching = run({ type: 'snapshot', snapshot: snapshot(10) }).state;
    // Somebody else's turn starts (a new turn id): 15 s to its deadline, whatever the viewer's own last turn was.
    const theirs = reduce(watching, { type: 'event', now, message: event(11, { view: view({ actorSeat: 3, turnId: 11, deadline: '2026-01-01T00:00:15Z' }) }) }).state;
    expect(theirs.turnMs).toBe(15_000);
    // Later events of the same turn keep it (less time is left, the clock is the same).
    const later = reduce(theirs, { type: 'event', now: now + 5_000, message: event(12, { view: view({ actorSeat: 3, turnId: 11, deadline: '2026-01-01T00:00:15Z' }) }) }).state;
    expect(later.turnMs).toBe(15_000);
    // The time bank starts: its own clock, from now to the bank's end.
    const bank = reduce(later, { type: 'event', now: now + 15_000, message: event(13, { view: view({ actorSeat: 3, turnId: 11, onTimeBank: true, deadline: '2026-01-01T00:00:45Z' }) }) }).state;
    expect(bank.turnMs).toBe(30_000);
    // A turn under way when the page opened (a snapshot) keeps what is known: its start is not.
    expect(reduce(watching, { type: 'snapshot', snapshot: snapshot(11, { view: view({ actorSeat: 3, turnId: 11, deadline: '2026-01-01T00:00:15Z' }) }) }).state.turnMs)
      .toBe(defaultTurnMs);
  });

  it('tells a leave or a kick that waits for the end of the hand (0 chips answered for a player dealt in)', () => {
    expect(leavesAfterHand(0, { inHand: true })).toBe(true);
    expect(leavesAfterHand(0, { inHand: false })).toBe(false);
    expect(leavesAfterHand(150, { inHand: true })).toBe(false);
  });

  it('says it is my turn only when I am the actor and have legal actions', () => {
    const mineWithLegal = mine({ legal });

    expect(isMyTurn(run({ type: 'snapshot', snapshot: snapshot(1, { view: view({ actorSeat: 1 }), mine: mineWithLegal }) }).state)).toBe(true);
    expect(isMyTurn(run({ type: 'snapshot', snapshot: snapshot(1, { view: view({ actorSeat: 2 }), mine: mineWithLegal }) }).state)).toBe(false);
    expect(isMyTurn(run({ type: 'snapshot', snapshot: snapshot(1, { view: view({ actorSeat: 1 }), mine: mine() }) }).state)).toBe(false);
    expect(isMyTurn(initialTableState(tableId))).toBe(false);
  });

  it('picks discards up to the most allowed, unpicks them, and clears them when a hand starts', () => {
    const drawing = run({ type: 'snapshot', snapshot: snapshot(1, { view: view({ actorSeat: 1 }), mine: mine({ cards: ['As', 'Kd', '7c'], legal: drawLegal }) }) }).state;
    const pick = (state: TableState, card: string) => reduce(state, { type: 'toggleCard', card }).state;

    const two = pick(pick(drawing, 'As'), '7c');
    const third = pick(two, 'Kd');
    const unpicked = pick(two, 'As');
    const nextHand = reduce(two, { type: 'event', message: event(2, { kind: 'HandStarted', mine: mine() }) }).state;

    expect([...two.selected]).toEqual(['As', '7c']);
    expect(third).toBe(two);
    expect([...unpicked.selected]).toEqual(['7c']);
    expect(nextHand.selected.size).toBe(0);
  });

  it('forgets the picked cards once the own action is accepted', () => {
    const { state } = run(
      { type: 'snapshot', snapshot: snapshot(1, { mine: mine({ legal: drawLegal }) }) },
      { type: 'toggleCard', card: 'As' },
      { type: 'actAccepted' });

    expect(state.selected.size).toBe(0);
  });

  it('offers a turn the bet sized in that turn, clamped to its range, and any other turn its own minimum', () => {
    const range = { min: 4, max: 100 };
    const sized = run({ type: 'snapshot', snapshot: snapshot(1) }, { type: 'amount', turn: { handNo: 3, turnId: 5 }, amount: 40 }).state;

    expect(betAmount(initialTableState(tableId), { handNo: 3, turnId: 5 }, range)).toBe(4);
    expect(betAmount(sized, { handNo: 3, turnId: 5 }, range)).toBe(40);
    expect(betAmount(sized, { handNo: 3, turnId: 5 }, { min: 4, max: 30 })).toBe(30);
    // The next turn of the hand, or a turn of the next hand, after a timeout, a refusal or a pre-action: from its minimum.
    expect(betAmount(sized, { handNo: 3, turnId: 8 }, { min: 10, max: 100 })).toBe(10);
    expect(betAmount(sized, { handNo: 4, turnId: 5 }, range)).toBe(4);
  });

  it('keeps the bet sized in a newer turn when the action of an older one is accepted after it', () => {
    // The table publishes the next turn before it answers the action: the player sizes a bet there, then the answer comes.
    const { state } = run(
      { type: 'snapshot', snapshot: snapshot(1) },
      { type: 'amount', turn: { handNo: 3, turnId: 5 }, amount: 40 },
      { type: 'event', message: event(2, { view: view({ turnId: 7 }) }) },
      { type: 'amount', turn: { handNo: 3, turnId: 7 }, amount: 12 },
      { type: 'actAccepted' });

    expect(betAmount(state, { handNo: 3, turnId: 7 }, { min: 4, max: 100 })).toBe(12);
  });

  it('sends one action a turn: a second tap for the turn sends nothing, a newer turn may act, a refused one may try again', () => {
    const turn = { handNo: 3, turnId: 5 };
    const sent = run({ type: 'snapshot', snapshot: snapshot(1) }, { type: 'actSent', turn }).state;
    const accepted = reduce(sent, { type: 'actAccepted' }).state;
    const refused = reduce(sent, { type: 'actRefused', turn }).state;
    const olderRefused = reduce(reduce(sent, { type: 'actSent', turn: { handNo: 3, turnId: 7 } }).state, { type: 'actRefused', turn }).state;

    expect(maySend(run({ type: 'snapshot', snapshot: snapshot(1) }).state, turn)).toBe(true);
    expect(maySend(sent, turn)).toBe(false);
    expect(maySend(accepted, turn)).toBe(false);
    expect(maySend(sent, { handNo: 3, turnId: 7 })).toBe(true);
    expect(maySend(sent, { handNo: 4, turnId: 5 })).toBe(true);
    expect(maySend(refused, turn)).toBe(true);
    expect(maySend(olderRefused, { handNo: 3, turnId: 7 })).toBe(false);
  });

  it('leaves the waitlist when seated, and looks the position up again when the queue moved', () => {
    const queued = run({ type: 'snapshot', snapshot: snapshot(1) }, { type: 'waitPosition', position: 2 }).state;

    const aheadLeft = reduce(queued, { type: 'event', message: event(2, { kind: 'Left' }) });
    const acted = reduce(queued, { type: 'event', message: event(2, { kind: 'Acted' }) });
    const seatedMyself = reduce(queued, { type: 'event', message: event(2, { kind: 'Seated', mine: mine() }) });
    const notQueued = reduce(run({ type: 'snapshot', snapshot: snapshot(1) }).state, { type: 'event', message: event(2, { kind: 'Left' }) });

    expect(aheadLeft.state.waitPosition).toBe(2);
    expect(aheadLeft.effects).toEqual(['refreshPosition']);
    expect(acted.effects).toEqual([]);
    expect(seatedMyself.state.waitPosition).toBeNull();
    expect(seatedMyself.effects).toEqual([]);
    expect(notQueued.effects).toEqual([]);
  });

  it('looks a queued player\'s position up again after a snapshot, and when an event shows the queue\'s length changed', () => {
    const queued = run({ type: 'snapshot', snapshot: snapshot(1, { view: view({ waitlistLength: 2 }) }) }, { type: 'waitPosition', position: 2 }).state;

    const resynced = reduce(queued, { type: 'snapshot', snapshot: snapshot(5, { view: view({ waitlistLength: 2 }) }) });
    const shorter = reduce(queued, { type: 'event', message: event(2, { view: view({ waitlistLength: 1 }) }) });
    const same = reduce(queued, { type: 'event', message: event(2, { view: view({ waitlistLength: 2 }) }) });
    const notQueued = run({ type: 'snapshot', snapshot: snapshot(1) }, { type: 'snapshot', snapshot: snapshot(5) });

    expect(resynced.effects).toEqual(['refreshPosition']);
    expect(shorter.effects).toEqual(['refreshPosition']);
    expect(same.effects).toEqual([]);
    expect(notQueued.effects).toEqual([]);
  });

  it('never changes the state it is given', () => {
    const state = run({ type: 'snapshot', snapshot: snapshot(1, { mine: mine({ legal: drawLegal }) }) }).state;
    const copy = structuredClone({ ...state, selected: [...state.selected] });

    reduce(state, { type: 'toggleCard', card: 'As' });
    reduce(state, { type: 'event', message: event(2, { kind: 'HandStarted' }) });
    reduce(state, { type: 'reconnected' });

    expect({ ...state, selected: [...state.selected] }).toEqual(copy);
  });
});
