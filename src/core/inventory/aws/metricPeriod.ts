/**
 * The GetMetricData period for a window. CloudWatch keeps 1-minute points for 15 days, 5-minute points for
 * 63 days and 1-hour points for 455 days (aws-facts.md §4), so the oldest point wanted decides what can
 * be had at all. Within that, a window longer than a day is read at 5 minutes: a minute resolution there
 * costs 5× the data points (14 days × 6 metrics of 100 functions would be 12 million) for no better
 * baseline — the invocation model learns 15-minute and hourly scales anyway.
 */

const DAY = 86_400;
export const MINUTE_POINTS_KEPT_S = 15 * DAY;
export const FIVE_MINUTE_POINTS_KEPT_S = 63 * DAY;
/** The longest window still read at one minute. */
export const MINUTE_WINDOW_MAX_S = DAY;

export function metricPeriod(start: Date, end: Date, now: Date): number {
  const age = (now.getTime() - start.getTime()) / 1000;
  const span = (end.getTime() - start.getTime()) / 1000;
  if (age > FIVE_MINUTE_POINTS_KEPT_S) return 3600;
  if (age > MINUTE_POINTS_KEPT_S || span > MINUTE_WINDOW_MAX_S) return 300;
  return 60;
}

/**
 * The window in epoch seconds, widened to whole periods (CloudWatch answers fastest for aligned times, and
 * a point stands for the period that starts at its timestamp): `[start, end)` with start a multiple of the period.
 */
export function alignedWindow(start: Date, end: Date, period: number): { start: number; end: number } {
  const s = Math.floor(start.getTime() / 1000 / period) * period;
  const e = Math.ceil(end.getTime() / 1000 / period) * period;
  return { start: s, end: Math.max(e, s + period) };
}
