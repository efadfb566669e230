import { describe, expect, it } from 'vitest';
import { actionLabel, parsePhh, Replayer } from '../src/phh';
import { stringsOf } from '../src/i18n';
import { formatChips } from '../src/format';

const holdem = `variant = 'NT'
antes = [0, 0, 0]
blinds_or_straddles = [1, 2, 0]
min_bet = 2
starting_stacks = [100, 100, 100]
actions = [
  'd dh p1 AsKs', 'd dh p2 7h7d', 'd dh p3 2c3d',
  'p3 f', 'p1 cbr 6', 'p2 cc',
  'd db Ah7s2d',
  'p1 cbr 10', 'p2 cc',
  'd db 9c',
  'p1 cc', 'p2 cc',
  'd db Qd',
  'p1 cc', 'p2 cc',
  'p1 sm AsKs', 'p2 sm 7h7d',
]
players = ['Ann', 'Bob', 'Cid']
finishing_stacks = [84, 116, 100]
`;

const draw = `variant = 'N2L1D'
antes = [0, 0]
blinds_or_straddles = [1, 2]
min_bet = 2
starting_stacks = [50, 50]
actions = ['d dh p1 2s3h4d5c9s', 'd dh p2 KsKdQh8c7c', 'p2 cc', 'p1 cc', 'p1 sd 9s', 'p2 sd KsKd', 'd dh p1 7d', 'd dh p2 6h3c', 'p1 cc', 'p2 cc']
`;

describe('PHH replayer', () => {
  it('reads fields, multi-line arrays and player names', () => {
    const hand = parsePhh(holdem);
    expect(hand.variant).toBe('NT');
    expect(hand.actions).toHaveLength(17);
    expect(hand.players).toEqual(['Ann', 'Bob', 'Cid']);
    expect(hand.finishingStacks).toEqual([84, 116, 100]);
  });

  it('starts with forced bets posted and nothing dealt', () => {
    const r = new Replayer(parsePhh(holdem));
    const start = r.at(0);
    expect(start.players.map((p) => p.bet)).toEqual([1, 2, 0]);
    expect(start.board).toEqual([]);
    expect(start.street).toBe(0);
  });

  it('steps street by street: flop, turn, river, showdown', () => {
    const r = new Replayer(parsePhh(holdem));
    let step = r.nextStreet(0);
    let s = r.at(step);
    expect(s.board).toEqual(['Ah', '7s', '2d']);
    expect(s.pot).toBe(12);
    expect(s.players[2].folded).toBe(true);
    step = r.nextStreet(step);
    expect(r.at(step).board).toHaveLength(4);
    expect(r.at(step).pot).toBe(32);
    step = r.nextStreet(step);
    expect(r.at(step).board).toHaveLength(5);
    step = r.nextStreet(step);
    s = r.at(step);
    expect(s.finished).toBe(true);
    expect(s.players.map((p) => p.stack)).toEqual([84, 116, 100]);
    expect(r.previousStreet(step)).toBeLessThan(step);
  });

  it('steps action by action with the last action shown', () => {
    const r = new Replayer(parsePhh(holdem));
    const s = r.at(5);
    expect(s.lastAction).toBe('p1 cbr 6');
    expect(s.players[0].bet).toBe(6);
    expect(s.players[0].stack).toBe(94);
  });

  it('replaces discarded cards in a draw game', () => {
    const r = new Replayer(parsePhh(draw));
    const end = r.at(r.length);
    expect(end.players[0].cards).toEqual(['2s', '3h', '4d', '5c', '7d']);
    expect(end.players[1].cards).toEqual(['Qh', '8c', '7c', '6h', '3c']);
    // Heads-up: the button (p2) posts the small blind.
    expect(r.at(0).players.map((p) => p.bet)).toEqual([2, 1]);
  });

  it('keeps the count of unknown cards in a player\'s copy of a draw hand', () => {
    const copy = draw.replace("'d dh p2 KsKdQh8c7c'", "'d dh p2 ??????????'").replace("'p2 sd KsKd'", "'p2 sd ????'").replace("'d dh p2 6h3c'", "'d dh p2 ????'");
    const r = new Replayer(parsePhh(copy));
    const end = r.at(r.length);
    expect(end.players[1].cards).toEqual(['??', '??', '??', '??', '??']);
    expect(end.players[0].cards).toEqual(['2s', '3h', '4d', '5c', '7d']);
  });

  it('labels each action readably, in the player\'s language, with the table\'s action names', () => {
    const hand = parsePhh(holdem);
    const r = new Replayer(hand);
    const en = stringsOf('en');
    const label = (step: number, lang: 'en' | 'fa' = 'en') =>
      actionLabel(r.at(step).action!, hand.players, stringsOf(lang), (n) => formatChips(n, lang));
    expect(label(1)).toBe('Ann: Dealt A♠ K♠');
    expect(label(4)).toBe('Cid: Fold');
    expect(label(5)).toBe('Ann: Raise to 6');
    expect(label(6)).toBe('Bob: Call 4');
    expect(label(7)).toBe('Dealer: A♥ 7♠ 2♦');
    expect(label(8)).toBe('Ann: Bet 10');
    expect(label(11)).toBe('Ann: Check');
    expect(label(r.length)).toBe('Bob: Shows 7♥ 7♦');
    // Under the player: without the name.
    expect(actionLabel(r.at(5).players[0].action!, hand.players, en, String, false)).toBe('Raise to 6');
    // Persian: the table's Persian action names and digits.
    expect(label(5, 'fa')).toBe(`Ann: ${stringsOf('fa').raiseTo} ۶`);
    // The history's own code stays with the state.
    expect(r.at(5).lastAction).toBe('p1 cbr 6');
  });

  it('labels draws, mucks and all-ins', () => {
    const en = stringsOf('en');
    const copy = draw.replace("'p2 sd KsKd'", "'p2 sd'").replace("'p2 cc']", "'p2 cc', 'p1 sm', 'p2 sm KsKdQh8c7c']");
    const hand = parsePhh(copy);
    const r = new Replayer(hand);
    const labels = hand.actions.map((_, i) => actionLabel(r.at(i + 1).action!, hand.players, en, String));
    expect(labels).toContain('p1: Discard 1');
    expect(labels).toContain('p2: Stand pat');
    expect(labels).toContain('p1: Mucks');
    const shove = parsePhh(holdem.replace("'p1 cbr 6', 'p2 cc'", "'p1 cbr 100', 'p2 cc'"));
    expect(actionLabel(new Replayer(shove).at(5).action!, shove.players, en, String)).toBe('Ann: Raise to 100 · All-in');
  });
});
