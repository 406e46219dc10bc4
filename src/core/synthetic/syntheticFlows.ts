import type { FlowSummary } from '../inventory/telemetryModel';
import type { Rng } from './prng';
import type { SyntheticGroup } from './syntheticAccount';
import { rateAt, type FunctionProfile } from './syntheticProfiles';

const SCANNED_PORTS = [22, 23, 80, 443, 445, 3389, 5900, 8080, 8443, 6379];

/** A random address in ranges that scanners come from (never private). */
export function scannerAddress(rng: Rng): string {
  return `${rng.pick([45, 89, 185, 193, 194])}.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(1, 254)}`;
}

export function flowRecord(
  g: SyntheticGroup,
  subnet: number,
  peer: string,
  port: number,
  first: number,
  last: number,
  over: Partial<FlowSummary> = {},
): FlowSummary {
  const s = g.subnets[subnet];
  return { interfaceId: s.interfaceId, localAddr: s.localAddr, peer, port, protocol: 6, direction: 'egress', bytes: 0, packets: 0, accepted: 0, rejected: 0, first, last, ...over };
}

function accepted(g: SyntheticGroup, peer: string, port: number, hour: number, connections: number, rng: Rng): FlowSummary {
  const bytes = Math.round(connections * 20000 * Math.exp(0.5 * rng.normal()));
  return flowRecord(g, rng.int(0, g.subnets.length - 1), peer, port, hour + rng.int(0, 600), hour + 3600 - rng.int(1, 600), {
    bytes,
    packets: Math.max(connections * 4, Math.round(bytes / 800)),
    accepted: connections,
  });
}

/**
 * Hourly flow summaries of one group for [start, end): its stable peers while its functions are busy
 * (more records when busier), a few rotating internet addresses on 443 when it reaches AWS APIs through
 * NAT, and scanners' rejected attempts.
 */
export function generateGroupFlows(g: SyntheticGroup, profiles: FunctionProfile[], start: number, end: number, rng: Rng): FlowSummary[] {
  const out: FlowSummary[] = [];
  const members = profiles.filter((p) => g.functions.includes(p.name));
  for (let hour = start; hour + 3600 <= end; hour += 3600) {
    const activity = members.reduce((s, p) => s + rateAt(p, hour + 1800, start) * 60, 0);
    const active = activity >= 0.3 || rng.chance(activity);
    if (active) {
      const busy = Math.log10(1 + activity);
      for (const peer of g.peers) {
        if (!rng.chance(Math.min(1, peer.weight + 0.3))) continue;
        out.push(accepted(g, peer.peer, peer.port, hour, 1 + rng.poisson(3 * peer.weight * busy), rng));
      }
      if (g.churnPool.length) {
        const n = rng.int(1, 3);
        for (let i = 0; i < n; i++) out.push(accepted(g, rng.pick(g.churnPool), 443, hour, 1 + rng.poisson(busy), rng));
      }
    }
    const rejected = rng.poisson(g.rejectPerHour);
    for (let i = 0; i < rejected; i++) {
      const t = hour + rng.int(0, 3599);
      out.push(flowRecord(g, rng.int(0, g.subnets.length - 1), scannerAddress(rng), rng.pick(SCANNED_PORTS), t, Math.min(hour + 3599, t + 60), { direction: 'ingress', bytes: 44, packets: 1, rejected: 1 }));
    }
  }
  return out;
}
