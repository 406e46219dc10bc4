import type { Alert, AlertRuleId } from '../model/alert';
import type { Severity } from '../model/severity';

/** Who an alert is about, as the snapshot knows the function. */
export interface AlertTarget {
  functionName: string;
  region: string;
  arn?: string;
}

export function iso(epochSeconds: number): string {
  return new Date(epochSeconds * 1000).toISOString();
}

/** `2026-03-02 14:05 UTC`: times in messages, minute precision. */
export function clock(epochSeconds: number): string {
  return iso(epochSeconds).slice(0, 16).replace('T', ' ') + ' UTC';
}

/** Whole counts with thousands separators; one decimal for small fractional values (expected medians). */
export function count(n: number): string {
  if (Math.abs(n) < 10 && !Number.isInteger(n)) return n.toFixed(1);
  return Math.round(n).toLocaleString('en-US');
}

/** Rounds a number for evidence: two decimals at most, so JSON stays readable. */
export function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

export function plural(n: number, word: string, many = `${word}s`): string {
  return `${count(n)} ${n === 1 ? word : many}`;
}

export function makeAlert(
  ruleId: AlertRuleId,
  severity: Severity,
  target: AlertTarget,
  time: string,
  message: string,
  evidence: Record<string, unknown>,
  sharedWith?: string[],
): Alert {
  const alert: Alert = { ruleId, severity, functionName: target.functionName, region: target.region, time, message, evidence };
  if (target.arn) alert.arn = target.arn;
  if (sharedWith && sharedWith.length > 1) alert.sharedWith = sharedWith;
  return alert;
}

/** One severity step up (info → warning → error). */
export function raise(s: Severity): Severity {
  return s === 'info' ? 'warning' : 'error';
}
