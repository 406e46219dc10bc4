import assert from 'node:assert/strict';
import { test } from 'node:test';
import { emptyBaselines } from '../../../src/core/baselines/learnedBaselines';
import { newInvocationModel } from '../../../src/core/baselines/invocationModel';
import { addValue } from '../../../src/core/baselines/valueHistogram';
import { buildFunctionCharts } from '../../../src/core/dashboard/functionCharts';
import { invocationBand } from '../../../src/core/dashboard/invocationBand';
import { gridSeries } from '../../../src/core/dashboard/metricGrid';
import { series, T0, telemetry } from './dashboardFixture';

const covered = { start: 0, end: Infinity };

test('counts sit on the grid of their period, zero where CloudWatch sent no datapoint', () => {
  const s = series('api', 'Invocations', 60, [[120, 3], [240, 5]]);
  assert.deepEqual(gridSeries([s], 60, 360, 'zero', covered), { period: 60, timestamps: [60, 120, 180, 240, 300], values: [0, 3, 0, 5, 0] });
});

test('durations have no value where nothing ran; periods before the data read are null, not zero', () => {
  const s = series('api', 'DurationP50', 60, [[120, 3], [240, 5]]);
  assert.deepEqual(gridSeries([s], 60, 360, 'none', covered)!.values, [null, 3, null, 5, null]);
  assert.deepEqual(gridSeries([s], 60, 360, 'zero', { start: 150, end: 280 })!.values, [null, 3, 0, 5, null]);
});

test('two series of one metric add up (counts) or keep the larger (durations)', () => {
  const a = series('api', 'Invocations', 60, [[60, 2]]);
  const b = series('api', 'Invocations', 60, [[60, 3], [120, 1]]);
  assert.deepEqual(gridSeries([a, b], 60, 180, 'zero', covered)!.values, [5, 1]);
  assert.deepEqual(gridSeries([a, b], 60, 180, 'none', covered)!.values, [3, 1]);
});

// A learned model with two weekday slots filled by hand (T0 is a Tuesday):
// 09:00 — twenty 10s: median 10, MAD 0, σ = max(√10, 1) = 3.1623; upper = max(10 + max(5σ, 2·10, 10), (√10 + 2.5)²) = 32.06; low = 10 − 2σ = 3.68.
// 14:00 — 17 18 19 20 20 20 20 21 22 23: median 20, MAD 1 → 1.4826 < √20, σ = 4.4721; upper = max(20 + max(22.36, 40, 10), 48.61) = 60; low = 20 − 8.944 = 11.06.
function learned() {
  const b = emptyBaselines(T0);
  const model = newInvocationModel(300);
  for (let i = 0; i < 20; i++) addValue(model.scales[0].slots[9], 10);
  for (const v of [17, 18, 19, 20, 20, 20, 20, 21, 22, 23]) addValue(model.scales[0].slots[14], v);
  model.historySeconds = 14 * 86400;
  b.invocations.set('us-east-1/api', model);
  return b;
}

test('the band: LG101 threshold on top, median minus two robust σ below, per hour of the day', () => {
  const at9 = T0 + 9 * 3600;
  const at14 = T0 + 14 * 3600 + 300;
  assert.deepEqual(invocationBand(learned(), 'us-east-1', 'api', [at9, at14], 300), { low: [3.68, 11.06], high: [32.06, 60], period: 300 });
});

test('no band without a model of the chart period, or without a model', () => {
  assert.equal(invocationBand(learned(), 'us-east-1', 'api', [T0], 60), undefined);
  assert.equal(invocationBand(learned(), 'us-east-1', 'worker', [T0], 300), undefined);
  assert.equal(invocationBand(undefined, 'us-east-1', 'api', [T0], 300), undefined);
});

test('a function has four charts: invocations with the band, errors, throttles, duration p50/p99 on one grid', () => {
  const start = T0 + 9 * 3600;
  const t = telemetry({
    metrics: [
      series('api', 'Invocations', 300, [[start, 12], [start + 600, 40]]),
      series('api', 'Errors', 300, [[start + 600, 2]]),
      series('api', 'DurationP50', 300, [[start, 110], [start + 600, 120]]),
      series('api', 'DurationP99', 300, [[start + 600, 900]]),
      series('worker', 'Invocations', 300, [[start, 99]]),
    ],
  });
  const { charts, notes } = buildFunctionCharts({ telemetry: t, fn: { name: 'api', region: 'us-east-1' }, start, end: start + 900, learned: learned() });
  assert.deepEqual(charts.map((c) => c.id), ['invocations', 'errors', 'throttles', 'duration']);
  const [inv, err, thr, dur] = charts;
  assert.deepEqual(inv.timestamps, [start, start + 300, start + 600]);
  assert.deepEqual(inv.lines[0].values, [12, 0, 40]);
  assert.deepEqual(inv.band, { low: [3.68, 3.68, 3.68], high: [32.06, 32.06, 32.06] });
  assert.deepEqual(err.lines[0].values, [0, 0, 2]);
  assert.deepEqual(thr.timestamps, [], 'no Throttles series was read');
  assert.deepEqual(dur.lines.map((l) => [l.label, l.values]), [['p50', [110, null, 120]], ['p99', [null, null, 900]]]);
  assert.equal(dur.unit, 'ms');
  assert.deepEqual(notes, ['No Throttles metric was read for this range.']);
});
