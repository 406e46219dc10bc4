import { actionOfEvent, baseEventName } from '../activity/eventName';
import type { RoleSession } from '../activity/roleSessions';
import type { TrailEvent } from '../inventory/telemetryModel';
import type { Alert } from '../model/alert';
import { clock, iso, makeAlert, plural, type AlertTarget } from './alertText';
import { callKey, epochOf, type CallEntry } from './callModel';
import { callSensitivity } from './callSensitivity';
import type { WarmupState } from './historyStart';

/** LG103 needs this many days of CloudTrail before the window. */
export const MIN_TRAIL_HISTORY_DAYS = 3;

/** A window event made by a function's role session. */
export interface AttributedCall {
  event: TrailEvent;
  session: RoleSession;
  /** Every function the call may belong to (several only for service sessions of a shared role). */
  functions: string[];
}

export interface CallSummary {
  state: WarmupState;
  historyDays: number;
  /** API calls in the window made by the function's role session. */
  calls: number;
  /** Distinct calls never made while learning (0 while warming up). */
  newCalls: number;
}

function tally(values: (string | undefined)[], limit: number): string[] {
  return [...new Set(values.filter((v): v is string => v !== undefined))].sort().slice(0, limit);
}

/** LG103 for one function: each event source + name its role session made in the window but never while learning. */
export function detectUnusualCalls(
  known: Map<string, CallEntry> | undefined,
  windowCalls: AttributedCall[],
  target: AlertTarget,
  trailHistoryDays: number | undefined,
): { alerts: Alert[]; summary: CallSummary } {
  const historyDays = trailHistoryDays ?? 0;
  const state: WarmupState = trailHistoryDays === undefined ? 'no-data' : historyDays >= MIN_TRAIL_HISTORY_DAYS ? 'ready' : 'warming-up';
  const summary: CallSummary = { state, historyDays, calls: windowCalls.length, newCalls: 0 };
  if (state !== 'ready') return { alerts: [], summary };
  const fresh = new Map<string, AttributedCall[]>();
  for (const c of windowCalls) {
    const key = callKey(c.event.eventSource, c.event.eventName);
    if (known?.has(key)) continue;
    const list = fresh.get(key);
    if (list) list.push(c);
    else fresh.set(key, [c]);
  }
  summary.newCalls = fresh.size;
  const alerts = [...fresh.values()].map((calls) => callAlert(calls, known?.size ?? 0, target, historyDays));
  return { alerts, summary };
}

function callAlert(calls: AttributedCall[], knownCount: number, target: AlertTarget, historyDays: number): Alert {
  const sorted = [...calls].sort((a, b) => epochOf(a.event.time) - epochOf(b.event.time) || (a.event.eventId < b.event.eventId ? -1 : 1));
  const first = sorted[0];
  const action = actionOfEvent(first.event.eventSource, first.event.eventName);
  const { sensitive, accessLevels } = callSensitivity(action);
  const errors: Record<string, number> = {};
  for (const c of sorted) if (c.event.errorCode) errors[c.event.errorCode] = (errors[c.event.errorCode] ?? 0) + 1;
  const denied = Object.values(errors).reduce((a, b) => a + b, 0);
  const service = first.session.serviceSession;
  const shared = first.functions.length > 1 ? `, shared by ${first.functions.join(', ')}` : '';
  const who = service ? `The Lambda service, acting with the execution role (session ${first.session.sessionName}${shared}),` : `The function's role session`;
  const level = accessLevels.length ? ` (${accessLevels.join(', ')}${sensitive ? ', sensitive' : ''})` : sensitive ? ' (sensitive)' : '';
  const message =
    `${who} called ${action}${level} ${plural(sorted.length, 'time')} from ${clock(epochOf(first.event.time))}; ` +
    `it never made this call in ${historyDays} days of CloudTrail (${plural(knownCount, 'known call')})` +
    `${denied ? `; ${denied} failed (${Object.keys(errors).sort().join(', ')})` : ''}.`;
  const evidence: Record<string, unknown> = {
    eventSource: first.event.eventSource,
    eventName: baseEventName(first.event.eventName),
    action,
    accessLevels,
    sensitive,
    count: sorted.length,
    firstSeen: first.event.time,
    lastSeen: sorted[sorted.length - 1].event.time,
    errorCodes: errors,
    identity: first.event.userIdentity.arn,
    roleArn: first.session.roleArn,
    serviceSession: service,
    sourceIps: tally(sorted.map((c) => c.event.sourceIp), 5),
    userAgents: tally(sorted.map((c) => c.event.userAgent), 3),
    eventIds: sorted.slice(0, 5).map((c) => c.event.eventId),
    knownCalls: knownCount,
    baselineDays: historyDays,
  };
  return makeAlert('LG103', sensitive ? 'error' : 'warning', target, iso(epochOf(first.event.time)), message, evidence, first.functions);
}
