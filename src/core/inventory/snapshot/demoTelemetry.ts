import type { AnomalyLabel } from '../../synthetic/anomalyLabel';
import { injectChange, injectNewPeer, injectPortScan, injectSpike, injectUnusualCall } from '../../synthetic/injectAnomalies';
import { rngFor } from '../../synthetic/prng';
import type { SyntheticGroup } from '../../synthetic/syntheticAccount';
import { generateGroupFlows } from '../../synthetic/syntheticFlows';
import { generateInvocations } from '../../synthetic/syntheticMetrics';
import { makeProfile } from '../../synthetic/syntheticProfiles';
import { generateDeploys, generateRoleCalls } from '../../synthetic/syntheticTrail';
import { syntheticTelemetry, type SyntheticWorld } from '../../synthetic/syntheticWorld';
import type { AccountSnapshot, LiveFunction } from '../accountModel';
import type { Telemetry } from '../telemetryModel';

const SEED = 20261130;
const DAYS = 14;
const PERIOD = 300;

/** The demo's network peers per security group: its database, cache, endpoints and partners. */
const PEERS: Record<string, { peer: string; port: number; weight: number }[]> = {
  'sg-0app1b2c3d4e5f6a7': [
    { peer: '10.0.20.15', port: 5432, weight: 1 },
    { peer: '10.0.20.31', port: 6379, weight: 0.7 },
    { peer: '10.0.1.200', port: 443, weight: 0.5 },
  ],
  'sg-0pay1b2c3d4e5f6a7': [
    { peer: '10.0.1.200', port: 443, weight: 0.8 },
    { peer: '198.51.100.7', port: 443, weight: 0.6 },
  ],
  'sg-0etl1b2c3d4e5f6a7': [
    { peer: '10.0.20.15', port: 5432, weight: 0.9 },
    { peer: '52.216.8.12', port: 443, weight: 0.5 },
  ],
};

/** Function groups of the demo's VPC functions: one per security-group set, on the account's own ENIs. */
function demoGroups(snapshot: AccountSnapshot, functions: LiveFunction[]): SyntheticGroup[] {
  const bySg = new Map<string, LiveFunction[]>();
  for (const f of functions) {
    if (!f.vpc?.subnetIds.length) continue;
    const key = [...f.vpc.securityGroupIds].sort().join(',');
    bySg.set(key, [...(bySg.get(key) ?? []), f]);
  }
  return [...bySg].map(([key, members]) => {
    const subnets = [...new Set(members.flatMap((m) => m.vpc!.subnetIds))].flatMap((id) => {
      const eni = snapshot.network.interfaces.find((e) => e.subnetId === id && [...e.securityGroupIds].sort().join(',') === key && e.description.startsWith('AWS Lambda VPC ENI'));
      return eni ? [{ id, interfaceId: eni.id, localAddr: eni.privateIps[0] }] : [];
    });
    return { securityGroupIds: key.split(','), subnets, functions: members.map((m) => m.name), peers: PEERS[key] ?? [], churnPool: key === 'sg-0etl1b2c3d4e5f6a7' ? ['52.216.20.5', '52.216.33.81', '54.231.0.44'] : [], rejectPerHour: 0.2 };
  });
}

function regionWorld(snapshot: AccountSnapshot, region: string, now: Date): SyntheticWorld {
  const end = Math.floor(now.getTime() / 1000 / 3600) * 3600;
  const start = end - DAYS * 86400;
  const functions = snapshot.functions.filter((f) => f.region === region);
  const profiles = functions.map((f) => makeProfile(f.name, f.role, rngFor(SEED, `profile:${f.name}`), start, end));
  const groups = demoGroups(snapshot, functions);
  groups.forEach((g, i) => g.functions.forEach((name) => (profiles.find((p) => p.name === name)!.groupIndex = i)));
  const ctx = { accountId: snapshot.account.id, region };
  const invocations = new Map(profiles.map((p) => [p.name, generateInvocations(p, start, end, PERIOD, rngFor(SEED, `invocations:${p.name}`))] as const));
  const flows = groups.flatMap((g, i) => generateGroupFlows(g, profiles, start, end, rngFor(SEED, `flows:${region}:${i}`)));
  const events = [...profiles.flatMap((p) => generateRoleCalls(ctx, p, start, end, rngFor(SEED, `calls:${p.name}`))), ...generateDeploys(ctx, profiles, start, end - 86400, rngFor(SEED, `deploys:${region}`))];
  return { seed: SEED, region, accountId: snapshot.account.id, start, end, period: PERIOD, profiles, groups, snapshot, invocations, flows, events, labels: [], injectRng: rngFor(SEED, `inject:${region}`) };
}

/** Renames the identity of the last event: the demo's code change is made by user bob of the demo account. */
function madeBy(w: SyntheticWorld, userArn: string): void {
  const e = w.events[w.events.length - 1];
  e.userIdentity = { type: 'IAMUser', arn: userArn, principalId: 'AIDADEMOBOB000000001', accountId: w.accountId };
  e.sourceIp = '203.0.113.77';
  e.userAgent = 'aws-cli/2.17.0 Python/3.12.6 Linux/6.8';
}

/**
 * Two weeks of telemetry for the demo account, ending at `now` (so `monitor --demo --since 24h` always
 * has a recent window), generated from fixed seeds, with five anomalies in the last day: an invocation
 * spike, a new network peer, an unusual API call, a code change by a person, and a port scan.
 */
export function demoTelemetry(snapshot: AccountSnapshot, now: Date): { telemetry: Telemetry; labels: AnomalyLabel[] } {
  const parts: Telemetry[] = [];
  const labels: AnomalyLabel[] = [];
  for (const region of snapshot.regions) {
    const w = regionWorld(snapshot, region, now);
    if (region === 'us-east-1') {
      const hour = 3600;
      injectSpike(w, 'orders-api', w.end - 5 * hour, { factor: 12, minutes: 45 });
      injectNewPeer(w, 'analytics-etl', w.end - 7 * hour, 'internet-port');
      injectUnusualCall(w, 'payments-webhook', w.end - 3 * hour);
      injectChange(w, 'receipts-ReportFunction-9KD2PL', w.end - 9 * hour, 'code', 'stranger');
      madeBy(w, `arn:aws:iam::${snapshot.account.id}:user/bob`);
      injectPortScan(w, 'orders-worker', w.end - 2 * hour, 300);
    }
    labels.push(...w.labels);
    parts.push(syntheticTelemetry(w));
  }
  const first = parts[0];
  return {
    telemetry: {
      start: first.start,
      end: first.end,
      metrics: parts.flatMap((t) => t.metrics),
      flows: parts.flatMap((t) => t.flows),
      flowGaps: [],
      flowLogs: parts.flatMap((t) => t.flowLogs.map((l) => ({ ...l, resourceId: 'vpc-0d3m0a1b2c3d4e5f6' }))).slice(0, 1),
      events: parts.flatMap((t) => t.events),
      trails: first.trails,
    },
    labels,
  };
}
