/**
 * The knobs of the telemetry readers. Production uses the defaults, chosen from AWS's published limits;
 * tests and benchmarks shorten the waits and shrink the row limit to reach the rare paths.
 */

export interface TelemetryTuning {
  /** Under `auto`, a log group storing at most this many bytes is read with FilterLogEvents, a bigger one with Logs Insights (default 50 MB). */
  filterMaxBytes?: number;
  /** Logs Insights queries running at once for the whole collection (default 4: the account's 30 are shared with dashboards and people). */
  insightsConcurrency?: number;
  /** The first wait before GetQueryResults (default 1 s); each later wait is 1.5× longer, up to `insightsMaxPollMs` (default 10 s). */
  insightsPollMs?: number;
  insightsMaxPollMs?: number;
  /** How long one query may run, from StartQuery on, before it is stopped (default 15 min; AWS stops queries at 60). */
  insightsDeadlineMs?: number;
  /** Rows asked of each query (default 10,000: the limit every account has). */
  insightsRowLimit?: number;
  /**
   * Hours of metrics one GetMetricData call covers (0, the default for AWS: the whole window in one call
   * per 83 functions). Emulators compute each period of a call over every point stored in its time range
   * (moto: periods × points), so with a custom endpoint the window is read in 1-hour spans: the same
   * calls, smaller, each answered in milliseconds instead of minutes.
   */
  metricSpanHours?: number;
}

export const DEFAULT_TELEMETRY_TUNING: Readonly<Required<TelemetryTuning>> = Object.freeze({
  filterMaxBytes: 50 * 1024 * 1024,
  insightsConcurrency: 4,
  insightsPollMs: 1_000,
  insightsMaxPollMs: 10_000,
  insightsDeadlineMs: 15 * 60_000,
  insightsRowLimit: 10_000,
  metricSpanHours: 0,
});

export function telemetryTuning(overrides: TelemetryTuning = {}): Required<TelemetryTuning> {
  const out = { ...DEFAULT_TELEMETRY_TUNING };
  for (const [k, v] of Object.entries(overrides) as [keyof TelemetryTuning, number | undefined][]) if (v !== undefined) out[k] = v;
  return out;
}
