import { describe, expect, it } from 'vitest';
import { chartData, formatDuration, secondsBetween } from '../src/operations';
import type { OperationsResponse, OperationsSample, ProcessSeries } from '../src/wire';

const names = { actionP50: 'a50', actionP99: 'a99', deliveryP50: 'd50', deliveryP99: 'd99', updatesOk: 'ok', updatesFailed: 'failed' };

function sample(at: string, change: Partial<OperationsSample> = {}): OperationsSample {
  return {
    at, intervalSeconds: 10, connections: 0, actionsPerSecond: 0, errorsPerSecond: 0, actionP50: null, actionP99: null,
    deliveryP50: null, deliveryP99: null, updatesPerSecond: 0, updatesFailedPerSecond: 0, ...change,
  };
}

function series(kind: string, id: string, roles: string[], samples: OperationsSample[]): ProcessSeries {
  return { process: { kind, id, version: '0.4.0', startedAt: '2026-12-02T10:00:00Z', roles }, lastSeen: samples.at(-1)!.at, samples };
}

const report: OperationsResponse = {
  at: '2026-12-02T10:01:00Z',
  windowSeconds: 3600,
  dashboardPath: '/orleans-dashboard',
  processes: [
    series('silo', 's1:8080', ['silo', 'gateway'], [
      sample('2026-12-02T10:00:10Z', { actionsPerSecond: 4, actionP50: 0.002, actionP99: 0.015, connections: 3, deliveryP50: 0.001 }),
      sample('2026-12-02T10:00:20Z', { actionsPerSecond: 6, actionP50: null, connections: 2 }),
    ]),
    series('gateway', 'g1:8090', ['gateway'], [sample('2026-12-02T10:00:15Z', { connections: 7 })]),
    series('bot', 'b1:8081', ['bot'], [sample('2026-12-02T10:00:12Z', { updatesPerSecond: 0.5, updatesFailedPerSecond: 0.1, errorsPerSecond: 0.1 })]),
  ],
};

describe('operations chart data', () => {
  it('puts every process of the chart on one time axis with gaps where it has no sample', () => {
    const c = chartData(report, 'connections', names);
    expect(c.labels).toEqual(['silo s1:8080', 'gateway g1:8090']);
    const t = (iso: string) => Date.parse(iso) / 1000;
    expect(c.data[0]).toEqual([t('2026-12-02T10:00:10Z'), t('2026-12-02T10:00:15Z'), t('2026-12-02T10:00:20Z')]);
    expect(c.data[1]).toEqual([3, null, 2]);
    expect(c.data[2]).toEqual([null, 7, null]);
    expect(c.points).toBe(3);
  });

  it('shows actions for silos only and latency in milliseconds, a null percentile as a gap', () => {
    const actions = chartData(report, 'actions', names);
    expect(actions.labels).toEqual(['silo s1:8080']);
    expect(actions.data[1]).toEqual([4, 6]);

    const latency = chartData(report, 'latency', names);
    expect(latency.labels).toEqual(['silo s1:8080 a50', 'silo s1:8080 a99', 'silo s1:8080 d50', 'gateway g1:8090 d50', 'silo s1:8080 d99', 'gateway g1:8090 d99']);
    expect(latency.data[1]).toEqual([2, null, null]);
    expect(latency.data[2]).toEqual([15, null, null]);
    expect(latency.data[3]).toEqual([1, null, null]);
    expect(latency.points).toBe(3);
  });

  it('shows errors for every process and Telegram updates for bots', () => {
    expect(chartData(report, 'errors', names).labels).toHaveLength(3);
    const updates = chartData(report, 'updates', names);
    expect(updates.labels).toEqual(['bot b1:8081 ok', 'bot b1:8081 failed']);
    expect(updates.data.slice(1)).toEqual([[0.5], [0.1]]);
  });

  it('has no points when nobody reported', () => {
    const empty = chartData({ ...report, processes: [] }, 'actions', names);
    expect(empty.points).toBe(0);
    expect(empty.data).toEqual([[]]);
  });
});

describe('durations', () => {
  it('prints the two largest units', () => {
    expect(formatDuration(42)).toBe('42 s');
    expect(formatDuration(125)).toBe('2 min 5 s');
    expect(formatDuration(3 * 3600 + 61)).toBe('3 h 1 min');
    expect(formatDuration(2 * 86400 + 5 * 3600)).toBe('2 d 5 h');
    expect(formatDuration(-3)).toBe('0 s');
    expect(secondsBetween('2026-12-02T10:00:00Z', '2026-12-02T10:01:30Z')).toBe(90);
  });
});
