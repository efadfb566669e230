import { describe, expect, it } from 'vitest';
import { parsePhh, Replayer } from '../src/phh';

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
});
