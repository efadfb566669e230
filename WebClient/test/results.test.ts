import { describe, expect, it } from 'vitest';
import { activityLine, boardQuery, boardRows, profitSeries } from '../src/results';
import type { Leaderboard, LeaderboardEntry } from '../src/wire';

const words = { activity: '{hands} hands · avg {pot} · last {ago}', quiet: 'quiet', justNow: 'just now', minutesAgo: '{n} min ago' };
const entry = (rank: number, playerId: number, net = 0): LeaderboardEntry => ({ rank, playerId, displayName: `P${playerId}`, hands: 1, net });
const board = (top: LeaderboardEntry[], own: LeaderboardEntry | null): Leaderboard => ({ period: 'Day', by: 'Profit', from: null, top, ranked: 9, own });

describe('profit curve', () => {
  it('starts at zero hands and zero chips and follows the points', () => {
    const series = profitSeries([{ at: '2026-12-02T10:00:00Z', hands: 1, cumulative: -20 }, { at: '2026-12-02T10:01:00Z', hands: 2, cumulative: 35 }], 'net');
    expect(series).toEqual({ labels: ['net'], data: [[0, 1, 2], [0, -20, 35]], points: 2 });
  });

  it('has nothing to draw without hands', () => {
    expect(profitSeries([], 'net').points).toBe(0);
  });
});

describe('leaderboard rows', () => {
  it('marks the own row among the top', () => {
    const rows = boardRows(board([entry(1, 5), entry(2, 7)], entry(2, 7)));
    expect(rows.map((r) => [r.entry.playerId, r.own, r.apart])).toEqual([[5, false, false], [7, true, false]]);
  });

  it('appends the own row apart when it is below the top', () => {
    const rows = boardRows(board([entry(1, 5)], entry(6, 9)));
    expect(rows.map((r) => [r.entry.rank, r.own, r.apart])).toEqual([[1, false, false], [6, true, true]]);
  });

  it('shows the top alone when the player played no hand in the period', () => {
    expect(boardRows(board([entry(1, 5)], null)).some((r) => r.own)).toBe(false);
  });

  it('asks the gateway in its lowercase words', () => {
    expect(boardQuery('Week', 'Hands')).toBe('period=week&by=hands');
  });
});

describe('lobby activity line', () => {
  const now = Date.parse('2026-12-02T12:00:00Z');

  it('says how many hands, the average pot and how long ago', () => {
    const line = activityLine({ tableId: 't', handsLastHour: 12, averagePot: 340, lastHandAt: '2026-12-02T11:55:30Z' }, now, words, (n) => `${n}c`);
    expect(line).toBe('12 hands · avg 340c · last 4 min ago');
  });

  it('says just now within the minute and quiet without hands', () => {
    expect(activityLine({ tableId: 't', handsLastHour: 1, averagePot: 10, lastHandAt: '2026-12-02T11:59:40Z' }, now, words, String)).toContain('just now');
    expect(activityLine(undefined, now, words, String)).toBe('quiet');
  });
});
