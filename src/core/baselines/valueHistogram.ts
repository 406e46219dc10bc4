/**
 * A compact, mergeable histogram of non-negative values, the learned state behind every rate baseline.
 * Counts below 1024 are kept exactly (rounded to integers: invocation and record counts are integers);
 * larger values fall in 1%-wide logarithmic bins. Median and MAD read from it are exact for small
 * counts and within 1% above. Counts are numbers, not integers, so that old data can be decayed.
 */
export interface ValueHistogram {
  /** Bin key → weight. */
  counts: Map<number, number>;
  total: number;
}

const EXACT_LIMIT = 1024;
const LOG_STEP = Math.log(1.01);

export function emptyHistogram(): ValueHistogram {
  return { counts: new Map(), total: 0 };
}

export function binOf(value: number): number {
  if (!(value > 0)) return 0;
  if (value < EXACT_LIMIT - 0.5) return Math.round(value);
  return EXACT_LIMIT + Math.floor(Math.log(Math.max(value, EXACT_LIMIT) / EXACT_LIMIT) / LOG_STEP);
}

/** The value a bin stands for: itself for exact bins, the geometric middle of a log bin. */
export function valueOfBin(bin: number): number {
  return bin < EXACT_LIMIT ? bin : EXACT_LIMIT * Math.exp((bin - EXACT_LIMIT + 0.5) * LOG_STEP);
}

export function addValue(h: ValueHistogram, value: number, weight = 1): void {
  const bin = binOf(value);
  h.counts.set(bin, (h.counts.get(bin) ?? 0) + weight);
  h.total += weight;
}

export function mergeInto(target: ValueHistogram, source: ValueHistogram): void {
  for (const [bin, w] of source.counts) target.counts.set(bin, (target.counts.get(bin) ?? 0) + w);
  target.total += source.total;
}

export function mergeAll(parts: ValueHistogram[]): ValueHistogram {
  const out = emptyHistogram();
  for (const p of parts) mergeInto(out, p);
  return out;
}

/** Multiplies every weight by `factor` (0–1), dropping bins that become negligible. */
export function decay(h: ValueHistogram, factor: number): void {
  let total = 0;
  for (const [bin, w] of h.counts) {
    const next = w * factor;
    if (next < 1e-6) h.counts.delete(bin);
    else {
      h.counts.set(bin, next);
      total += next;
    }
  }
  h.total = total;
}

/** Weighted median of (value, weight) pairs sorted by value; the mean of the two middle values on an exact tie, as for a plain median. */
function weightedMedian(pairs: [number, number][], total: number): number {
  const half = total / 2;
  let cum = 0;
  for (let i = 0; i < pairs.length; i++) {
    cum += pairs[i][1];
    if (cum >= half - 1e-9) {
      if (Math.abs(cum - half) < 1e-9 && i + 1 < pairs.length) return (pairs[i][0] + pairs[i + 1][0]) / 2;
      return pairs[i][0];
    }
  }
  return pairs.length ? pairs[pairs.length - 1][0] : 0;
}

export interface HistogramStats {
  median: number;
  /** Median absolute deviation from the median. */
  mad: number;
  meanAbsDev: number;
  /** Total weight (number of samples when nothing was decayed). */
  n: number;
}

export function histogramStats(h: ValueHistogram): HistogramStats {
  if (h.total <= 0) return { median: 0, mad: 0, meanAbsDev: 0, n: 0 };
  const pairs = [...h.counts].map(([bin, w]): [number, number] => [valueOfBin(bin), w]).sort((a, b) => a[0] - b[0]);
  const median = weightedMedian(pairs, h.total);
  const deviations = pairs.map(([v, w]): [number, number] => [Math.abs(v - median), w]).sort((a, b) => a[0] - b[0]);
  const mad = weightedMedian(deviations, h.total);
  const meanAbsDev = deviations.reduce((s, [d, w]) => s + d * w, 0) / h.total;
  return { median, mad, meanAbsDev, n: h.total };
}

/** `[[bin, weight], …]` sorted by bin, weights rounded to 4 decimals: the persisted form. */
export function histogramToJson(h: ValueHistogram): [number, number][] {
  return [...h.counts]
    .sort((a, b) => a[0] - b[0])
    .map(([bin, w]): [number, number] => [bin, Math.round(w * 1e4) / 1e4]);
}

/** Inverse of `histogramToJson`; throws on anything but pairs of non-negative finite numbers. */
export function histogramFromJson(raw: unknown): ValueHistogram {
  if (!Array.isArray(raw)) throw new Error('histogram is not an array');
  const h = emptyHistogram();
  for (const pair of raw) {
    if (!Array.isArray(pair) || pair.length !== 2 || !pair.every((x) => typeof x === 'number' && Number.isFinite(x) && x >= 0)) {
      throw new Error(`histogram entry ${JSON.stringify(pair)?.slice(0, 40)} is not [bin, weight]`);
    }
    h.counts.set(pair[0], (h.counts.get(pair[0]) ?? 0) + pair[1]);
    h.total += pair[1];
  }
  return h;
}
