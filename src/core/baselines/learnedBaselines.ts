import { buildFunctionIndex, functionKey } from '../activity/functionIndex';
import { classifyChange } from '../activity/functionChanges';
import type { AccountSnapshot } from '../inventory/accountModel';
import type { MetricSeries, Telemetry } from '../inventory/telemetryModel';
import { epochOf, forgetOldCalls, learnCalls, type CallModels } from './callModel';
import type { KnownActors } from './changeAlerts';
import { buildFunctionGroups } from './functionGroups';
import { learnInvocations, type InvocationModel } from './invocationModel';
import { forgetOldPeers, learnPeers, type GroupPeerModel } from './peerModel';
import { learnRejected, type RejectedModel } from './rejectedModel';
import { decay } from './valueHistogram';

/**
 * Everything learned about normal behaviour, per function (invocations, calls) and per function group
 * (peers, rejected rate), plus the identities that change functions. Learning is incremental: an update
 * adds only data newer than `end`, so the extension can keep this between sessions (see
 * persistBaselines.ts) and feed it each new stretch of telemetry; learning from scratch is the same
 * update starting from nothing.
 */
export interface LearnedBaselines {
  /** Epoch seconds: the learned range; data before `end` is never added twice. */
  start: number;
  end: number;
  /** By `region/function`. */
  invocations: Map<string, InvocationModel>;
  /** By function group key. */
  peers: Map<string, GroupPeerModel>;
  rejected: Map<string, RejectedModel>;
  calls: CallModels;
  actors: KnownActors;
  /**
   * Epoch seconds since when CloudTrail covers the account: the start of the first learned range in
   * which a trail was known (a quiet function then simply made no calls), else the first event learned.
   */
  trailSince?: number;
}

export interface UpdateOptions {
  /** Old rate data loses half its weight per this many days of new data (default 14). */
  halfLifeDays?: number;
  /** Peers, calls and actors not seen for this many days are forgotten (default 30). */
  forgetAfterDays?: number;
}

const DAY = 86400;

export function emptyBaselines(at: number): LearnedBaselines {
  return { start: at, end: at, invocations: new Map(), peers: new Map(), rejected: new Map(), calls: new Map(), actors: new Map() };
}

function invocationSeries(telemetry: Telemetry): Map<string, MetricSeries[]> {
  const out = new Map<string, MetricSeries[]>();
  for (const s of telemetry.metrics) {
    if (s.metric !== 'Invocations') continue;
    const key = functionKey(s.region, s.functionName);
    const list = out.get(key);
    if (list) list.push(s);
    else out.set(key, [s]);
  }
  return out;
}

function age(learned: LearnedBaselines, elapsed: number, opts: UpdateOptions): void {
  const factor = Math.pow(0.5, elapsed / ((opts.halfLifeDays ?? 14) * DAY));
  for (const m of learned.invocations.values()) for (const s of m.scales) for (const h of s.slots) decay(h, factor);
  for (const m of learned.rejected.values()) decay(m.hours, factor);
}

function forget(learned: LearnedBaselines, now: number, opts: UpdateOptions): void {
  const before = now - (opts.forgetAfterDays ?? 30) * DAY;
  for (const m of learned.peers.values()) forgetOldPeers(m, before);
  forgetOldCalls(learned.calls, before);
  for (const [k, a] of learned.actors) if (a.lastSeen < before) learned.actors.delete(k);
}

function learnActors(learned: LearnedBaselines, telemetry: Telemetry, index: ReturnType<typeof buildFunctionIndex>, from: number, to: number): void {
  for (const e of telemetry.events) {
    const t = epochOf(e.time);
    if (!(t >= from && t < to)) continue;
    learned.trailSince = Math.min(learned.trailSince ?? t, t);
    const change = classifyChange(e, index);
    if (!change) continue;
    const known = learned.actors.get(change.actor.key);
    if (known) {
      known.firstSeen = Math.min(known.firstSeen, t);
      known.lastSeen = Math.max(known.lastSeen, t);
      known.count += 1;
    } else learned.actors.set(change.actor.key, { label: change.actor.label, firstSeen: t, lastSeen: t, count: 1 });
  }
}

/**
 * Learns the telemetry in [range.start, range.end) that is newer than `prior.end` (all of it without a
 * prior) and returns the updated baselines. `prior` is not modified. Before adding, old rate data is
 * decayed by the time the new data spans and stale peers/calls/actors are forgotten.
 */
export function updateBaselines(
  prior: LearnedBaselines | undefined,
  snapshot: Pick<AccountSnapshot, 'functions' | 'network'>,
  telemetry: Telemetry,
  range: { start: Date; end: Date },
  opts: UpdateOptions = {},
): LearnedBaselines {
  const rangeStart = Math.floor(range.start.getTime() / 1000);
  const to = Math.floor(range.end.getTime() / 1000);
  const telemetryStart = Math.floor(Date.parse(telemetry.start) / 1000);
  const from = Math.max(rangeStart, prior?.end ?? rangeStart, Number.isFinite(telemetryStart) ? telemetryStart : rangeStart);
  const learned: LearnedBaselines = prior ? structuredClone(prior) : emptyBaselines(from);
  if (to <= from) return learned;
  if (prior) {
    age(learned, to - from, opts);
    forget(learned, to, opts);
  }
  const index = buildFunctionIndex(snapshot.functions);
  const groups = buildFunctionGroups(snapshot);
  for (const [key, series] of invocationSeries(telemetry)) {
    const model = learnInvocations(learned.invocations.get(key), series, from, to);
    if (model) learned.invocations.set(key, model);
    else learned.invocations.delete(key);
  }
  learnPeers(learned.peers, telemetry.flows, groups, from, to);
  learnRejected(learned.rejected, telemetry.flows, groups, from, to);
  learnCalls(learned.calls, telemetry.events, index, from, to);
  if (telemetry.trails.length > 0) learned.trailSince = Math.min(learned.trailSince ?? from, from);
  learnActors(learned, telemetry, index, from, to);
  learned.end = to;
  return learned;
}
