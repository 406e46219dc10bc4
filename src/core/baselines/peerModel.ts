import type { FlowSummary } from '../inventory/telemetryModel';
import type { FunctionGroups } from './functionGroups';

/** One peer + service port + protocol + direction a function group has used, with when and how much. */
export interface PeerEntry {
  peer: string;
  port: number;
  protocol: number;
  direction: FlowSummary['direction'];
  firstSeen: number;
  lastSeen: number;
  bytes: number;
  packets: number;
}

/** What a group's network interfaces have talked to (accepted traffic only), and since when flows were seen. */
export interface GroupPeerModel {
  /** Epoch seconds of the first and last flow record of any kind (coverage, for the warm-up). */
  firstData: number;
  lastData: number;
  peers: Map<string, PeerEntry>;
}

export function peerTupleKey(peer: string, port: number, protocol: number, direction: string): string {
  return `${peer}|${port}|${protocol}|${direction}`;
}

/** True when a flow's tuple was learned; a direction the collector could not tell matches either. */
export function isKnownPeer(model: GroupPeerModel, f: Pick<FlowSummary, 'peer' | 'port' | 'protocol' | 'direction'>): boolean {
  if (model.peers.has(peerTupleKey(f.peer, f.port, f.protocol, f.direction))) return true;
  if (f.direction === 'unknown') return ['egress', 'ingress'].some((d) => model.peers.has(peerTupleKey(f.peer, f.port, f.protocol, d)));
  return model.peers.has(peerTupleKey(f.peer, f.port, f.protocol, 'unknown'));
}

/**
 * Adds flow records whose hour ended in [from, to) — each record is learned once across incremental
 * updates — to the models of the groups behind their interfaces. Records of interfaces the snapshot
 * does not know (deleted ENIs, not Lambda's) are skipped.
 */
export function learnPeers(models: Map<string, GroupPeerModel>, flows: FlowSummary[], groups: FunctionGroups, from: number, to: number): void {
  for (const f of flows) {
    if (!(f.last >= from && f.last < to)) continue;
    const group = groups.byInterface.get(f.interfaceId);
    if (!group) continue;
    let model = models.get(group.key);
    if (!model) {
      model = { firstData: f.first, lastData: f.last, peers: new Map() };
      models.set(group.key, model);
    }
    model.firstData = Math.min(model.firstData, f.first);
    model.lastData = Math.max(model.lastData, f.last);
    if (f.accepted <= 0) continue;
    const key = peerTupleKey(f.peer, f.port, f.protocol, f.direction);
    const entry = model.peers.get(key);
    if (entry) {
      entry.firstSeen = Math.min(entry.firstSeen, f.first);
      entry.lastSeen = Math.max(entry.lastSeen, f.last);
      entry.bytes += f.bytes;
      entry.packets += f.packets;
    } else {
      model.peers.set(key, { peer: f.peer, port: f.port, protocol: f.protocol, direction: f.direction, firstSeen: f.first, lastSeen: f.last, bytes: f.bytes, packets: f.packets });
    }
  }
}

/** Drops peers not seen since `before` (epoch seconds): a peer unused for months is new again. */
export function forgetOldPeers(model: GroupPeerModel, before: number): void {
  for (const [key, e] of model.peers) if (e.lastSeen < before) model.peers.delete(key);
}
