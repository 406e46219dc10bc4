import assert from 'node:assert/strict';
import { test } from 'node:test';
import { downsampleChart, extremaIndices } from '../../../src/core/dashboard/downsample';
import type { ChartSeries } from '../../../src/shared/protocol';

const ts = Array.from({ length: 20 }, (_, i) => i);
// A spike at 7 and a dip at 13 on a flat line of 5.
const flat = (): (number | null)[] => ts.map((i) => (i === 7 ? 100 : i === 13 ? -5 : 5));

test('each bucket keeps its first, last, lowest and highest point of every line', () => {
  // Two buckets over 0..19: t 0–9 (floor(t/19·2) = 0) and 10–19.
  assert.deepEqual(extremaIndices(ts, [flat()], 2), [0, 7, 9, 10, 13, 19]);
});

test('a missing point is kept so the gap is still drawn', () => {
  const v = flat();
  v[3] = null;
  assert.deepEqual(extremaIndices(ts, [v], 2), [0, 3, 7, 9, 10, 13, 19]);
});

test('the extremes of every line are kept, not only those of the first', () => {
  const other = ts.map((i) => (i === 15 ? 50 : 1));
  assert.deepEqual(extremaIndices(ts, [flat(), other], 2), [0, 7, 9, 10, 13, 15, 19]);
});

test('no more than four points per bucket: nothing dropped', () => {
  assert.deepEqual(extremaIndices(ts, [flat()], 5), ts);
});

test('30 days of one-minute points keep a single one-minute spike at full height', () => {
  const n = 43_200;
  const t = Array.from({ length: n }, (_, i) => 1_700_000_000 + i * 60);
  const v = t.map((_, i) => (i === 31_337 ? 9_999 : i % 7));
  const chart: ChartSeries = { id: 'invocations', title: 'Invocations', unit: 'count', timestamps: t, lines: [{ label: 'Invocations', values: v }], band: { low: v.map(() => 0), high: v.map(() => 20) } };
  const d = downsampleChart(chart, 1000);
  assert.ok(d.timestamps.length <= 4 * 1000 + 2, `${d.timestamps.length} points for 1000 pixels`);
  const k = d.timestamps.indexOf(t[31_337]);
  assert.ok(k >= 0, 'the spike keeps its time');
  assert.equal(d.lines[0].values[k], 9_999);
  assert.equal(Math.max(...(d.lines[0].values as number[])), 9_999);
  assert.equal(d.band!.high.length, d.timestamps.length, 'the band is cut at the same points');
  assert.equal(d.timestamps[0], t[0]);
  assert.equal(d.timestamps[d.timestamps.length - 1], t[n - 1]);
});

test('a chart that is already small is returned as it is', () => {
  const chart: ChartSeries = { id: 'errors', title: 'Errors', unit: 'count', timestamps: ts, lines: [{ label: 'Errors', values: flat() }] };
  assert.equal(downsampleChart(chart, 100), chart);
});
