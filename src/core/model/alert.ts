import type { Severity } from './severity';

/** Runtime rule ids (ARCHITECTURE.md): spikes, new peers, unusual calls, changes, rejected spikes. */
export type AlertRuleId = 'LG101' | 'LG102' | 'LG103' | 'LG104' | 'LG105';

/** What a learned baseline reports about one function (JSON contract of `monitor`). */
export interface Alert {
  ruleId: AlertRuleId;
  severity: Severity;
  functionName: string;
  region?: string;
  arn?: string;
  /** ISO 8601: when the anomaly happened (not when it was detected). */
  time: string;
  /** Plain words: what happened, against what was normal. */
  message: string;
  /** The numbers against the baseline, the new peer and port, the event and its identity. */
  evidence: Record<string, unknown>;
  /** When the evidence belongs to a shared ENI: every function that uses it (the alert cannot tell which). */
  sharedWith?: string[];
}
