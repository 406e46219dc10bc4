import type { AccountSnapshot } from '../inventory/accountModel';
import type { FlowSummary, Telemetry, TrailEvent } from '../inventory/telemetryModel';
import type { AnomalyLabel } from './anomalyLabel';
import { rngFor, type Rng } from './prng';
import { makeGroups, makeSnapshot, VPC_ID, type SyntheticGroup } from './syntheticAccount';
import { generateGroupFlows } from './syntheticFlows';
import { derivedSeries, generateInvocations, invocationSeries } from './syntheticMetrics';
import { functionNames, makeProfile, type FunctionProfile } from './syntheticProfiles';
import { generateDeploys, generateRoleCalls, type TrailContext } from './syntheticTrail';

export interface SyntheticOptions {
  seed: number;
  /** The telemetry ends here (exclusive); it starts `days` before, at a whole hour. */
  now: Date;
  days?: number;
  functions?: number;
  /** Use these function names (e.g. the demo account's) instead of generated ones; `functions` is then ignored. */
  names?: string[];
  /** Seconds per Invocations point: 60 (default) or 300. */
  period?: number;
  region?: string;
  accountId?: string;
  /** Benign deploys happen only before this time (default: one day before `now`, i.e. a quiet last day). */
  deploysUntil?: Date;
}

/**
 * A generated account with weeks of telemetry. Invocation counts stay dense and mutable until
 * `syntheticTelemetry` turns them into CloudWatch-shaped series, so anomalies can be injected first.
 */
export interface SyntheticWorld {
  seed: number;
  region: string;
  accountId: string;
  /** Epoch seconds. */
  start: number;
  end: number;
  period: number;
  profiles: FunctionProfile[];
  groups: SyntheticGroup[];
  snapshot: AccountSnapshot;
  /** Invocations per period since `start`, by function name. */
  invocations: Map<string, Float64Array>;
  flows: FlowSummary[];
  events: TrailEvent[];
  /** Ground truth of everything injected so far. */
  labels: AnomalyLabel[];
  /** Draws of the injection API (separate, so injecting never changes the clean traffic). */
  injectRng: Rng;
}

export function trailContext(w: Pick<SyntheticWorld, 'accountId' | 'region'>): TrailContext {
  return { accountId: w.accountId, region: w.region };
}

function roles(names: string[], accountId: string, rng: Rng): string[] {
  const out: string[] = [];
  names.forEach((name, i) => {
    // One function in ten shares the previous one's role; three in ten live under /service-role/.
    if (i > 0 && rng.chance(0.1)) out.push(out[i - 1]);
    else out.push(`arn:aws:iam::${accountId}:role/${rng.chance(0.3) ? 'service-role/' : ''}${name}-role`);
  });
  return out;
}

export function generateSyntheticWorld(opts: SyntheticOptions): SyntheticWorld {
  const period = opts.period ?? 60;
  const end = Math.floor(opts.now.getTime() / 1000 / 3600) * 3600;
  const start = end - Math.round((opts.days ?? 14) * 24) * 3600;
  const region = opts.region ?? 'us-east-1';
  const accountId = opts.accountId ?? '111122223333';
  const seed = opts.seed;
  const setup = rngFor(seed, 'setup');
  const names = opts.names?.length ? [...new Set(opts.names)] : functionNames(opts.functions ?? 12, setup);
  const roleArns = roles(names, accountId, setup);
  const profiles = names.map((name, i) => makeProfile(name, roleArns[i], rngFor(seed, `profile:${name}`), start, end));
  const groups = makeGroups(profiles, setup);
  const snapshot = makeSnapshot(profiles, groups, accountId, region, end, setup);
  const ctx: TrailContext = { accountId, region };
  const invocations = new Map(profiles.map((p) => [p.name, generateInvocations(p, start, end, period, rngFor(seed, `invocations:${p.name}`))] as const));
  const flows = groups.flatMap((g, i) => (g.functions.length ? generateGroupFlows(g, profiles, start, end, rngFor(seed, `flows:${i}`)) : []));
  const deploysUntil = Math.min(end, Math.floor((opts.deploysUntil?.getTime() ?? (end - 86400) * 1000) / 1000));
  const events = [
    ...profiles.flatMap((p) => generateRoleCalls(ctx, p, start, end, rngFor(seed, `calls:${p.name}`))),
    ...generateDeploys(ctx, profiles, start, deploysUntil, rngFor(seed, 'deploys')),
  ];
  return { seed, region, accountId, start, end, period, profiles, groups, snapshot, invocations, flows, events, labels: [], injectRng: rngFor(seed, 'inject') };
}

const DEFAULT_FORMAT = 'version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status';

/** The world's telemetry as the collectors deliver it: sparse metric series, hourly flow summaries, CloudTrail events in time order. */
export function syntheticTelemetry(w: SyntheticWorld): Telemetry {
  const metricsRng = rngFor(w.seed, 'derived-metrics');
  const metrics = w.profiles.flatMap((p) => {
    const counts = w.invocations.get(p.name) ?? new Float64Array(0);
    return [invocationSeries(p.name, w.region, counts, w.start, w.period), ...derivedSeries(p, w.region, counts, w.start, w.period, metricsRng)];
  });
  // Stable sorts on numbers: generation order breaks ties, so the result is deterministic.
  const flows = [...w.flows].sort((a, b) => a.first - b.first);
  const times = Float64Array.from(w.events, (e) => Date.parse(e.time));
  const order = Array.from(w.events, (_, i) => i).sort((a, b) => times[a] - times[b] || a - b);
  const events = order.map((i) => w.events[i]);
  return {
    start: new Date(w.start * 1000).toISOString(),
    end: new Date(w.end * 1000).toISOString(),
    metrics,
    flows,
    flowGaps: [],
    flowLogs: [{ id: 'fl-0123456789abcdef0', region: w.region, resourceId: VPC_ID, logFormat: DEFAULT_FORMAT, destinationType: 'cloud-watch-logs', logGroupName: '/vpc/flow-logs', trafficType: 'ALL' }],
    events,
    trails: [{ name: 'management-events', region: w.region, arn: `arn:aws:cloudtrail:${w.region}:${w.accountId}:trail/management-events`, logGroupArn: `arn:aws:logs:${w.region}:${w.accountId}:log-group:cloudtrail:*`, isMultiRegion: true }],
  };
}
