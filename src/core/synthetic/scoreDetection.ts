import type { Alert, AlertRuleId } from '../model/alert';
import type { AnomalyLabel } from './anomalyLabel';

const RULES: readonly AlertRuleId[] = ['LG101', 'LG102', 'LG103', 'LG104', 'LG105'];

export interface RuleScore {
  injected: number;
  detected: number;
  /** Alerts of this rule that match no injected anomaly. */
  falseAlerts: number;
}

export interface DetectionScore {
  injected: number;
  detected: number;
  /** detected / injected (1 when nothing was injected). */
  recall: number;
  byRule: Record<AlertRuleId, RuleScore>;
  falseAlerts: number;
  /** False alerts per function per week of judged traffic. */
  falsePerFunctionWeek: number;
  missed: AnomalyLabel[];
  unmatched: Alert[];
}

/**
 * Matches alerts to ground truth: an anomaly is detected when an alert of its rule names its function
 * (as `functionName` or in `sharedWith`) at a time within `toleranceSeconds` of its span. An alert
 * that matches no anomaly is false. Several alerts for one anomaly count once and none is false.
 */
export function scoreDetection(alerts: Alert[], labels: AnomalyLabel[], functionWeeks: number, toleranceSeconds = 3600): DetectionScore {
  const ms = (iso: string): number => Date.parse(iso);
  const matches = (a: Alert, l: AnomalyLabel): boolean => {
    if (a.ruleId !== l.ruleId || a.region !== l.region) return false;
    if (a.functionName !== l.functionName && !a.sharedWith?.includes(l.functionName)) return false;
    const t = ms(a.time);
    return t >= ms(l.start) - toleranceSeconds * 1000 && t <= ms(l.end) + toleranceSeconds * 1000;
  };
  const byRule = Object.fromEntries(RULES.map((r) => [r, { injected: 0, detected: 0, falseAlerts: 0 }])) as Record<AlertRuleId, RuleScore>;
  const missed: AnomalyLabel[] = [];
  for (const l of labels) {
    byRule[l.ruleId].injected++;
    if (alerts.some((a) => matches(a, l))) byRule[l.ruleId].detected++;
    else missed.push(l);
  }
  const unmatched = alerts.filter((a) => !labels.some((l) => matches(a, l)));
  for (const a of unmatched) byRule[a.ruleId].falseAlerts++;
  const injected = labels.length;
  const detected = injected - missed.length;
  return {
    injected,
    detected,
    recall: injected === 0 ? 1 : detected / injected,
    byRule,
    falseAlerts: unmatched.length,
    falsePerFunctionWeek: functionWeeks > 0 ? unmatched.length / functionWeeks : 0,
    missed,
    unmatched,
  };
}
