import type { WarmupState } from '../baselines/historyStart';
import type { CollectError } from '../inventory/accountModel';
import type { Alert } from '../model/alert';
import type { Severity } from '../model/severity';

/** What `monitor` reports (ARCHITECTURE.md): the window judged, the baseline it was judged against, alerts, per-function summaries, errors. */
export interface MonitorResult {
  /** ISO 8601. */
  window: { start: string; end: string };
  baseline: { start: string; end: string };
  alerts: Alert[];
  functions: FunctionMonitorSummary[];
  errors: CollectError[];
}

export interface WarmupSummary {
  /** Every baseline that applies to the function has enough history. */
  ready: boolean;
  invocations: WarmupState;
  /** Days of invocation history learned (LG101 needs 7). */
  invocationDays: number;
  /** `not-in-vpc`: no network interface, so no flow logs (LG102, LG105 do not apply). */
  peers: WarmupState | 'not-in-vpc';
  calls: WarmupState;
  rejected: WarmupState | 'not-in-vpc';
  /** Plain words for what is still learning, when something is. */
  note?: string;
}

export interface FunctionMonitorSummary {
  name: string;
  region: string;
  arn?: string;
  /** Invocations in the window. */
  invocations: number;
  /** What the baseline expected for the window (absent without a baseline). */
  expectedInvocations?: { median: number; low: number; high: number };
  /** Distinct peer + port + protocol + direction with accepted traffic in the window, for the function's network interfaces. */
  peers: number;
  newPeers: number;
  /** API calls made by the function's role session in the window. */
  calls: number;
  newCalls: number;
  /** Changes to the function seen in CloudTrail in the window. */
  changes: number;
  /** Other functions on the same network interfaces (their flow records cannot be told apart). */
  sharedWith?: string[];
  warmup: WarmupSummary;
  /** Alerts about the function, including those of a shared interface. */
  alerts: Record<Severity, number> & { total: number };
}
