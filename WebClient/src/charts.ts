// uPlot charts in one style (the admin pages, operations and analytics, and a player's stats): dark axes, one colour a
// series, values from 0 (or spanning 0 when signed). Only imported by lazily loaded views: uPlot loads with those pages.

import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export const colours = ['#4fc3f7', '#ffb74d', '#81c784', '#e57373', '#ba68c8', '#fff176', '#4db6ac', '#f06292'];

export interface ChartSeries {
  label: string;
  /** The y scale: 'y' (left axis, the default) or 'y2' (right axis, for a figure of another magnitude). */
  scale?: 'y' | 'y2';
  /** With `barBucket`: false draws this series as a line over the bars (true by default). */
  bars?: boolean;
}

export interface ChartOptions {
  width: number;
  height?: number;
  series: ChartSeries[];
  /** x values, then one array a series (null: a gap). */
  data: [number[], ...(number | null)[][]];
  /**
   * Draw grouped bars instead of lines: each x is the start of a bucket this many seconds long, and the bars of the
   * series stand side by side within it (a series with `bars: false` is a line through the buckets' middles).
   */
  barBucket?: number;
  /** The x axis from, to (Unix seconds) for a line chart; else it spans the data. */
  xRange?: [number, number];
  /** Times on the x axis in UTC (the analytics' hours and days are UTC) rather than the browser's zone. */
  utc?: boolean;
  /** x is a count (hands played), not a time: whole-number ticks, and this name in the legend. */
  countX?: string;
  /** Figures may be negative (a profit): the y axis spans them, with 0 always on it. */
  signed?: boolean;
  /**
   * x is the index of a category (0, 1, …) rather than a time: grouped bars a category, named on the x axis (cut to
   * a few characters) and in full in the legend.
   */
  categories?: string[];
}

const axisName = (name: string) => (name.length > 14 ? `${name.slice(0, 13)}…` : name);

const axis = { stroke: '#9aa7b3', grid: { stroke: '#2a3440' }, ticks: { stroke: '#2a3440' } };
// Every figure is zero or more: the axis starts at 0, and an all-zero chart reads 0 to 1 rather than ±100.
const fromZero = { range: (_u: uPlot, _min: number, max: number): uPlot.Range.MinMax => [0, max > 0 ? max * 1.1 : 1] };
const signed = { range: (_u: uPlot, min: number, max: number): uPlot.Range.MinMax => [min < 0 ? min * 1.1 : 0, max > 0 ? max * 1.1 : 1] };

/** Draws a time-series chart into `box` (appended after what it holds); returns the uPlot instance. */
export function drawChart(box: HTMLElement, options: ChartOptions): uPlot {
  const { categories } = options;
  const barBucket = categories ? 1 : options.barBucket;
  const category = (x: number) => categories?.[Math.floor(x)] ?? '';
  const twoScales = options.series.some((s) => s.scale === 'y2');
  const barSeries = options.series.filter((s) => s.bars !== false);
  const bars = (series: ChartSeries): uPlot.Series.PathBuilder | undefined => {
    if (!barBucket) return undefined;
    if (series.bars === false) return uPlot.paths.linear!();
    // Bars in x units: the i-th bar series takes the i-th slice of the middle 80 % of its bucket.
    const i = barSeries.indexOf(series);
    const size = (barBucket * 0.8) / barSeries.length;
    return uPlot.paths.bars!({
      disp: {
        x0: { unit: 1, values: (u) => (u.data[0] as number[]).map((x) => x - barBucket * 0.4 + i * size) },
        size: { unit: 1, values: () => [size] },
      },
    });
  };
  // With bars, x moves to the middle of its bucket, where a line series passes and the cursor reads.
  const xs = barBucket ? options.data[0].map((x) => x + barBucket / 2) : options.data[0];
  const data = [xs, ...options.data.slice(1)] as uPlot.AlignedData;
  return new uPlot({
    width: options.width,
    ...(options.utc ? { tzDate: (ts: number) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC') } : {}),
    height: options.height ?? 180,
    series: [categories ? { label: options.countX ?? '', value: (_u: uPlot, x: number) => category(x) } : options.countX ? { label: options.countX } : {}, ...options.series.map((s, i) => {
      const bar = !!barBucket && s.bars !== false;
      return {
        label: s.label,
        scale: s.scale ?? 'y',
        stroke: colours[i % colours.length],
        fill: bar ? `${colours[i % colours.length]}cc` : undefined,
        width: bar ? 0 : 1.5,
        points: bar ? { show: false } : { size: 4 },
        paths: bars(s),
      };
    })],
    axes: [
      // Categories: a name under each group of bars. Bars of days: ticks on whole buckets only.
      categories ? { ...axis, splits: () => xs, values: (_u: uPlot, splits: number[]) => splits.map((x) => axisName(category(x))) }
      : barBucket ? { ...axis, incrs: [1, 2, 3, 6, 12, 24, 48, 72, 168].map((n) => n * barBucket) }
        : options.countX ? { ...axis, incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000, 20_000, 50_000, 100_000] } : axis,
      { ...axis, scale: 'y', size: 56 },
      ...(twoScales ? [{ ...axis, scale: 'y2', side: 1, size: 56, grid: { show: false } }] : []),
    ],
    scales: {
      // Bars need the last bucket's whole width on screen.
      x: categories ? { time: false, range: (): uPlot.Range.MinMax => [0, Math.max(1, categories.length)] }
        : options.countX ? { time: false }
        : barBucket && xs.length > 0 ? { time: true, range: (): uPlot.Range.MinMax => [xs[0] - barBucket / 2, xs[xs.length - 1] + barBucket / 2] }
          : { time: true, ...(options.xRange ? { range: (): uPlot.Range.MinMax => options.xRange! } : {}) },
      y: options.signed ? signed : fromZero,
      ...(twoScales ? { y2: fromZero } : {}),
    },
  }, data, box);
}
