// The analytics page's data shaping (no DOM, no chart library): the ranges it offers, the rebuild range the gateway
// accepts, the charts' series (players and open tables per snapshot, hands and rake per hour, hands per day and
// variant), the waitlist waits of the room and the busiest queues, the top tables, CSV of exactly what a chart shows,
// and the insights list's query and details.

import type { AnalyticsSnapshot, HourlyStats, WaitReport, WaitStats } from './wire';

export type RangeKey = '24h' | '7d' | '30d';

export const rangeKeys: readonly RangeKey[] = ['24h', '7d', '30d'];

const hourMs = 3_600_000;
const dayMs = 24 * hourMs;
const rangeMs: Record<RangeKey, number> = { '24h': dayMs, '7d': 7 * dayMs, '30d': 30 * dayMs };

/** The longest range the gateway rebuilds at once (AnalyticsGrain.MaxRebuild). */
export const maxRebuildMs = 31 * dayMs;

export interface Range {
  from: Date;
  to: Date;
}

export const floorHour = (ms: number) => Math.floor(ms / hourMs) * hourMs;
export const ceilHour = (ms: number) => Math.ceil(ms / hourMs) * hourMs;
export const floorDay = (ms: number) => Math.floor(ms / dayMs) * dayMs;

/**
 * The range a key stands for, ending now: `from` is rounded down to its hour, so the hourly rows (whose hour must start
 * in the range) cover the whole first hour.
 */
export function rangeOf(key: RangeKey, now: Date): Range {
  return { from: new Date(floorHour(now.getTime() - rangeMs[key])), to: now };
}

/**
 * The whole hours a rebuild of `range` recomputes, as the gateway accepts them: ending no later than the hour now is
 * in (capped to now), and at most 31 days long (the oldest hours are dropped). `capped` says whether it was cut.
 */
export function rebuildRange(range: Range, now: Date): Range & { capped: boolean } {
  const end = ceilHour(Math.min(range.to.getTime(), now.getTime()));
  let start = floorHour(range.from.getTime());
  let capped = range.to.getTime() > now.getTime();
  if (end - start > maxRebuildMs) {
    start = end - maxRebuildMs;
    capped = true;
  }
  if (start >= end) start = end - hourMs;
  return { from: new Date(start), to: new Date(end), capped };
}

/** A chart's data as uPlot takes it: x (Unix seconds, ascending), then one array a series. */
export interface SeriesData {
  /** Series names, in the order of `data` after x. */
  labels: string[];
  data: [number[], ...(number | null)[][]];
  /** Values that are not zero-filled gaps: how many figures back the chart (0: nothing to draw). */
  points: number;
}

const seconds = (ms: number) => Math.round(ms / 1000);

/** Players seated and open tables at each snapshot time (all tables of one batch share `takenAt`). */
export function playersOverTime(snapshots: readonly AnalyticsSnapshot[], labels: [players: string, tables: string]): SeriesData {
  const byTime = new Map<number, { seated: number; tables: number }>();
  for (const s of snapshots) {
    const t = seconds(Date.parse(s.takenAt));
    const at = byTime.get(t) ?? { seated: 0, tables: 0 };
    at.seated += s.seated;
    at.tables += 1;
    byTime.set(t, at);
  }
  const times = [...byTime.keys()].sort((a, b) => a - b);
  return {
    labels: [...labels],
    data: [times, times.map((t) => byTime.get(t)!.seated), times.map((t) => byTime.get(t)!.tables)],
    points: times.length,
  };
}

/**
 * Hands and rake per hour, summed over the tables, for every hour of the range (an hour without a row is 0: no hands
 * were played in it); `points` counts the hours that had rows.
 */
export function handsAndRakePerHour(rows: readonly HourlyStats[], range: Range, labels: [hands: string, rake: string]): SeriesData {
  const byHour = new Map<number, { hands: number; rake: number }>();
  for (const r of rows) {
    const t = floorHour(Date.parse(r.hourStart));
    const at = byHour.get(t) ?? { hands: 0, rake: 0 };
    at.hands += r.hands;
    at.rake += r.rake;
    byHour.set(t, at);
  }
  const hours: number[] = [];
  for (let t = floorHour(range.from.getTime()); t < range.to.getTime(); t += hourMs) hours.push(t);
  for (const t of byHour.keys()) if (!hours.includes(t)) hours.push(t);
  hours.sort((a, b) => a - b);
  return {
    labels: [...labels],
    data: [hours.map(seconds), hours.map((t) => byHour.get(t)?.hands ?? 0), hours.map((t) => byHour.get(t)?.rake ?? 0)],
    points: byHour.size,
  };
}

/** Hands per UTC day, one series a variant (most hands first), every day of the range (0 where none). */
export function handsPerDayByVariant(rows: readonly HourlyStats[], range: Range): SeriesData & { variants: string[] } {
  const totals = new Map<string, number>();
  const byDay = new Map<number, Map<string, number>>();
  for (const r of rows) {
    const day = floorDay(Date.parse(r.hourStart));
    const at = byDay.get(day) ?? new Map<string, number>();
    at.set(r.variant, (at.get(r.variant) ?? 0) + r.hands);
    byDay.set(day, at);
    totals.set(r.variant, (totals.get(r.variant) ?? 0) + r.hands);
  }
  const variants = [...totals.keys()].sort((a, b) => totals.get(b)! - totals.get(a)! || a.localeCompare(b));
  const days: number[] = [];
  for (let t = floorDay(range.from.getTime()); t < range.to.getTime(); t += dayMs) days.push(t);
  for (const t of byDay.keys()) if (!days.includes(t)) days.push(t);
  days.sort((a, b) => a - b);
  return {
    variants,
    labels: variants,
    data: [days.map(seconds), ...variants.map((v) => days.map((d) => byDay.get(d)?.get(v) ?? 0))],
    points: rows.length === 0 ? 0 : [...byDay.values()].reduce((n, m) => n + m.size, 0),
  };
}

export interface TopTable {
  tableId: string;
  variant: string;
  hands: number;
  totalPot: number;
  rake: number;
  peakPlayers: number;
}

/** The tables with the most hands in the rows (ties: more rake, then the id), at most `limit`. */
export function topTables(rows: readonly HourlyStats[], limit = 10): TopTable[] {
  const byTable = new Map<string, TopTable>();
  for (const r of rows) {
    const t = byTable.get(r.tableId) ?? { tableId: r.tableId, variant: r.variant, hands: 0, totalPot: 0, rake: 0, peakPlayers: 0 };
    t.hands += r.hands;
    t.totalPot += r.totalPot;
    t.rake += r.rake;
    t.peakPlayers = Math.max(t.peakPlayers, r.peakPlayers);
    byTable.set(r.tableId, t);
  }
  return [...byTable.values()]
    .filter((t) => t.hands > 0)
    .sort((a, b) => b.hands - a.hands || b.rake - a.rake || a.tableId.localeCompare(b.tableId))
    .slice(0, limit);
}

/** The waits chart: one group of bars a category (the room, then tables), x being the category's index. */
export interface WaitsChart extends SeriesData {
  categories: string[];
  /** The figures behind each category, in the same order (for the CSV). */
  rows: WaitStats[];
}

/**
 * The wait until seated (average, median, 90th percentile, in seconds) of the room and of the tables whose queues
 * people joined most (ties: the id), at most `limit` tables; `points` counts the categories with a seated wait (0:
 * nobody was seated from a waitlist in the range). A figure without a seated wait is null (no bar).
 */
export function waitsByTable(report: WaitReport, room: string, labels: [average: string, median: string, p90: string], limit = 8): WaitsChart {
  const tables = report.tables
    .filter((t) => t.joins > 0)
    .sort((a, b) => b.joins - a.joins || (a.tableId ?? '').localeCompare(b.tableId ?? ''))
    .slice(0, limit);
  const rows = [report.room, ...tables];
  const round = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);
  return {
    categories: [room, ...tables.map((t) => t.tableId ?? '')],
    rows,
    labels: [...labels],
    data: [rows.map((_, i) => i), rows.map((r) => round(r.averageWaitSeconds)), rows.map((r) => round(r.medianWaitSeconds)), rows.map((r) => round(r.p90WaitSeconds))],
    points: rows.filter((r) => r.averageWaitSeconds !== null).length,
  };
}

/** The waits chart's figures as CSV: a line a category (the room first), every figure of the report. */
export function waitsCsv(chart: WaitsChart, header: readonly string[]): string {
  return toCsv(header, chart.rows.map((r, i) => [
    chart.categories[i], r.joins, r.seated, r.left, r.offerExpired, r.waiting,
    r.averageWaitSeconds, r.medianWaitSeconds, r.p90WaitSeconds, r.seatings, r.averageSeatSeconds,
  ]));
}

export type CsvCell = string | number | null | undefined;

/**
 * CSV (RFC 4180): a header line, then one line a row, CRLF between lines. A cell with a comma, quote, CR or LF is
 * quoted, its quotes doubled; null is empty. A text cell starting with =, +, - or @ gets a leading ' so that a
 * spreadsheet does not run it as a formula (numbers are written as they are).
 */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const cell = (value: CsvCell): string => {
    if (value === null || value === undefined) return '';
    let text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : value;
    if (typeof value === 'string' && /^[=+\-@]/.test(text)) text = `'${text}`;
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return [header, ...rows].map((line) => line.map(cell).join(',')).join('\r\n') + '\r\n';
}

/** A chart's data as CSV: the time (ISO, UTC; a date only when `dates`) and one column a series. */
export function seriesCsv(series: SeriesData, timeHeader: string, dates = false): string {
  const [times, ...values] = series.data;
  const time = (s: number) => (dates ? new Date(s * 1000).toISOString().slice(0, 10) : new Date(s * 1000).toISOString());
  return toCsv([timeHeader, ...series.labels], times.map((t, i) => [time(t), ...values.map((v) => v[i])]));
}

/** What the insights list shows: a severity (or all), only the open ones or all, a page. */
export interface InsightFilter {
  severity?: 'info' | 'warning' | 'critical';
  openOnly?: boolean;
  page?: number;
}

/** The query of GET /api/admin/insights for a filter (unset filters are left out; the page starts at 1). */
export function insightParams(filter: InsightFilter, pageSize: number): URLSearchParams {
  const params = new URLSearchParams({ page: String(Math.max(1, filter.page ?? 1)), pageSize: String(pageSize) });
  if (filter.severity) params.set('severity', filter.severity);
  if (filter.openOnly) params.set('open', 'true');
  return params;
}

/** An insight's figures as "name value" pairs in their stored order ("waitlist 6 · threshold 5"), numbers in `locale`. */
export function insightDetails(details: Record<string, number>, locale?: string): string {
  return Object.entries(details)
    .map(([name, value]) => `${name.replaceAll('_', ' ')} ${value.toLocaleString(locale, { maximumFractionDigits: 2 })}`)
    .join(' · ');
}
