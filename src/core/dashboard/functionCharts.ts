import type { LearnedBaselines } from '../baselines/learnedBaselines';
import type { MetricName, MetricSeries, Telemetry } from '../inventory/telemetryModel';
import type { ChartSeries } from '../../shared/protocol';
import { invocationBand } from './invocationBand';
import { gridPeriod, gridSeries, type GridSeries } from './metricGrid';

export interface ChartInput {
  telemetry: Telemetry;
  fn: { name: string; region: string };
  /** Epoch seconds. */
  start: number;
  end: number;
  learned?: LearnedBaselines;
}

const COUNT_CHARTS: { id: 'invocations' | 'errors' | 'throttles'; metric: MetricName; title: string }[] = [
  { id: 'invocations', metric: 'Invocations', title: 'Invocations' },
  { id: 'errors', metric: 'Errors', title: 'Errors' },
  { id: 'throttles', metric: 'Throttles', title: 'Throttles' },
];

function coveredRange(t: Telemetry): { start: number; end: number } {
  const start = Date.parse(t.start) / 1000;
  const end = Date.parse(t.end) / 1000;
  return { start: Number.isFinite(start) ? start : -Infinity, end: Number.isFinite(end) ? end : Infinity };
}

function seriesOf(t: Telemetry, fn: ChartInput['fn'], metric: MetricName): MetricSeries[] {
  return t.metrics.filter((m) => m.metric === metric && m.functionName === fn.name && m.region === fn.region);
}

function chart(id: ChartSeries['id'], title: string, unit: ChartSeries['unit'], grid: GridSeries | undefined, labels: string[], values: (number | null)[][]): ChartSeries {
  const c: ChartSeries = { id, title, unit, timestamps: grid?.timestamps ?? [], lines: labels.map((label, i) => ({ label, values: values[i] ?? [] })) };
  if (grid) c.period = grid.period;
  return c;
}

/**
 * The four charts of a function over [start, end): Invocations (with the learned band), Errors,
 * Throttles (zero where CloudWatch has no datapoint) and Duration p50/p99 (no value where nothing ran),
 * each on the grid of its metric's period, and notes for what is missing.
 */
export function buildFunctionCharts(input: ChartInput): { charts: ChartSeries[]; notes: string[] } {
  const { telemetry, fn, start, end } = input;
  const covered = coveredRange(telemetry);
  const notes: string[] = [];
  const charts: ChartSeries[] = [];
  for (const c of COUNT_CHARTS) {
    const grid = gridSeries(seriesOf(telemetry, fn, c.metric), start, end, 'zero', covered);
    const out = chart(c.id, c.title, 'count', grid, [c.title], [grid?.values ?? []]);
    if (!grid) notes.push(`No ${c.title} metric was read for this range.`);
    if (c.id === 'invocations' && grid) {
      const band = invocationBand(input.learned, fn.region, fn.name, grid.timestamps, grid.period);
      if (band) out.band = { low: band.low, high: band.high };
      else notes.push('No learned invocation baseline before this range: the chart has no expected band.');
    }
    charts.push(out);
  }
  const p50 = seriesOf(telemetry, fn, 'DurationP50');
  const p99 = seriesOf(telemetry, fn, 'DurationP99');
  const period = gridPeriod([...p50, ...p99]);
  const g50 = gridSeries(p50, start, end, 'none', covered, period);
  const g99 = gridSeries(p99, start, end, 'none', covered, period);
  const grid = g50 ?? g99;
  const nulls = (): null[] => new Array<null>(grid?.timestamps.length ?? 0).fill(null);
  charts.push(chart('duration', 'Duration', 'ms', grid, ['p50', 'p99'], [g50?.values ?? nulls(), g99?.values ?? nulls()]));
  if (!grid) notes.push('No Duration metric was read for this range.');
  return { charts, notes };
}
