import type { InvocationSummary } from '../baselines/invocationSpikes';
import { MIN_INVOCATION_HISTORY_DAYS } from '../baselines/invocationSpikes';
import type { FunctionGroup } from '../baselines/functionGroups';
import type { PeerSummary } from '../baselines/newPeers';
import type { RejectedSummary } from '../baselines/rejectedSpikes';
import type { CallSummary } from '../baselines/unusualCalls';
import type { LiveFunction } from '../inventory/accountModel';
import type { Alert } from '../model/alert';
import type { FunctionMonitorSummary, WarmupSummary } from './monitorResult';

export interface SummaryParts {
  fn: LiveFunction;
  spikes: InvocationSummary;
  calls: CallSummary;
  changes: number;
  network?: { peers: PeerSummary; rejected: RejectedSummary; group: FunctionGroup };
}

/** Time, then function, rule and message: the same alerts always print in the same order. */
export function sortAlerts(alerts: Alert[]): Alert[] {
  const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  return [...alerts].sort(
    (a, b) => cmp(a.time, b.time) || cmp(a.functionName, b.functionName) || cmp(a.region ?? '', b.region ?? '') || cmp(a.ruleId, b.ruleId) || cmp(a.message, b.message),
  );
}

function warmupNote(w: Omit<WarmupSummary, 'ready' | 'note'>): string | undefined {
  const notes: string[] = [];
  if (w.invocations === 'warming-up') {
    notes.push(`invocation baseline warming up (${w.invocationDays} of ${MIN_INVOCATION_HISTORY_DAYS} days learned): no spike alerts yet`);
  } else if (w.invocations === 'no-data') notes.push('no invocations in the baseline: no spike alerts');
  if (w.peers === 'warming-up' || w.rejected === 'warming-up') notes.push('flow-log baseline warming up: no new-peer or rejected-connection alerts yet');
  else if (w.peers === 'no-data') notes.push('no flow records in the baseline: no new-peer or rejected-connection alerts');
  if (w.calls === 'warming-up') notes.push('CloudTrail baseline warming up: no unusual-call alerts yet');
  else if (w.calls === 'no-data') notes.push('no CloudTrail events in the baseline: no unusual-call alerts');
  return notes.length ? notes.join('; ') : undefined;
}

export function functionSummary(p: SummaryParts, alerts: Alert[]): FunctionMonitorSummary {
  const mine = alerts.filter((a) => a.region === p.fn.region && (a.functionName === p.fn.name || a.sharedWith?.includes(p.fn.name)));
  const base: Omit<WarmupSummary, 'ready' | 'note'> = {
    invocations: p.spikes.state,
    invocationDays: p.spikes.historyDays,
    peers: p.network ? p.network.peers.state : 'not-in-vpc',
    calls: p.calls.state,
    rejected: p.network ? p.network.rejected.state : 'not-in-vpc',
  };
  const ready = [base.invocations, base.peers, base.calls, base.rejected].every((s) => s === 'ready' || s === 'not-in-vpc');
  const warmup: WarmupSummary = { ready, ...base };
  const note = warmupNote(base);
  if (note) warmup.note = note;
  const summary: FunctionMonitorSummary = {
    name: p.fn.name,
    region: p.fn.region,
    arn: p.fn.arn,
    invocations: p.spikes.observed,
    peers: p.network?.peers.peers ?? 0,
    newPeers: p.network?.peers.newPeers ?? 0,
    calls: p.calls.calls,
    newCalls: p.calls.newCalls,
    changes: p.changes,
    warmup,
    alerts: {
      total: mine.length,
      error: mine.filter((a) => a.severity === 'error').length,
      warning: mine.filter((a) => a.severity === 'warning').length,
      info: mine.filter((a) => a.severity === 'info').length,
    },
  };
  if (p.spikes.expected) summary.expectedInvocations = p.spikes.expected;
  const others = p.network?.group.functions.filter((f) => f.name !== p.fn.name).map((f) => f.name) ?? [];
  if (others.length) summary.sharedWith = others;
  return summary;
}
