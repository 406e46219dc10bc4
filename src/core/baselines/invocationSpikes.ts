import type { MetricSeries } from '../inventory/telemetryModel';
import type { Alert } from '../model/alert';
import { clock, count, iso, makeAlert, round2, type AlertTarget } from './alertText';
import { zScore, type BandRule } from './countBand';
import type { WarmupState } from './historyStart';
import { bucketAt, bucketSeries, periodFits, type Buckets, type InvocationModel } from './invocationModel';
import { slotLabel, slotOf } from './seasonalSlots';
import { slotBands, type SlotBand } from './slotBands';

/** LG101: no invocation alert before this much history (a week sees every weekday hour and a weekend). */
export const MIN_INVOCATION_HISTORY_DAYS = 7;
/** Anomalous stretches closer than this are one alert. */
const MERGE_GAP_SECONDS = 600;

/**
 * Anomalous = beyond 5 robust σ, a multiple of the usual level, and at least a few invocations more than
 * usual. The multiple shrinks as the scale grows: 3× for a single point, 2.5× over 15 minutes, 2× over
 * an hour — harmless bursts (a batch, a retry wave) double the load for minutes, a storm multiplies it
 * for longer. Five σ rather than the textbook 3.5 because a week of one-minute points is 10,080 tests
 * per function.
 */
export function spikeRule(scaleSeconds: number): BandRule {
  if (scaleSeconds <= 300) return { z: 5, ratio: 2, floor: 10 };
  if (scaleSeconds <= 900) return { z: 5, ratio: 1.5, floor: 20 };
  return { z: 5, ratio: 1, floor: 30 };
}

export interface InvocationSummary {
  state: WarmupState;
  historyDays: number;
  observed: number;
  /** Expected invocations in the window with a band that assumes the whole window runs high or low together. */
  expected?: { median: number; low: number; high: number };
}

interface Flag {
  start: number;
  end: number;
  scale: number;
  z: number;
}

function scaleWord(seconds: number): string {
  return seconds % 3600 === 0 ? `${seconds / 3600}h` : `${seconds / 60}m`;
}

function periodWords(seconds: number): string {
  return seconds === 60 ? 'minute' : seconds === 3600 ? 'hour' : `${seconds / 60} minutes`;
}

/** Expected invocations over [start, end) from the longest scale: its slot medians, pro rata, and σ summed. */
function expectedOver(model: InvocationModel, bands: SlotBand[][], start: number, end: number): { median: number; spread: number } {
  const idx = model.scales.length - 1;
  const S = model.scales[idx].seconds;
  let median = 0;
  let spread = 0;
  for (let block = Math.floor(start / S) * S; block < end; block += S) {
    const overlap = Math.min(end, block + S) - Math.max(start, block);
    if (overlap <= 0) continue;
    const band = bands[idx][slotOf(block)];
    median += (band.median * overlap) / S;
    spread += (band.sigma * overlap) / S;
  }
  return { median, spread };
}

function mergeFlags(flags: Flag[]): Flag[][] {
  const sorted = [...flags].sort((a, b) => a.start - b.start || a.end - b.end);
  const groups: Flag[][] = [];
  let end = -Infinity;
  for (const f of sorted) {
    const last = groups[groups.length - 1];
    if (last && f.start <= end + MERGE_GAP_SECONDS) {
      last.push(f);
      end = Math.max(end, f.end);
    } else {
      groups.push([f]);
      end = f.end;
    }
  }
  return groups;
}

/**
 * LG101 on one function's Invocations in the window: every scale of the model judges its own points
 * (sums of the metric over 1 period, 15 minutes, 1 hour) against its slot's band; overlapping or
 * nearby anomalous stretches become one alert, timed at the first clearly raised point.
 */
export function detectInvocationSpikes(
  model: InvocationModel | undefined,
  series: MetricSeries[],
  window: { start: number; end: number },
  target: AlertTarget,
): { alerts: Alert[]; summary: InvocationSummary } {
  const observed = series.reduce((sum, s) => sum + s.values.reduce((a, v, i) => (s.timestamps[i] >= window.start && s.timestamps[i] < window.end && v > 0 ? a + v : a), 0), 0);
  if (!model || !periodFits(model, series)) return { alerts: [], summary: { state: 'no-data', historyDays: 0, observed } };
  const historyDays = round2(model.historySeconds / 86400);
  const bands = model.scales.map((s) => slotBands(s.slots, spikeRule(s.seconds)));
  const exp = expectedOver(model, bands, window.start, window.end);
  const summary: InvocationSummary = {
    state: historyDays >= MIN_INVOCATION_HISTORY_DAYS ? 'ready' : 'warming-up',
    historyDays,
    observed,
    expected: { median: Math.round(exp.median), low: Math.max(0, Math.round(exp.median - 2 * exp.spread)), high: Math.round(exp.median + 2 * exp.spread) },
  };
  if (summary.state !== 'ready') return { alerts: [], summary };

  const P = model.period;
  const buckets = bucketSeries(series, P, window.start, window.end);
  const first = Math.ceil(window.start / P) * P;
  const flags: Flag[] = [];
  model.scales.forEach((scale, i) => {
    const S = scale.seconds;
    // Points: every one that starts in the window. Longer scales: complete blocks only.
    const last = i === 0 ? window.end - 1 : window.end - S;
    for (let block = Math.ceil(window.start / S) * S; block <= last; block += S) {
      let sum = 0;
      for (let t = block; t < block + S; t += P) sum += bucketAt(buckets, t);
      const band = bands[i][slotOf(block)];
      if (sum > band.upper) flags.push({ start: block, end: block + S, scale: S, z: zScore(sum, band) });
    }
  });
  const alerts = mergeFlags(flags).map((group) => spikeAlert(group, model, bands, buckets, Math.max(first, group[0].start), target, historyDays));
  return { alerts, summary };
}

function spikeAlert(group: Flag[], model: InvocationModel, bands: SlotBand[][], buckets: Buckets, from: number, target: AlertTarget, historyDays: number): Alert {
  const P = model.period;
  const start = from;
  const end = Math.max(...group.map((f) => f.end));
  const point = bands[0];
  let peakT = start;
  let peak = -1;
  let firstRaised: number | undefined;
  let total = 0;
  for (let t = start; t < end; t += P) {
    const v = bucketAt(buckets, t);
    total += v;
    const band = point[slotOf(t)];
    if (v > peak) {
      peak = v;
      peakT = t;
    }
    if (firstRaised === undefined && v > band.median + 3 * band.sigma && v > band.median * 1.5) firstRaised = t;
  }
  const peakBand = point[slotOf(peakT)];
  const expected = expectedOver(model, bands, start, end).median;
  const time = firstRaised ?? start;
  const severity = total >= 10 * Math.max(expected, 1) && total - expected >= 1000 ? 'error' : 'warning';
  const message =
    `${count(total)} invocations from ${clock(time)} to ${clock(end)} against about ${count(expected)} expected; ` +
    `peak ${count(peak)} in one ${periodWords(P)} at ${clock(peakT).slice(11)} (usually ${count(peakBand.median)}, ` +
    `at most ${count(peakBand.upper)} at this hour, ${slotLabel(slotOf(peakT))}).`;
  const evidence = {
    metric: 'Invocations',
    periodSeconds: P,
    start: iso(start),
    end: iso(end),
    observedTotal: total,
    expectedTotal: round2(expected),
    observedPeak: peak,
    peakTime: iso(peakT),
    expectedMedian: round2(peakBand.median),
    expectedUpper: round2(peakBand.upper),
    robustZ: round2(Math.max(...group.map((f) => f.z))),
    scales: [...new Set(group.map((f) => f.scale))].sort((a, b) => a - b).map(scaleWord),
    baselineSlot: slotLabel(slotOf(peakT)),
    historyDays,
  };
  return makeAlert('LG101', severity, target, iso(time), message, evidence);
}
