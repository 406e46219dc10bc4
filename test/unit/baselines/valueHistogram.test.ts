import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countBand, robustSigma } from '../../../src/core/baselines/countBand';
import {
  addValue,
  decay,
  emptyHistogram,
  histogramFromJson,
  histogramStats,
  histogramToJson,
  mergeAll,
  type ValueHistogram,
} from '../../../src/core/baselines/valueHistogram';

function hist(values: number[]): ValueHistogram {
  const h = emptyHistogram();
  for (const v of values) addValue(h, v);
  return h;
}

test('median, MAD and mean absolute deviation of small counts are exact', () => {
  // [1,2,3,4,100]: median 3; deviations 2,1,0,1,97 → sorted 0,1,1,2,97 → MAD 1; mean |dev| 101/5.
  assert.deepEqual(histogramStats(hist([1, 2, 3, 4, 100])), { median: 3, mad: 1, meanAbsDev: 20.2, n: 5 });
  // Even count: median of [1,2,3,4] is 2.5; deviations 1.5,0.5,0.5,1.5 → MAD 1.
  assert.deepEqual(histogramStats(hist([4, 1, 3, 2])), { median: 2.5, mad: 1, meanAbsDev: 1, n: 4 });
  // Repeated values: [2,2,2,9] → median 2, deviations 0,0,0,7 → MAD 0, mean 1.75.
  assert.deepEqual(histogramStats(hist([2, 2, 9, 2])), { median: 2, mad: 0, meanAbsDev: 1.75, n: 4 });
  assert.deepEqual(histogramStats(emptyHistogram()), { median: 0, mad: 0, meanAbsDev: 0, n: 0 });
});

test('large values are kept within 1%', () => {
  const s = histogramStats(hist([5000, 5000, 5000, 20000, 1000]));
  assert.ok(Math.abs(s.median - 5000) / 5000 < 0.01, `median ${s.median}`);
});

test('decay scales weights; merge adds them; JSON round-trips', () => {
  const h = hist([1, 1, 3]);
  decay(h, 0.5);
  assert.equal(h.total, 1.5);
  assert.deepEqual(histogramToJson(h), [
    [1, 1],
    [3, 0.5],
  ]);
  const m = mergeAll([h, hist([3])]);
  assert.deepEqual(histogramToJson(m), [
    [1, 1],
    [3, 1.5],
  ]);
  assert.deepEqual(histogramToJson(histogramFromJson(histogramToJson(m))), histogramToJson(m));
  assert.throws(() => histogramFromJson([[1, -2]]), /is not \[bin, weight\]/);
  assert.throws(() => histogramFromJson({}), /not an array/);
});

test('robust σ: MAD when it is positive, mean absolute deviation when MAD is 0, never below √median or 1', () => {
  // MAD 1 → 1.4826, but √3 = 1.732 is larger (Poisson floor).
  assert.equal(robustSigma({ median: 3, mad: 1, meanAbsDev: 20.2 }), Math.sqrt(3));
  // MAD 4 at median 4: 1.4826·4 = 5.9304.
  assert.equal(robustSigma({ median: 4, mad: 4, meanAbsDev: 1 }), 1.4826 * 4);
  // MAD 0 guard: [10,10,10,10,30] → mean |dev| 4 → 1.2533·4 = 5.0132 > √10.
  assert.equal(robustSigma({ median: 10, mad: 0, meanAbsDev: 4 }), 1.2533 * 4);
  // A perfectly flat 10: MAD 0, mean |dev| 0 → √10.
  assert.equal(robustSigma({ median: 10, mad: 0, meanAbsDev: 0 }), Math.sqrt(10));
  assert.equal(robustSigma({ median: 0, mad: 0, meanAbsDev: 0 }), 1);
});

test('band upper = median + max(z·σ, ratio·median, floor), at least (√median + z/2)²', () => {
  // 10 + 5·√10 = 25.81 against (√10 + 2.5)² = 32.06: the square-root bound wins for a small count.
  assert.equal(countBand(10, Math.sqrt(10), 5, { z: 5, ratio: 1, floor: 10 }).upper, (Math.sqrt(10) + 2.5) ** 2);
  // 100 + max(50, 100, 10) = 200 against (10 + 2.5)² = 156.25.
  assert.equal(countBand(100, 10, 5, { z: 5, ratio: 1, floor: 10 }).upper, 200);
  assert.equal(countBand(100, 30, 5, { z: 5, ratio: 1, floor: 10 }).upper, 250);
  assert.equal(countBand(0, 1, 5, { z: 5, ratio: 1, floor: 10 }).upper, 10);
});
