import type { ChartSeries } from '../../shared/protocol';

/**
 * Downsampling for display: a chart `buckets` pixels wide cannot show more than a few points per pixel
 * column, so each column keeps, for every line, its first, last, lowest and highest point (M4
 * aggregation). Every peak and trough stays at its exact time and value — a one-minute spike in 30 days
 * of data is still drawn at full height — and the lines look the same as with all the points.
 */

/** Sorted indices of the points to keep; all of them when there are no more than four per bucket. */
export function extremaIndices(timestamps: ArrayLike<number>, lines: readonly ArrayLike<number | null>[], buckets: number): number[] {
  const n = timestamps.length;
  const width = Math.max(1, Math.floor(buckets));
  if (n <= width * 4) return Array.from({ length: n }, (_, i) => i);
  const t0 = timestamps[0];
  const span = timestamps[n - 1] - t0 || 1;
  const keep = new Uint8Array(n);
  keep[0] = 1;
  keep[n - 1] = 1;
  for (const values of lines) {
    let bucket = -1;
    let first = -1;
    let last = -1;
    let min = -1;
    let max = -1;
    let gap = -1;
    let lo = 0;
    let hi = 0;
    for (let i = 0; i <= n; i++) {
      const b = i === n ? -2 : Math.min(width - 1, Math.floor(((timestamps[i] - t0) / span) * width));
      if (b !== bucket) {
        // Close the bucket: mark its kept points (plain statements, no allocation: this runs per point).
        if (first >= 0) keep[first] = keep[last] = keep[min] = keep[max] = 1;
        if (gap >= 0) keep[gap] = 1;
        if (i === n) break;
        bucket = b;
        first = last = min = max = gap = -1;
      }
      const v = values[i];
      // A missing point breaks the line: keep one per bucket so the gap is still drawn.
      if (v === null || v === undefined || v !== v) {
        if (gap < 0) gap = i;
        continue;
      }
      if (first < 0) {
        first = min = max = i;
        lo = hi = v;
      } else if (v < lo) {
        min = i;
        lo = v;
      } else if (v > hi) {
        max = i;
        hi = v;
      }
      last = i;
    }
  }
  const out: number[] = [];
  for (let i = 0; i < n; i++) if (keep[i]) out.push(i);
  return out;
}

export function pickIndices<T>(values: ArrayLike<T>, indices: readonly number[]): T[] {
  const out = new Array<T>(indices.length);
  for (let k = 0; k < indices.length; k++) out[k] = values[indices[k]];
  return out;
}

/** The chart with at most about four points per bucket per line (band edges count as lines). */
export function downsampleChart(chart: ChartSeries, buckets: number): ChartSeries {
  const series = [...chart.lines.map((l) => l.values), ...(chart.band ? [chart.band.low, chart.band.high] : [])];
  const idx = extremaIndices(chart.timestamps, series, buckets);
  if (idx.length === chart.timestamps.length) return chart;
  const out: ChartSeries = {
    ...chart,
    timestamps: pickIndices(chart.timestamps, idx),
    lines: chart.lines.map((l) => ({ label: l.label, values: pickIndices(l.values, idx) })),
  };
  if (chart.band) out.band = { low: pickIndices(chart.band.low, idx), high: pickIndices(chart.band.high, idx) };
  return out;
}
