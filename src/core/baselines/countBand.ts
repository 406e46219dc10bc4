import type { HistogramStats } from './valueHistogram';

/**
 * The expected band of a count (invocations per period, rejected records per hour) from robust
 * statistics of its history, and the rule that calls a value anomalous. One place for the numbers so
 * that every rate baseline is judged the same way.
 */

/** Scales a MAD to a standard deviation for normal data. */
export const MAD_TO_SIGMA = 1.4826;
/** Scales a mean absolute deviation to a standard deviation; used when MAD is 0 (more than half the values equal). */
export const MEAN_ABS_DEV_TO_SIGMA = 1.2533;

export interface BandRule {
  /** Robust z-score the value must exceed. */
  z: number;
  /** … and it must exceed the median by this fraction of the median (1 = double). */
  ratio: number;
  /** … and by at least this many counts, so that 0 → 3 is never an anomaly. */
  floor: number;
}

export interface CountBand {
  median: number;
  sigma: number;
  /** Values above this are anomalous. */
  upper: number;
  /** Samples behind the band. */
  n: number;
}

/**
 * σ = 1.4826·MAD, or 1.2533·mean absolute deviation when the MAD is 0; never below √median (the noise
 * of a count that follows a Poisson law) nor below 1, so a perfectly flat history does not make the
 * smallest wobble an anomaly.
 */
export function robustSigma(s: Pick<HistogramStats, 'median' | 'mad' | 'meanAbsDev'>): number {
  const spread = s.mad > 0 ? MAD_TO_SIGMA * s.mad : MEAN_ABS_DEV_TO_SIGMA * s.meanAbsDev;
  return Math.max(spread, Math.sqrt(Math.max(s.median, 0)), 1);
}

/**
 * upper = median + max(z·σ, ratio·median, floor), and at least (√median + z/2)². The second term is the
 * same z-test after the square-root transform that makes a count's Poisson noise nearly normal: small
 * counts are skewed, and without it a median of 4 would cross a plain 5σ band by chance about once in
 * ten thousand points — once a week for a function measured every minute.
 */
export function countBand(median: number, sigma: number, n: number, rule: BandRule): CountBand {
  const poisson = (Math.sqrt(Math.max(median, 0)) + rule.z / 2) ** 2;
  return { median, sigma, n, upper: Math.max(median + Math.max(rule.z * sigma, rule.ratio * median, rule.floor), poisson) };
}

/** Robust z-score of a value against a band (how many σ above the median). */
export function zScore(value: number, band: Pick<CountBand, 'median' | 'sigma'>): number {
  return (value - band.median) / band.sigma;
}
