import { effectivePeriod } from '../baselines/invocationModel';
import type { MetricSeries } from '../inventory/telemetryModel';

/** One metric on a regular time grid (epoch seconds, period starts). */
export interface GridSeries {
  period: number;
  timestamps: number[];
  values: (number | null)[];
}

/**
 * How a period without a datapoint reads: CloudWatch returns no datapoint for a period without
 * invocations, so a count is 0 there; a duration has no value at all (nothing ran).
 */
export type Missing = 'zero' | 'none';

/** The period the series really have (the longest, when they differ): see `effectivePeriod`. */
export function gridPeriod(series: readonly MetricSeries[]): number {
  return series.length ? Math.max(...series.map(effectivePeriod)) : 0;
}

/** Grids longer than this are a bug upstream (a period of one second over a year), not a chart. */
const MAX_GRID_POINTS = 1_000_000;

/**
 * The series' points in [start, end) on one grid of their (effective) period. Points of several series
 * landing in the same period are added (counts) or the largest kept (durations). Periods outside the
 * telemetry's covered range `[covered.start, covered.end)` are null whatever `missing` says: no data
 * was read there, which is not the same as zero. Undefined when there is no series. `period` puts
 * several metrics (Duration p50 and p99) on one grid.
 */
export function gridSeries(
  series: readonly MetricSeries[],
  start: number,
  end: number,
  missing: Missing,
  covered: { start: number; end: number },
  period = gridPeriod(series),
): GridSeries | undefined {
  if (series.length === 0) return undefined;
  if (!(period > 0)) return undefined;
  const first = Math.ceil(start / period) * period;
  const n = Math.max(0, Math.ceil((end - first) / period));
  if (n > MAX_GRID_POINTS) throw new RangeError(`a chart of ${n} points (period ${period} s) is too long to draw`);
  const timestamps = new Array<number>(n);
  const values = new Array<number | null>(n);
  for (let i = 0; i < n; i++) {
    const t = first + i * period;
    timestamps[i] = t;
    // A period is covered when it lies inside the read range (its start at or after the range start).
    values[i] = missing === 'zero' && t >= covered.start && t < covered.end ? 0 : null;
  }
  const seen = new Uint8Array(n);
  for (const s of series) {
    for (let k = 0; k < s.timestamps.length; k++) {
      const t = s.timestamps[k];
      const v = s.values[k];
      if (!(t >= first && t < end) || !Number.isFinite(v)) continue;
      const i = Math.floor((t - first) / period);
      if (missing === 'zero') values[i] = (seen[i] ? (values[i] ?? 0) : 0) + v;
      else values[i] = seen[i] ? Math.max(values[i] ?? v, v) : v;
      seen[i] = 1;
    }
  }
  return { period, timestamps, values };
}
