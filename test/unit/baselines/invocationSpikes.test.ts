import { test } from 'node:test';
import assert from 'node:assert/strict';
import { effectivePeriod, learnInvocations } from '../../../src/core/baselines/invocationModel';
import { detectInvocationSpikes } from '../../../src/core/baselines/invocationSpikes';
import type { MetricSeries } from '../../../src/core/inventory/telemetryModel';

// 2026-02-20 is a Friday; the window is Monday 2026-03-02. Ten days of baseline: 6 weekdays, 4 weekend days.
const T = (s: string): number => Date.parse(s) / 1000;
const BASE_START = T('2026-02-20T00:00:00Z');
const WIN_START = T('2026-03-02T00:00:00Z');
const WIN_END = T('2026-03-03T00:00:00Z');
const TARGET = { functionName: 'fn', region: 'us-east-1' };

/** A one-minute series over [from, to); zero values are left out, as CloudWatch does. */
function series(from: number, to: number, valueAt: (t: number) => number): MetricSeries {
  const timestamps: number[] = [];
  const values: number[] = [];
  for (let t = from; t < to; t += 60) {
    const v = valueAt(t);
    if (v === 0) continue;
    timestamps.push(t);
    values.push(v);
  }
  return { functionName: 'fn', region: 'us-east-1', metric: 'Invocations', period: 60, timestamps, values };
}

function run(valueAt: (t: number) => number, baselineStart = BASE_START) {
  const s = series(baselineStart, WIN_END, valueAt);
  const model = learnInvocations(undefined, [s], baselineStart, WIN_START);
  return detectInvocationSpikes(model, [s], { start: WIN_START, end: WIN_END }, TARGET);
}

test('a flat series with one spike: one alert at the spike, with the band it broke', () => {
  const spike = T('2026-03-02T10:17:00Z');
  const { alerts, summary } = run((t) => (t === spike ? 40 : 10));
  assert.equal(alerts.length, 1);
  const a = alerts[0];
  assert.equal(a.ruleId, 'LG101');
  assert.equal(a.severity, 'warning');
  assert.equal(a.functionName, 'fn');
  assert.equal(a.time, '2026-03-02T10:17:00.000Z');
  // Every minute is 10: median 10, MAD 0, mean |dev| 0 → σ = √10 (MAD=0 guard).
  // upper = max(10 + max(5·√10, 2·10, 10), (√10 + 2.5)²) = max(30, 32.06) = 32.06.
  assert.equal(a.evidence.observedPeak, 40);
  assert.equal(a.evidence.expectedMedian, 10);
  assert.equal(a.evidence.expectedUpper, 32.06);
  assert.equal(a.evidence.observedTotal, 40);
  // Hour median 600, pro rata for one minute.
  assert.equal(a.evidence.expectedTotal, 10);
  assert.deepEqual(a.evidence.scales, ['1m']);
  assert.equal(a.evidence.baselineSlot, 'weekday 10:00 UTC');
  // Window: 1440·10 + 30; expected 24·600 ± 2·24·√600.
  assert.equal(summary.state, 'ready');
  assert.equal(summary.historyDays, 10);
  assert.equal(summary.observed, 14430);
  assert.deepEqual(summary.expected, { median: 14400, low: 13224, high: 15576 });
});

test('a value at the band is not a spike; consecutive anomalous points less than 10 minutes apart are one alert', () => {
  const at = (s: string): number => T(`2026-03-02T${s}:00Z`);
  const high = new Set([at('10:17'), at('10:25'), at('12:00')]);
  const { alerts } = run((t) => (high.has(t) ? 40 : t === at('15:00') ? 25 : 10));
  assert.deepEqual(
    alerts.map((a) => [a.time, a.evidence.observedTotal]),
    [
      ['2026-03-02T10:17:00.000Z', 40 + 7 * 10 + 40],
      ['2026-03-02T12:00:00.000Z', 40],
    ],
  );
});

test('seasonal: 100 a minute is normal at 14:00 but a spike at 03:00', () => {
  const busy = (t: number): number => {
    const h = Math.floor(t / 3600) % 24;
    return h >= 9 && h <= 17 ? 100 : 5;
  };
  const nightStart = T('2026-03-02T03:00:00Z');
  const { alerts } = run((t) => (t >= nightStart && t < nightStart + 600 ? 100 : busy(t)));
  assert.equal(alerts.length, 1, alerts.map((a) => a.message).join('\n'));
  const a = alerts[0];
  assert.equal(a.time, '2026-03-02T03:00:00.000Z');
  assert.equal(a.evidence.observedPeak, 100);
  assert.equal(a.evidence.expectedMedian, 5);
  // max(5 + max(5·√5, 2·5, 10), (√5 + 2.5)²) = max(16.18, 22.43)
  assert.equal(a.evidence.expectedUpper, 22.43);
  assert.deepEqual(a.evidence.scales, ['1m', '15m', '1h']);
  // The hour 03:00–04:00: 10·100 + 50·5 against an hourly median of 300.
  assert.equal(a.evidence.observedTotal, 1250);
  assert.equal(a.evidence.expectedTotal, 300);
  assert.equal(a.evidence.end, '2026-03-02T04:00:00.000Z');
});

test('0 → 3 invocations at night is not a spike; 0 → 11 in a minute is', () => {
  const quiet = (t: number): number => (Math.floor(t / 3600) % 24 < 6 ? 0 : 10);
  const at = T('2026-03-02T02:30:00Z');
  assert.equal(run((t) => (t === at ? 3 : quiet(t))).alerts.length, 0);
  // Median 0 → σ 1 → upper max(0 + max(5, 0, 10), (0 + 2.5)²) = 10.
  assert.equal(run((t) => (t === at ? 10 : quiet(t))).alerts.length, 0);
  const { alerts } = run((t) => (t === at ? 11 : quiet(t)));
  assert.equal(alerts.length, 1);
  assert.equal(alerts[0].evidence.expectedUpper, 10);
});

test('warm-up: no alert before seven days of history, and the summary says so', () => {
  const spike = T('2026-03-02T10:17:00Z');
  const fiveDays = run((t) => (t === spike ? 1000 : 10), T('2026-02-25T00:00:00Z'));
  assert.equal(fiveDays.alerts.length, 0);
  assert.equal(fiveDays.summary.state, 'warming-up');
  assert.equal(fiveDays.summary.historyDays, 5);
  // Data that starts four days before the window: the function did not exist earlier, so history is four days.
  const late = T('2026-02-26T00:00:00Z');
  const started = run((t) => (t < late ? 0 : t === spike ? 1000 : 10));
  assert.equal(started.summary.state, 'warming-up');
  assert.equal(started.summary.historyDays, 4);
});

test('no invocations in the baseline: no model, no alerts', () => {
  const s = series(BASE_START, WIN_END, (t) => (t >= WIN_START ? 500 : 0));
  const model = learnInvocations(undefined, [s], BASE_START, WIN_START);
  assert.equal(model, undefined);
  const { alerts, summary } = detectInvocationSpikes(model, [s], { start: WIN_START, end: WIN_END }, TARGET);
  assert.equal(alerts.length, 0);
  assert.equal(summary.state, 'no-data');
  assert.equal(summary.observed, 500 * 1440);
});

test('learning is incremental: two halves give the same model as the whole', () => {
  const s = series(BASE_START, WIN_START, (t) => 3 + (Math.floor(t / 60) % 7));
  const whole = learnInvocations(undefined, [s], BASE_START, WIN_START);
  const mid = T('2026-02-25T06:00:00Z');
  const halves = learnInvocations(learnInvocations(undefined, [s], BASE_START, mid), [s], mid, WIN_START);
  assert.deepEqual(halves, whole);
});

test('a metric published every five minutes but read by the minute is learned at five minutes', () => {
  const everyFive = (valueAt: (t: number) => number): MetricSeries => series(BASE_START, WIN_END, (t) => (t % 300 === 0 ? valueAt(t) : 0));
  assert.equal(effectivePeriod(everyFive(() => 50)), 300);
  // A sparse one-minute series whose points fall on odd minutes too stays at one minute.
  assert.equal(effectivePeriod(series(BASE_START, BASE_START + 86400, (t) => ((t / 60) % 7 === 0 || (t / 60) % 11 === 0 ? 3 : 0))), 60);
  assert.equal(effectivePeriod({ ...everyFive(() => 50), timestamps: [0, 300], values: [1, 1] }), 60, 'too few points to judge');
  const spike = T('2026-03-02T10:15:00Z');
  const s = everyFive((t) => (t === spike ? 400 : 50));
  const model = learnInvocations(undefined, [s], BASE_START, WIN_START);
  assert.equal(model?.period, 300);
  const { alerts } = detectInvocationSpikes(model, [s], { start: WIN_START, end: WIN_END }, TARGET);
  // 50 every five minutes: upper max(50 + max(5·√50, 2·50, 10), (√50 + 2.5)²) = 150; no four-zeros-in-five artefact.
  assert.deepEqual(
    alerts.map((a) => [a.time, a.evidence.observedPeak, a.evidence.expectedUpper]),
    [['2026-03-02T10:15:00.000Z', 400, 150]],
  );
});
