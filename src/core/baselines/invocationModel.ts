import type { MetricSeries } from '../inventory/telemetryModel';
import { learningStart } from './historyStart';
import { SLOT_COUNT, slotOf } from './seasonalSlots';
import { addValue, emptyHistogram, type ValueHistogram } from './valueHistogram';

/**
 * The learned invocation baseline of one function: for each time scale (the metric's own period, 15
 * minutes and one hour), a histogram of the invocation count per slot (hour of day × weekday/weekend).
 * The short scale catches sharp storms, the long ones sustained rises that no single minute shows.
 * Learning only adds to histograms, so it is incremental: new data is added as it arrives.
 */
export interface ScaleModel {
  seconds: number;
  slots: ValueHistogram[];
}

export interface InvocationModel {
  /** Seconds per point of the metric the model was learned from. */
  period: number;
  scales: ScaleModel[];
  /** Seconds of history learned (gaps in the data count as zero invocations). */
  historySeconds: number;
  /** Epoch seconds of the first period with invocations. */
  firstData?: number;
}

const LONGER_SCALES = [900, 3600];

export function newInvocationModel(period: number): InvocationModel {
  const seconds = [period, ...LONGER_SCALES.filter((s) => s > period && s % period === 0)];
  return { period, scales: seconds.map((s) => ({ seconds: s, slots: Array.from({ length: SLOT_COUNT }, emptyHistogram) })), historySeconds: 0 };
}

/** A metric summed into consecutive periods: a dense array (a week of minutes is 10,080 numbers), zero where nothing was recorded. */
export interface Buckets {
  /** Epoch seconds of the first bucket (a multiple of the period). */
  start: number;
  period: number;
  values: Float64Array;
}

/** The bucket starting at t (a multiple of the period); 0 outside the range. */
export function bucketAt(b: Buckets, t: number): number {
  const i = (t - b.start) / b.period;
  return i >= 0 && i < b.values.length ? b.values[i] : 0;
}

/** Sums the series' points falling in [from, to) into buckets of `period` seconds (negative and non-finite values dropped). */
export function bucketSeries(series: MetricSeries[], period: number, from: number, to: number): Buckets {
  const start = Math.floor(from / period) * period;
  const values = new Float64Array(Math.max(0, Math.ceil((to - start) / period)));
  for (const s of series) {
    for (let i = 0; i < s.timestamps.length; i++) {
      const t = s.timestamps[i];
      const v = s.values[i];
      if (!(t >= from && t < to) || !Number.isFinite(v) || v < 0) continue;
      values[Math.floor((t - start) / period)] += v;
    }
  }
  return { start, period, values };
}

// Periods that divide an hour, so that the 15-minute and hourly scales stay whole numbers of points.
const PERIODS = [60, 120, 300, 600, 900, 1800, 3600];

/**
 * The period the data really has. A series requested at one minute whose points only ever fall on
 * five-minute marks (a metric published every five minutes) is a five-minute series: summing it by
 * the minute would make four zeros out of every five points. Needs 24 points to judge.
 */
export function effectivePeriod(s: MetricSeries): number {
  if (s.timestamps.length < 24 || !(s.period > 0)) return s.period;
  let g = 0;
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
  for (let i = 1; i < s.timestamps.length && g !== 1; i++) g = gcd(g, Math.round((s.timestamps[i] - s.timestamps[0]) / s.period));
  const span = s.period * Math.max(g, 1);
  return PERIODS.filter((p) => p >= s.period && p % s.period === 0 && span % p === 0).pop() ?? s.period;
}

/** True when series of this period can be summed into the model's points. */
export function periodFits(model: InvocationModel, series: MetricSeries[]): boolean {
  return series.every((s) => s.period > 0 && s.period <= model.period && model.period % s.period === 0);
}

function firstNonZero(b: Buckets): number | undefined {
  const i = b.values.findIndex((v) => v > 0);
  return i < 0 ? undefined : b.start + i * b.period;
}

/**
 * Adds the series' data in [from, to) to the model (a new one when there is none or when the data's
 * period no longer fits it — then the history starts over). Returns the model, or undefined when the
 * function has shown no invocation yet.
 */
export function learnInvocations(prior: InvocationModel | undefined, series: MetricSeries[], from: number, to: number): InvocationModel | undefined {
  if (series.length === 0) return prior;
  let model = prior && periodFits(prior, series) ? prior : undefined;
  model ??= newInvocationModel(Math.max(...series.map(effectivePeriod)));
  const period = model.period;
  const buckets = bucketSeries(series, period, from, to);
  const first = firstNonZero(buckets);
  const start = learningStart(from, first, model.historySeconds > 0, period);
  // Only a model without history gets here: the function has not been invoked yet.
  if (start === undefined) return undefined;
  const end = Math.floor(to / period) * period;
  if (end <= start) return model;
  if (first !== undefined && (model.firstData === undefined || first < model.firstData)) model.firstData = first;

  const longer = model.scales.slice(1).map((s) => ({ scale: s, block: -1, sum: 0 }));
  const flush = (acc: (typeof longer)[number]): void => {
    if (acc.block >= start && acc.block + acc.scale.seconds <= end) addValue(acc.scale.slots[slotOf(acc.block)], acc.sum);
  };
  const pointSlots = model.scales[0].slots;
  for (let t = start; t < end; t += period) {
    const v = bucketAt(buckets, t);
    addValue(pointSlots[slotOf(t)], v);
    for (const acc of longer) {
      const block = Math.floor(t / acc.scale.seconds) * acc.scale.seconds;
      if (block !== acc.block) {
        flush(acc);
        acc.block = block;
        acc.sum = 0;
      }
      acc.sum += v;
    }
  }
  for (const acc of longer) flush(acc);
  model.historySeconds += end - start;
  return model;
}
