import { CHANGE_WORDS, classifyChange } from '../activity/functionChanges';
import { buildFunctionIndex } from '../activity/functionIndex';
import { describePeer, PeerResolver } from '../flows/peerResolver';
import { functionGroupsOf } from '../flows/functionGroups';
import type { AccountSnapshot } from '../inventory/accountModel';
import type { Telemetry } from '../inventory/telemetryModel';
import type { Alert } from '../model/alert';
import type { MonitorResult } from './monitorResult';

/** One peer of a function's network interfaces in the window, aggregated over hours. */
export interface ActivityPeer {
  peer: string;
  port: number;
  protocol: number;
  /** `RDS database (eni-…) on 5432 (postgres)`, `internet 203.0.113.9 on 443 (https)`. */
  description: string;
  bytes: number;
  accepted: number;
  rejected: number;
  /** Epoch seconds. */
  first: number;
  last: number;
  /** An LG102 alert of the window names this peer and port. */
  isNew: boolean;
}

export interface ActivityChange {
  /** ISO 8601. */
  time: string;
  what: string;
  who: string;
  eventName: string;
}

/** What a function did in the monitoring window, for the Functions view's Activity node. */
export interface FunctionActivity {
  alerts: Alert[];
  peers: ActivityPeer[];
  changes: ActivityChange[];
  /** Functions sharing the network interfaces these peers were seen on. */
  sharedWith: string[];
}

/**
 * Per function (by ARN): its alerts (including group alerts it shares), its group's peers in the window
 * (alerts' new peers flagged), and the changes CloudTrail recorded to it — newest first, capped so a
 * busy function stays a readable tree.
 */
export function functionActivity(snapshot: AccountSnapshot, telemetry: Telemetry, result: MonitorResult, maxItems = 50): Map<string, FunctionActivity> {
  const ws = Date.parse(result.window.start) / 1000;
  const we = Date.parse(result.window.end) / 1000;
  const groups = functionGroupsOf(snapshot);
  const resolver = PeerResolver.fromSnapshot(snapshot, groups);
  const index = buildFunctionIndex(snapshot.functions);
  const out = new Map<string, FunctionActivity>();
  for (const fn of snapshot.functions) {
    const alerts = result.alerts.filter((a) => (a.functionName === fn.name || a.sharedWith?.includes(fn.name)) && (!a.region || a.region === fn.region));
    const newPeers = new Set(alerts.filter((a) => a.ruleId === 'LG102').map((a) => `${String(a.evidence.peer)}|${String(a.evidence.port)}`));
    const fnGroups = groups.byFunction.get(fn.arn) ?? [];
    const interfaces = new Set(fnGroups.flatMap((g) => g.interfaceIds));
    const byPeer = new Map<string, ActivityPeer>();
    for (const f of telemetry.flows) {
      if (!interfaces.has(f.interfaceId) || f.last < ws || f.first >= we) continue;
      const key = `${f.peer}|${f.port}|${f.protocol}`;
      const p = byPeer.get(key);
      if (p) {
        p.bytes += f.bytes;
        p.accepted += f.accepted;
        p.rejected += f.rejected;
        p.first = Math.min(p.first, f.first);
        p.last = Math.max(p.last, f.last);
        continue;
      }
      const eni = snapshot.network.interfaces.find((e) => e.id === f.interfaceId);
      const description = describePeer(resolver.resolve(f.peer, { region: fn.region, vpcId: eni?.vpcId }), f.port, f.protocol);
      byPeer.set(key, { peer: f.peer, port: f.port, protocol: f.protocol, description, bytes: f.bytes, accepted: f.accepted, rejected: f.rejected, first: f.first, last: f.last, isNew: newPeers.has(`${f.peer}|${f.port}`) });
    }
    const peers = [...byPeer.values()].filter((p) => p.accepted > 0 || p.isNew).sort((a, b) => Number(b.isNew) - Number(a.isNew) || b.bytes - a.bytes).slice(0, maxItems);
    const changes: ActivityChange[] = [];
    for (const e of telemetry.events) {
      const t = Date.parse(e.time) / 1000;
      if (t < ws || t >= we) continue;
      const c = classifyChange(e, index);
      if (!c || c.function.name !== fn.name || c.function.region !== fn.region) continue;
      changes.push({ time: e.time, what: CHANGE_WORDS[c.kind], who: c.actor.label, eventName: c.eventName });
    }
    changes.sort((a, b) => (a.time < b.time ? 1 : a.time > b.time ? -1 : 0));
    const sharedWith = [...new Set(fnGroups.flatMap((g) => g.functionNames))].filter((n) => n !== fn.name).sort();
    out.set(fn.arn, { alerts, peers, changes: changes.slice(0, maxItems), sharedWith });
  }
  return out;
}
