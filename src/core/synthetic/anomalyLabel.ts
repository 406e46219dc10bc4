import type { AlertRuleId } from '../model/alert';

export type AnomalyKind = 'spike' | 'new-peer' | 'unusual-call' | 'change' | 'port-scan';

/** Ground truth for one injected anomaly: what a detector should report, on whom, and when. */
export interface AnomalyLabel {
  id: string;
  kind: AnomalyKind;
  /** The rule that should report it. */
  ruleId: AlertRuleId;
  functionName: string;
  region: string;
  /** Every function an alert may name for it (the functions behind a shared network interface). */
  functions: string[];
  /** ISO 8601: when it starts and ends. */
  start: string;
  end: string;
  /** How it was made (factor, peer and port, call, change kind …). */
  detail: Record<string, unknown>;
}

export const RULE_OF_KIND: Record<AnomalyKind, AlertRuleId> = {
  spike: 'LG101',
  'new-peer': 'LG102',
  'unusual-call': 'LG103',
  change: 'LG104',
  'port-scan': 'LG105',
};
