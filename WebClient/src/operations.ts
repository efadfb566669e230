// The operations page's data shaping (no DOM, no chart library): which processes each chart shows, their values on
// one shared time axis (seconds, as uPlot takes them), and the durations the process list prints.

import type { OperationsResponse, OperationsSample, ProcessSeries } from './wire';

export type ChartName = 'connections' | 'actions' | 'latency' | 'errors' | 'updates';

export const chartNames: readonly ChartName[] = ['connections', 'actions', 'latency', 'errors', 'updates'];

/** Names of the lines that need telling apart within one process (translated by the caller). */
export type LineName = 'actionP50' | 'actionP99' | 'deliveryP50' | 'deliveryP99' | 'updatesOk' | 'updatesFailed';

/** A line of a chart: which processes have it, its name and the value of a sample (null: a gap). */
interface Line {
  role: string | null;
  name: LineName | null;
  value: (s: OperationsSample) => number | null;
}

const ms = (seconds: number | null) => (seconds === null ? null : seconds * 1000);

const lines: Record<ChartName, Line[]> = {
  connections: [{ role: 'gateway', name: null, value: (s) => s.connections }],
  actions: [{ role: 'silo', name: null, value: (s) => s.actionsPerSecond }],
  latency: [
    { role: 'silo', name: 'actionP50', value: (s) => ms(s.actionP50) },
    { role: 'silo', name: 'actionP99', value: (s) => ms(s.actionP99) },
    { role: 'gateway', name: 'deliveryP50', value: (s) => ms(s.deliveryP50) },
    { role: 'gateway', name: 'deliveryP99', value: (s) => ms(s.deliveryP99) },
  ],
  errors: [{ role: null, name: null, value: (s) => s.errorsPerSecond }],
  updates: [
    { role: 'bot', name: 'updatesOk', value: (s) => s.updatesPerSecond },
    { role: 'bot', name: 'updatesFailed', value: (s) => s.updatesFailedPerSecond },
  ],
};

/** A chart's data: x (Unix seconds, ascending) then one array a line, null where that line has no sample. */
export interface ChartData {
  labels: string[];
  data: [number[], ...(number | null)[][]];
  /** Values that are not null, all lines together. */
  points: number;
}

/** A process's name on the page: kind and id. */
export function processLabel(p: ProcessSeries): string {
  return `${p.process.kind} ${p.process.id}`;
}

/**
 * The lines of `chart` for the processes that serve the role each line belongs to, on one time axis; `names` gives
 * the words for the lines a process has several of.
 */
export function chartData(response: OperationsResponse, chart: ChartName, names: Record<LineName, string>): ChartData {
  const wanted = lines[chart].flatMap((line) => response.processes
    .filter((p) => line.role === null || p.process.roles.includes(line.role))
    .map((p) => ({ p, line })));
  const times = [...new Set(wanted.flatMap(({ p }) => p.samples.map((s) => Math.round(Date.parse(s.at) / 1000))))].sort((a, b) => a - b);
  const index = new Map(times.map((t, i) => [t, i]));
  let points = 0;
  const series = wanted.map(({ p, line }) => {
    const values: (number | null)[] = times.map(() => null);
    for (const s of p.samples) {
      const v = line.value(s);
      if (v !== null && Number.isFinite(v)) {
        values[index.get(Math.round(Date.parse(s.at) / 1000))!] = v;
        points++;
      }
    }
    return values;
  });
  return {
    labels: wanted.map(({ p, line }) => (line.name ? `${processLabel(p)} ${names[line.name]}` : processLabel(p))),
    data: [times, ...series],
    points,
  };
}

/** A duration in seconds as days, hours, minutes or seconds (the two largest units). */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const d = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  if (d > 0) return `${d} d ${h} h`;
  if (h > 0) return `${h} h ${m} min`;
  if (m > 0) return `${m} min ${s % 60} s`;
  return `${s} s`;
}

/** Seconds from `from` to `to` (ISO times). */
export function secondsBetween(from: string, to: string): number {
  return (Date.parse(to) - Date.parse(from)) / 1000;
}
