import type { Alert } from '../model/alert';
import type { AlertRow } from '../../shared/protocol';
import { epochSeconds } from './timeText';
import { evidenceEntries } from './evidenceText';

/** FNV-1a of a string, hex: a short stable id part for an alert's message. */
function hash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** A stable id: the same alert keeps its row (and its place in a sorted table) across refreshes. */
export function alertId(a: Alert): string {
  return `${a.ruleId}|${a.region ?? ''}|${a.functionName}|${a.time}|${hash(a.message)}`;
}

export function alertRow(a: Alert): AlertRow {
  const row: AlertRow = {
    id: alertId(a),
    ruleId: a.ruleId,
    severity: a.severity,
    time: epochSeconds(a.time) ?? 0,
    functionName: a.functionName,
    message: a.message,
    evidence: evidenceEntries(a.evidence),
  };
  if (a.region !== undefined) row.region = a.region;
  if (a.arn !== undefined) row.arn = a.arn;
  if (a.sharedWith?.length) row.sharedWith = [...a.sharedWith];
  return row;
}

/** Alerts about a function: its own, and those of a network interface it shares (same region). */
export function alertsAbout(alerts: readonly Alert[], fn: { name: string; region: string }): Alert[] {
  return alerts.filter((a) => (a.region === undefined || a.region === fn.region) && (a.functionName === fn.name || (a.sharedWith ?? []).includes(fn.name)));
}

const RANK = { error: 0, warning: 1, info: 2 } as const;

/** Newest first; at the same time the more severe first. */
export function byTimeDesc(a: AlertRow, b: AlertRow): number {
  return b.time - a.time || RANK[a.severity] - RANK[b.severity] || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
