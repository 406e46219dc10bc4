import { functionKey } from '../activity/functionIndex';
import { changeAlert } from '../baselines/changeAlerts';
import { buildFunctionGroups, type FunctionGroup } from '../baselines/functionGroups';
import { detectInvocationSpikes } from '../baselines/invocationSpikes';
import { updateBaselines, type LearnedBaselines } from '../baselines/learnedBaselines';
import { detectNewPeers, type PeerSummary } from '../baselines/newPeers';
import { detectRejectedSpikes, type RejectedSummary } from '../baselines/rejectedSpikes';
import { detectUnusualCalls, MIN_TRAIL_HISTORY_DAYS } from '../baselines/unusualCalls';
import type { AccountSnapshot, CollectError, LiveFunction } from '../inventory/accountModel';
import type { Telemetry } from '../inventory/telemetryModel';
import type { Alert } from '../model/alert';
import { functionSummary, sortAlerts } from './functionSummary';
import type { MonitorResult } from './monitorResult';
import { windowActivity } from './windowActivity';

export interface MonitorInput {
  snapshot: AccountSnapshot;
  telemetry: Telemetry;
  /** The period judged. */
  window: { start: Date; end: Date };
  /** The period learned from, normally the one just before the window. */
  baseline: { start: Date; end: Date };
  /** Only these function names (any region); all when undefined. */
  functions?: string[];
  /** Baselines kept from earlier sessions: updated with the baseline period's newer data instead of learning from scratch. */
  learned?: LearnedBaselines;
  /** Errors met while collecting the telemetry, passed through to `errors`. */
  errors?: CollectError[];
}

export class MonitorInputError extends Error {}

function seconds(d: Date, what: string): number {
  const ms = d instanceof Date ? d.getTime() : NaN;
  if (!Number.isFinite(ms)) throw new MonitorInputError(`${what} is not a valid time`);
  return Math.floor(ms / 1000);
}

function monitorError(kind: CollectError['kind'], message: string, resource?: string): CollectError {
  const e: CollectError = { service: 'lambda-guard', operation: 'monitor', kind, message };
  if (resource !== undefined) e.resource = resource;
  return e;
}

/**
 * Learns the baseline period (or updates `learned` with it), then judges the window: LG101 per
 * function, LG102 and LG105 per function group (shared network interfaces), LG103 and LG104 per
 * function. Deterministic: the same input gives the same result in the same order.
 */
export function evaluateMonitor(input: MonitorInput): MonitorResult {
  const ws = seconds(input.window.start, 'window start');
  const we = seconds(input.window.end, 'window end');
  const bs = seconds(input.baseline.start, 'baseline start');
  const be = seconds(input.baseline.end, 'baseline end');
  if (we <= ws) throw new MonitorInputError('the window must end after it starts');
  if (be <= bs) throw new MonitorInputError('the baseline must end after it starts');
  if (be > ws) throw new MonitorInputError('the baseline must end before the window starts (anomalies in the window would be learned as normal)');
  const errors: CollectError[] = [...(input.errors ?? [])];
  if (input.learned && input.learned.end > ws) {
    errors.push(monitorError('other', 'the kept baselines include data from inside the window; anomalies there may have been learned as normal (reset the baselines)'));
  }

  const { snapshot, telemetry } = input;
  const learned = updateBaselines(input.learned, snapshot, telemetry, input.baseline);
  const groups = buildFunctionGroups(snapshot);
  const act = windowActivity(snapshot, telemetry, groups, ws, we);
  const wanted = input.functions?.length ? new Set(input.functions) : undefined;
  for (const name of wanted ?? []) {
    if (!act.index.byName.has(name)) errors.push(monitorError('notFound', `function ${name} is not in the account snapshot`, name));
  }
  const isWanted = (names: string[]): boolean => !wanted || names.some((n) => wanted.has(n));
  const window = { start: ws, end: we };
  const alerts: Alert[] = [];

  const peerSummaries = new Map<string, { peers: PeerSummary; rejected: RejectedSummary; group: FunctionGroup }>();
  for (const group of groups.groups) {
    const flows = act.flows.get(group.key) ?? [];
    const peers = detectNewPeers(learned.peers.get(group.key), flows, group, groups, window);
    const rejected = detectRejectedSpikes(learned.rejected.get(group.key), flows, group, groups, window);
    peerSummaries.set(group.key, { peers: peers.summary, rejected: rejected.summary, group });
    for (const a of [...peers.alerts, ...rejected.alerts]) if (isWanted(a.sharedWith ?? [a.functionName])) alerts.push(a);
  }

  const trailDays = learned.trailSince !== undefined ? Math.max(0, ws - learned.trailSince) / 86400 : undefined;
  const actorsKnown = trailDays !== undefined && trailDays >= MIN_TRAIL_HISTORY_DAYS;
  const fns = snapshot.functions.filter((f) => isWanted([f.name])).sort(byNameRegion);
  const summaries = fns.map((fn) => {
    const key = functionKey(fn.region, fn.name);
    const target = { functionName: fn.name, region: fn.region, arn: fn.arn };
    const spikes = detectInvocationSpikes(learned.invocations.get(key), act.invocations.get(key) ?? [], window, target);
    const calls = detectUnusualCalls(learned.calls.get(key), act.calls.get(key) ?? [], target, trailDays === undefined ? undefined : Math.round(trailDays * 100) / 100);
    const changes = act.changes.get(key) ?? [];
    alerts.push(...spikes.alerts, ...calls.alerts);
    for (const c of changes) alerts.push(changeAlert(c, target, actorsKnown ? learned.actors.has(c.actor.key) : undefined));
    const group = groups.byFunction.get(key);
    return { fn, spikes: spikes.summary, calls: calls.summary, changes: changes.length, network: group ? peerSummaries.get(group.key) : undefined };
  });

  // Changes to functions the snapshot does not have (created or deleted since it was taken).
  for (const [key, changes] of act.changes) {
    if (act.index.byKey.has(key)) continue;
    for (const c of changes) {
      if (isWanted([c.function.name])) alerts.push(changeAlert(c, { functionName: c.function.name, region: c.function.region }, actorsKnown ? learned.actors.has(c.actor.key) : undefined));
    }
  }

  const sorted = sortAlerts(alerts);
  return {
    window: { start: new Date(ws * 1000).toISOString(), end: new Date(we * 1000).toISOString() },
    baseline: { start: new Date(bs * 1000).toISOString(), end: new Date(be * 1000).toISOString() },
    alerts: sorted,
    functions: summaries.map((s) => functionSummary(s, sorted)),
    errors,
  };
}

function byNameRegion(a: LiveFunction, b: LiveFunction): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : a.region < b.region ? -1 : a.region > b.region ? 1 : 0;
}
