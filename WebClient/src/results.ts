// What players see of their results: the profit curve's data, the leaderboard's rows and a lobby card's activity line.
// Pure functions, unit-tested; the views draw them.

import type { SeriesData } from './analytics';
import type { Leaderboard, LeaderboardEntry, LeaderboardOrder, LeaderboardPeriod, ProfitPoint, TableActivity } from './wire';

/**
 * The profit curve: x is the number of hands played, y the chips won in all after them, from (0, 0) so that a single
 * hand still draws a line. `points` is 0 without hands.
 */
export function profitSeries(points: readonly ProfitPoint[], label: string): SeriesData {
  if (points.length === 0) return { labels: [label], data: [[], []], points: 0 };
  return {
    labels: [label],
    data: [[0, ...points.map((p) => p.hands)], [0, ...points.map((p) => p.cumulative)]],
    points: points.length,
  };
}

export interface BoardRow {
  entry: LeaderboardEntry;
  own: boolean;
  /** True for the player's own row shown below the top, apart from it. */
  apart: boolean;
}

/** The top rows with the player's own marked, and the own entry appended apart when it is not among them. */
export function boardRows(board: Leaderboard): BoardRow[] {
  const ownId = board.own?.playerId;
  const rows: BoardRow[] = board.top.map((entry) => ({ entry, own: entry.playerId === ownId, apart: false }));
  if (board.own && !rows.some((r) => r.own)) rows.push({ entry: board.own, own: true, apart: true });
  return rows;
}

export interface ActivityWords {
  /** '{hands} hands in the last hour · average pot {pot} · last {ago}' */
  activity: string;
  quiet: string;
  justNow: string;
  minutesAgo: string;
}

/** A lobby card's line: hands in the last hour, average pot and how long ago the last one ended; or that it was quiet. */
export function activityLine(activity: TableActivity | undefined, now: number, words: ActivityWords, chips: (n: number) => string): string {
  if (!activity || activity.handsLastHour === 0) return words.quiet;
  const minutes = Math.max(0, Math.floor((now - Date.parse(activity.lastHandAt)) / 60_000));
  const ago = minutes === 0 ? words.justNow : words.minutesAgo.replace('{n}', String(minutes));
  return words.activity.replace('{hands}', String(activity.handsLastHour)).replace('{pot}', chips(activity.averagePot)).replace('{ago}', ago);
}

/** The leaderboard's query string for a period and an order. */
export function boardQuery(period: LeaderboardPeriod, by: LeaderboardOrder): string {
  return `period=${period.toLowerCase()}&by=${by.toLowerCase()}`;
}
