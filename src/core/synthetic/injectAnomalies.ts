import { RULE_OF_KIND, type AnomalyKind, type AnomalyLabel } from './anomalyLabel';
import type { SyntheticGroup } from './syntheticAccount';
import { flowRecord, scannerAddress } from './syntheticFlows';
import { rateAt, UNUSUAL_CALLS, type FunctionProfile } from './syntheticProfiles';
import { codeSha, lambdaEvent, roleSessionEvent, type DeployIdentity } from './syntheticTrail';
import { trailContext, type SyntheticWorld } from './syntheticWorld';

function profileOf(w: SyntheticWorld, fn: string): FunctionProfile {
  const p = w.profiles.find((x) => x.name === fn);
  if (!p) throw new Error(`no function ${fn} in the synthetic world`);
  return p;
}

function groupOf(w: SyntheticWorld, p: FunctionProfile): SyntheticGroup {
  if (p.groupIndex === undefined) throw new Error(`${p.name} is not in a VPC: it has no network interface to inject flows on`);
  return w.groups[p.groupIndex];
}

function inRange(w: SyntheticWorld, at: number): void {
  if (!(at >= w.start && at < w.end)) throw new Error(`${new Date(at * 1000).toISOString()} is outside the synthetic telemetry`);
}

function label(w: SyntheticWorld, kind: AnomalyKind, fn: string, functions: string[], start: number, end: number, detail: Record<string, unknown>): AnomalyLabel {
  const l: AnomalyLabel = {
    id: `${kind}-${w.labels.length + 1}`,
    kind,
    ruleId: RULE_OF_KIND[kind],
    functionName: fn,
    region: w.region,
    functions,
    start: new Date(start * 1000).toISOString(),
    end: new Date(end * 1000).toISOString(),
    detail,
  };
  w.labels.push(l);
  return l;
}

export interface SpikeOptions {
  /** Multiple of the normal rate (default 4–15×); the rate is at least 3 a minute. */
  factor?: number;
  /** Or an absolute rate per minute (e.g. the daytime peak, at night). */
  perMinute?: number;
  minutes?: number;
}

/** An invocation storm from `at`: every point raised to the storm's Poisson draw (never lowered). */
export function injectSpike(w: SyntheticWorld, fn: string, at: number, opts: SpikeOptions = {}): AnomalyLabel {
  inRange(w, at);
  const p = profileOf(w, fn);
  const rng = w.injectRng;
  const minutes = opts.minutes ?? rng.int(15, 90);
  const factor = opts.factor ?? rng.float(4, 15);
  const counts = w.invocations.get(fn)!;
  const end = Math.min(w.end, at + minutes * 60);
  let peakRate = 0;
  for (let i = Math.floor((at - w.start) / w.period); i < counts.length && w.start + i * w.period < end; i++) {
    const t = w.start + i * w.period;
    const rate = opts.perMinute ?? Math.max(3, factor * rateAt(p, t, w.start));
    peakRate = Math.max(peakRate, rate);
    counts[i] = Math.max(counts[i], rng.poisson(rate * (w.period / 60)));
  }
  const detail = { perMinute: Math.round(peakRate * 10) / 10, normalPerMinute: Math.round(rateAt(p, at, w.start) * 100) / 100, minutes, ...(opts.perMinute ? {} : { factor: Math.round(factor * 10) / 10 }) };
  return label(w, 'spike', fn, [fn], at, end, detail);
}

export type NewPeerKind = 'internal' | 'internet-port' | 'internet-https';

/** Accepted traffic from the function's interface to a peer its group never used, for one to three hours. */
export function injectNewPeer(w: SyntheticWorld, fn: string, at: number, kind: NewPeerKind = 'internal'): AnomalyLabel {
  inRange(w, at);
  const g = groupOf(w, profileOf(w, fn));
  const rng = w.injectRng;
  // A new internet address on 443 is expected for a group that reaches rotating AWS endpoints: use an odd port there.
  const k: NewPeerKind = kind === 'internet-https' && g.churnPool.length ? 'internet-port' : kind;
  const peer = k === 'internal' ? `10.0.${rng.int(50, 99)}.${rng.int(2, 254)}` : k === 'internet-port' ? scannerAddress(rng) : `${rng.pick([104, 151, 162, 199])}.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(1, 254)}`;
  const port = k === 'internal' ? rng.pick([22, 3306, 5432, 6379, 9200, 27017]) : k === 'internet-port' ? rng.pick([4444, 6667, 1337, 9001, 2222, 8081, 5555]) : 443;
  const subnet = rng.int(0, g.subnets.length - 1);
  const hours = rng.int(1, 3);
  let last = at;
  for (let h = 0; h < hours; h++) {
    const hour = Math.floor(at / 3600) * 3600 + h * 3600;
    if (hour >= w.end) break;
    const first = h === 0 ? at : hour + rng.int(0, 300);
    last = Math.max(first + 1, hour + 3600 - rng.int(1, 600));
    const accepted = rng.int(1, 20);
    const bytes = accepted * rng.int(2000, 200000);
    w.flows.push(flowRecord(g, subnet, peer, port, first, last, { bytes, packets: Math.round(bytes / 700) + accepted, accepted }));
  }
  return label(w, 'new-peer', fn, [...g.functions], at, last, { peer, port, kind: k, interfaceId: g.subnets[subnet].interfaceId });
}

/** One to five calls by the function's role session that it never makes (reconnaissance, credentials, escalation). */
export function injectUnusualCall(w: SyntheticWorld, fn: string, at: number): AnomalyLabel {
  inRange(w, at);
  const p = profileOf(w, fn);
  const rng = w.injectRng;
  const known = new Set(p.calls.map((c) => `${c.eventSource} ${c.eventName}`));
  const options = UNUSUAL_CALLS.filter(([s, n]) => !known.has(`${s} ${n}`));
  const [eventSource, eventName, readOnly] = rng.pick(options);
  const n = rng.int(1, 5);
  let t = at;
  for (let i = 0; i < n && t < w.end; i++) {
    const denied = !readOnly && rng.chance(0.3);
    w.events.push(roleSessionEvent(trailContext(w), p, eventSource, eventName, t, rng, { readOnly, ...(denied ? { errorCode: 'AccessDenied' } : {}) }));
    t += rng.int(5, 120);
  }
  return label(w, 'unusual-call', fn, [fn], at, t, { eventSource, eventName, count: n });
}

export type ChangeKindInjected = 'code' | 'configuration' | 'permission' | 'url';

const CHANGE_EVENTS: Record<ChangeKindInjected, string> = {
  code: 'UpdateFunctionCode20150331v2',
  configuration: 'UpdateFunctionConfiguration20150331v2',
  permission: 'AddPermission20150331v2',
  url: 'CreateFunctionUrlConfig',
};

/** A change to the function by the usual pipeline or a stranger, naming the function by name, ARN, qualified ARN or partial ARN. */
export function injectChange(w: SyntheticWorld, fn: string, at: number, kind?: ChangeKindInjected, who?: DeployIdentity): AnomalyLabel {
  inRange(w, at);
  profileOf(w, fn);
  const rng = w.injectRng;
  const k = kind ?? rng.pick(['code', 'configuration', 'permission', 'url'] as const);
  const identity = who ?? (rng.chance(0.4) ? 'ci' : 'stranger');
  const arn = `arn:aws:lambda:${w.region}:${w.accountId}:function:${fn}`;
  const ref = rng.pick([fn, arn, `${arn}:$LATEST`, `${w.accountId}:function:${fn}`]);
  const extra =
    k === 'code'
      ? { responseElements: { functionName: fn, codeSha256: codeSha(rng) } }
      : k === 'configuration'
        ? { requestParameters: { timeout: 900, environment: {} } }
        : k === 'permission'
          ? { requestParameters: { statementId: `open-${rng.hex(6)}`, action: 'lambda:InvokeFunction', principal: '*' } }
          : { requestParameters: { authType: 'NONE' } };
  w.events.push(lambdaEvent(trailContext(w), CHANGE_EVENTS[k], ref, at, identity, rng, extra));
  return label(w, 'change', fn, [fn], at, at, { change: k, identity, functionRef: ref });
}

/** Rejected connection attempts from one address on many ports of the function's interface over a few minutes. */
export function injectPortScan(w: SyntheticWorld, fn: string, at: number, ports?: number): AnomalyLabel {
  inRange(w, at);
  const g = groupOf(w, profileOf(w, fn));
  const rng = w.injectRng;
  const n = ports ?? rng.int(60, 800);
  const seconds = rng.int(5, 50) * 60;
  const peer = rng.chance(0.3) ? `10.0.${rng.int(100, 199)}.${rng.int(2, 254)}` : scannerAddress(rng);
  const subnet = rng.int(0, g.subnets.length - 1);
  const base = rng.int(1, 60000 - n);
  let last = at;
  for (let i = 0; i < n; i++) {
    const t = at + Math.floor((i * seconds) / n);
    if (t >= w.end) break;
    last = t;
    const tries = rng.chance(0.2) ? 2 : 1;
    w.flows.push(flowRecord(g, subnet, peer, base + i, t, Math.min(Math.floor(t / 3600) * 3600 + 3599, t + 2), { direction: 'ingress', bytes: 44 * tries, packets: tries, rejected: tries }));
  }
  return label(w, 'port-scan', fn, [...g.functions], at, last, { peer, ports: n, minutes: seconds / 60 });
}
