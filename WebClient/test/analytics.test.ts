import { describe, expect, it } from 'vitest';
import {
  handsAndRakePerHour, handsPerDayByVariant, insightDetails, insightParams, playersOverTime, rangeOf, rebuildRange, seriesCsv, toCsv, topTables,
  waitsByTable, waitsCsv,
} from '../src/analytics';
import type { AnalyticsSnapshot, HourlyStats, WaitReport, WaitStats } from '../src/wire';

const hour = (tableId: string, hourStart: string, variant: string, hands: number, rake = 0, peakPlayers = 2): HourlyStats => ({
  tableId, hourStart, variant, hands, averagePlayers: 2, peakPlayers, distinctPlayers: 2, newPlayers: 0, activeMinutes: 1, totalPot: hands * 10, rake,
});
const snap = (tableId: string, takenAt: string, seated: number): AnalyticsSnapshot => ({
  tableId, takenAt, status: 'Active', variant: 'NT', seated, waitlist: 0, hands: 0, averagePot: 0, largestPot: 0, rake: 0, timeouts: 0,
});
const sec = (iso: string) => Date.parse(iso) / 1000;

describe('ranges', () => {
  const now = new Date('2026-12-02T14:37:12Z');

  it('end now and start on a whole hour', () => {
    expect(rangeOf('24h', now)).toEqual({ from: new Date('2026-12-01T14:00:00Z'), to: now });
    expect(rangeOf('7d', now).from.toISOString()).toBe('2026-11-25T14:00:00.000Z');
    expect(rangeOf('30d', now).from.toISOString()).toBe('2026-11-02T14:00:00.000Z');
  });

  it('a rebuild covers whole hours up to the end of the current one and is not capped within 31 days', () => {
    const r = rebuildRange(rangeOf('30d', now), now);
    expect(r.from.toISOString()).toBe('2026-11-02T14:00:00.000Z');
    expect(r.to.toISOString()).toBe('2026-12-02T15:00:00.000Z');
    expect(r.capped).toBe(false);
  });

  it('a rebuild is capped to now and to 31 days', () => {
    const future = rebuildRange({ from: new Date('2026-12-02T10:20:00Z'), to: new Date('2026-12-05T00:00:00Z') }, now);
    expect(future).toEqual({ from: new Date('2026-12-02T10:00:00Z'), to: new Date('2026-12-02T15:00:00Z'), capped: true });
    const long = rebuildRange({ from: new Date('2026-09-01T00:00:00Z'), to: now }, now);
    expect(long.to.getTime() - long.from.getTime()).toBe(31 * 24 * 3600_000);
    expect(long.to.toISOString()).toBe('2026-12-02T15:00:00.000Z');
    expect(long.capped).toBe(true);
  });

  it('a rebuild of a range on an exact hour still covers one hour', () => {
    const at = new Date('2026-12-02T14:00:00Z');
    expect(rebuildRange({ from: at, to: at }, at)).toEqual({ from: new Date('2026-12-02T13:00:00Z'), to: at, capped: false });
  });
});

describe('players over time', () => {
  it('sums seated players and counts tables per snapshot time, in time order', () => {
    const d = playersOverTime([
      snap('b', '2026-12-02T10:05:00Z', 3), snap('a', '2026-12-02T10:00:00Z', 2), snap('b', '2026-12-02T10:00:00Z', 4), snap('c', '2026-12-02T10:05:00Z', 0),
    ], ['players', 'tables']);
    expect(d.labels).toEqual(['players', 'tables']);
    expect(d.data).toEqual([[sec('2026-12-02T10:00:00Z'), sec('2026-12-02T10:05:00Z')], [6, 3], [2, 2]]);
    expect(d.points).toBe(2);
  });

  it('has no points without snapshots', () => {
    expect(playersOverTime([], ['p', 't'])).toEqual({ labels: ['p', 't'], data: [[], [], []], points: 0 });
  });
});

describe('hands and rake per hour', () => {
  const range = { from: new Date('2026-12-02T10:00:00Z'), to: new Date('2026-12-02T13:30:00Z') };

  it('sums the tables of each hour and fills hours without hands with 0', () => {
    const d = handsAndRakePerHour([
      hour('a', '2026-12-02T10:00:00Z', 'NT', 5, 3), hour('b', '2026-12-02T10:00:00Z', 'PO', 2, 1), hour('a', '2026-12-02T12:00:00Z', 'NT', 4, 2),
    ], range, ['hands', 'rake']);
    expect(d.data[0]).toEqual(['10', '11', '12', '13'].map((h) => sec(`2026-12-02T${h}:00:00Z`)));
    expect(d.data[1]).toEqual([7, 0, 4, 0]);
    expect(d.data[2]).toEqual([4, 0, 2, 0]);
    expect(d.points).toBe(2);
  });

  it('has no points without rows (the zeros are not data)', () => {
    expect(handsAndRakePerHour([], range, ['h', 'r']).points).toBe(0);
  });
});

describe('hands per day and variant', () => {
  it('groups by UTC day, one series a variant, most hands first', () => {
    const range = { from: new Date('2026-11-30T14:00:00Z'), to: new Date('2026-12-02T09:00:00Z') };
    const d = handsPerDayByVariant([
      hour('a', '2026-11-30T23:00:00Z', 'PO', 1), hour('b', '2026-12-01T00:00:00Z', 'NT', 3), hour('c', '2026-12-01T05:00:00Z', 'NT', 2),
      hour('a', '2026-12-02T08:00:00Z', 'PO', 1),
    ], range);
    expect(d.variants).toEqual(['NT', 'PO']);
    expect(d.data[0]).toEqual([sec('2026-11-30T00:00:00Z'), sec('2026-12-01T00:00:00Z'), sec('2026-12-02T00:00:00Z')]);
    expect(d.data[1]).toEqual([0, 5, 0]);
    expect(d.data[2]).toEqual([1, 0, 1]);
    expect(d.points).toBe(3);
  });
});

describe('top tables', () => {
  it('orders by hands, then rake, then id, and keeps at most the limit', () => {
    const rows = [
      hour('x', '2026-12-02T10:00:00Z', 'NT', 2, 1, 3), hour('y', '2026-12-02T10:00:00Z', 'PO', 5, 0), hour('x', '2026-12-02T11:00:00Z', 'NT', 3, 1, 5),
      hour('z', '2026-12-02T11:00:00Z', 'NT', 5, 3), hour('w', '2026-12-02T11:00:00Z', 'NT', 0),
    ];
    expect(topTables(rows).map((t) => [t.tableId, t.hands])).toEqual([['z', 5], ['x', 5], ['y', 5]]);
    expect(topTables(rows).find((t) => t.tableId === 'x')).toEqual({ tableId: 'x', variant: 'NT', hands: 5, totalPot: 50, rake: 2, peakPlayers: 5 });
    expect(topTables(rows, 1).map((t) => t.tableId)).toEqual(['z']);
    expect(topTables([])).toEqual([]);
  });
});

describe('CSV', () => {
  it('quotes commas, quotes and line breaks, leaves plain cells alone, ends lines with CRLF', () => {
    expect(toCsv(['a', 'b'], [['plain', 1.5], ['with, comma', 'say "hi"'], ['two\nlines', null], [undefined, -3]]))
      .toBe('a,b\r\nplain,1.5\r\n"with, comma","say ""hi"""\r\n"two\nlines",\r\n,-3\r\n');
  });

  it('defuses text that a spreadsheet would run as a formula, not negative numbers', () => {
    expect(toCsv(['x'], [['=SUM(A1)'], ['+1'], ['-x'], ['@cmd'], [-2]])).toBe("x\r\n'=SUM(A1)\r\n'+1\r\n'-x\r\n'@cmd\r\n-2\r\n");
  });

  it('quotes a header that needs it and writes non-finite numbers as empty', () => {
    expect(toCsv(['Hold\'em, NL'], [[Number.NaN]])).toBe('"Hold\'em, NL"\r\n\r\n');
  });

  it('writes a chart\'s series with ISO times or dates', () => {
    const d = playersOverTime([snap('a', '2026-12-02T10:00:00Z', 2)], ['players', 'open tables']);
    expect(seriesCsv(d, 'time')).toBe('time,players,open tables\r\n2026-12-02T10:00:00.000Z,2,1\r\n');
    expect(seriesCsv(d, 'day', true)).toBe('day,players,open tables\r\n2026-12-02,2,1\r\n');
  });
});

describe('insights', () => {
  it('ask for a page with only the filters set', () => {
    expect(insightParams({}, 20).toString()).toBe('page=1&pageSize=20');
    expect(insightParams({ severity: 'warning', openOnly: true, page: 3 }, 10).toString()).toBe('page=3&pageSize=10&severity=warning&open=true');
    expect(insightParams({ openOnly: false, page: 0 }, 20).toString()).toBe('page=1&pageSize=20');
  });

  it('show their figures by name in the stored order', () => {
    expect(insightDetails({ waitlist: 6, threshold_minutes: 30, ratio: 2.5 }, 'en')).toBe('waitlist 6 · threshold minutes 30 · ratio 2.5');
    expect(insightDetails({}, 'en')).toBe('');
    expect(insightDetails({ failures: 1234 }, 'fa-IR')).toBe(`failures ${(1234).toLocaleString('fa-IR')}`);
  });
});

describe('waitlist waits', () => {
  const waits = (tableId: string | null, joins: number, seated: number, wait: number | null): WaitStats => ({
    tableId, joins, seated, left: joins - seated, offerExpired: 0, waiting: 0,
    averageWaitSeconds: wait, medianWaitSeconds: wait === null ? null : wait / 2, p90WaitSeconds: wait === null ? null : wait * 2,
    seatings: seated + 1, averageSeatSeconds: null,
  });
  const report = (tables: WaitStats[], room: WaitStats): WaitReport => ({ from: '2026-12-01T14:00:00Z', to: '2026-12-02T14:37:12Z', tables, room });

  it('chart the room, then the tables people queued at most, a group of bars each, x being the index', () => {
    const chart = waitsByTable(report([
      waits('quiet', 1, 0, null), waits('busy', 5, 4, 12.34), waits('none', 0, 0, null), waits('alpha', 5, 5, 30),
    ], waits(null, 11, 9, 20.06)), 'Room', ['avg', 'median', 'p90']);
    expect(chart.categories).toEqual(['Room', 'alpha', 'busy', 'quiet']);
    expect(chart.labels).toEqual(['avg', 'median', 'p90']);
    expect(chart.data).toEqual([[0, 1, 2, 3], [20.1, 30, 12.3, null], [10, 15, 6.2, null], [40.1, 60, 24.7, null]]);
    expect(chart.points).toBe(3);
  });

  it('keep at most the limit of tables and have no points when nobody was seated from a queue', () => {
    const tables = Array.from({ length: 12 }, (_, i) => waits(`t${String(i).padStart(2, '0')}`, 12 - i, 0, null));
    const chart = waitsByTable(report(tables, waits(null, 78, 0, null)), 'Room', ['a', 'm', 'p'], 8);
    expect(chart.categories).toEqual(['Room', 't00', 't01', 't02', 't03', 't04', 't05', 't06', 't07']);
    expect(chart.points).toBe(0);
    expect(waitsByTable(report([], waits(null, 0, 0, null)), 'Room', ['a', 'm', 'p']).categories).toEqual(['Room']);
  });

  it('export every figure of each category as CSV, empty where there is none', () => {
    const chart = waitsByTable(report([waits('busy', 2, 1, 8)], waits(null, 2, 1, 8)), 'Whole room', ['a', 'm', 'p']);
    expect(waitsCsv(chart, ['Table', 'Joins', 'Seated', 'Left', 'Expired', 'Waiting', 'Avg', 'Median', 'P90', 'Seats', 'Seated for'])).toBe(
      'Table,Joins,Seated,Left,Expired,Waiting,Avg,Median,P90,Seats,Seated for\r\n'
      + 'Whole room,2,1,1,0,0,8,4,16,2,\r\n'
      + 'busy,2,1,1,0,0,8,4,16,2,\r\n');
  });
});
