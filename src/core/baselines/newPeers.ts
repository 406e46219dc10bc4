import type { FlowSummary } from '../inventory/telemetryModel';
import type { Alert } from '../model/alert';
import type { Severity } from '../model/severity';
import { isPublicAddress } from '../flows/ipAddress';
import { protocolName } from './addresses';
import { clock, count, iso, makeAlert, plural } from './alertText';
import { functionsBehind, groupTarget, type FunctionGroup, type FunctionGroups } from './functionGroups';
import { warmupOf, type WarmupState } from './historyStart';
import { isKnownPeer, peerTupleKey, type GroupPeerModel } from './peerModel';

/** LG102 and LG105 need this many days of flow records before the window. */
export const MIN_FLOW_HISTORY_DAYS = 3;
/**
 * A group that reached this many distinct internet addresses on one service port during learning talks
 * to a pool that rotates (AWS service endpoints behind DNS, a CDN): a new address on that port is
 * expected, and only a new port or a private peer is news.
 */
export const CHURN_MIN_PUBLIC_PEERS = 8;
const MAX_ALERTS_PER_GROUP = 20;

export interface PeerSummary {
  state: WarmupState;
  historyDays: number;
  /** Distinct peer + port + protocol + direction with accepted traffic in the window. */
  peers: number;
  /** Of which never learned (0 while warming up). */
  newPeers: number;
}

function serviceKey(port: number, protocol: number, direction: string): string {
  return `${port}|${protocol}|${direction}`;
}

function churningServices(model: GroupPeerModel): Set<string> {
  const counts = new Map<string, number>();
  for (const e of model.peers.values()) {
    if (!isPublicAddress(e.peer)) continue;
    const k = serviceKey(e.port, e.protocol, e.direction);
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return new Set([...counts].filter(([, n]) => n >= CHURN_MIN_PUBLIC_PEERS).map(([k]) => k));
}

function severityOf(peer: string, flows: FlowSummary[]): Severity {
  if (!isPublicAddress(peer)) return 'warning';
  const unusualEgress = flows.some((f) => f.direction !== 'ingress' && f.port !== 443 && f.port !== 80);
  const inbound = flows.some((f) => f.direction === 'ingress');
  return unusualEgress || inbound ? 'error' : 'warning';
}

/** LG102 for one function group: accepted traffic in the window to a peer + port the group never used while learning. */
export function detectNewPeers(
  model: GroupPeerModel | undefined,
  windowFlows: FlowSummary[],
  group: FunctionGroup,
  groups: FunctionGroups,
  window: { start: number; end: number },
): { alerts: Alert[]; summary: PeerSummary } {
  const accepted = windowFlows.filter((f) => f.accepted > 0);
  const peers = new Set(accepted.map((f) => peerTupleKey(f.peer, f.port, f.protocol, f.direction))).size;
  const { state, historyDays } = warmupOf(model?.firstData, window.start, MIN_FLOW_HISTORY_DAYS);
  if (!model || state !== 'ready') return { alerts: [], summary: { state, historyDays, peers, newPeers: 0 } };

  const churn = churningServices(model);
  const byPeer = new Map<string, FlowSummary[]>();
  const newTuples = new Set<string>();
  for (const f of accepted) {
    if (isKnownPeer(model, f)) continue;
    if (isPublicAddress(f.peer) && churn.has(serviceKey(f.port, f.protocol, f.direction))) continue;
    newTuples.add(peerTupleKey(f.peer, f.port, f.protocol, f.direction));
    const list = byPeer.get(f.peer);
    if (list) list.push(f);
    else byPeer.set(f.peer, [f]);
  }
  // Earliest record per peer, computed once (a port scan gives one peer 100,000+ flows: no spread into Math.min).
  const firstSeen = new Map([...byPeer].map(([peer, flows]) => [peer, minOf(flows, (f) => f.first)]));
  const ordered = [...byPeer].sort((a, b) => firstSeen.get(a[0])! - firstSeen.get(b[0])! || (a[0] < b[0] ? -1 : 1));
  const alerts = ordered.slice(0, MAX_ALERTS_PER_GROUP).map(([peer, flows]) => peerAlert(peer, flows, model, group, groups, historyDays));
  if (ordered.length > MAX_ALERTS_PER_GROUP) alerts.push(overflowAlert(ordered.slice(MAX_ALERTS_PER_GROUP), group, groups));
  return { alerts, summary: { state, historyDays, peers, newPeers: newTuples.size } };
}

function sharedNames(groups: FunctionGroups, group: FunctionGroup, flows: FlowSummary[]): string[] {
  return functionsBehind(groups, group, new Set(flows.map((f) => f.interfaceId)));
}

function sharedWords(names: string[]): string {
  return names.length > 1 ? ` (network interface shared by ${names.join(', ')}: flow logs cannot tell which of them)` : '';
}

function peerAlert(peer: string, flows: FlowSummary[], model: GroupPeerModel, group: FunctionGroup, groups: FunctionGroups, historyDays: number): Alert {
  const main = [...flows].sort((a, b) => b.bytes - a.bytes || a.first - b.first)[0];
  const first = minOf(flows, (f) => f.first);
  const last = -minOf(flows, (f) => -f.last);
  const ports = [...new Set(flows.map((f) => f.port))].sort((a, b) => a - b);
  const bytes = flows.reduce((s, f) => s + f.bytes, 0);
  const connections = flows.reduce((s, f) => s + f.accepted, 0);
  const names = sharedNames(groups, group, flows);
  const where = main.direction === 'ingress' ? `from ${peer} to port ${main.port}` : `to ${peer} on port ${main.port}`;
  const message =
    `New network peer: ${protocolName(main.protocol)} ${where}${ports.length > 1 ? ` (ports ${ports.join(', ')})` : ''}` +
    `${isPublicAddress(peer) ? ', an internet address' : ''}, first at ${clock(first)}; ${count(bytes)} bytes in ${plural(connections, 'accepted record')}. ` +
    `Never seen in ${historyDays} days of flow logs (${plural(model.peers.size, 'known peer-port pair')})${sharedWords(names)}.`;
  const evidence: Record<string, unknown> = {
    peer,
    port: main.port,
    protocol: main.protocol,
    protocolName: protocolName(main.protocol),
    direction: main.direction,
    ports,
    publicAddress: isPublicAddress(peer),
    network: isPublicAddress(peer) ? 'internet' : 'private',
    bytes,
    packets: flows.reduce((s, f) => s + f.packets, 0),
    acceptedRecords: connections,
    firstSeen: iso(first),
    lastSeen: iso(last),
    interfaceIds: [...new Set(flows.map((f) => f.interfaceId))].sort(),
    knownPeers: model.peers.size,
    baselineDays: historyDays,
  };
  return makeAlert('LG102', severityOf(peer, flows), groupTarget(group, names), iso(first), message, evidence, names);
}

function overflowAlert(rest: [string, FlowSummary[]][], group: FunctionGroup, groups: FunctionGroups): Alert {
  const flows = rest.flatMap(([, f]) => f);
  const first = minOf(flows, (f) => f.first);
  const names = sharedNames(groups, group, flows);
  const message = `${plural(rest.length, 'more new network peer')} after the first ${MAX_ALERTS_PER_GROUP}, first at ${clock(first)}: a sweep of many hosts looks like this${sharedWords(names)}.`;
  const evidence = { peers: rest.slice(0, 100).map(([p]) => p), peerCount: rest.length, ports: [...new Set(flows.map((f) => f.port))].sort((a, b) => a - b).slice(0, 100) };
  return makeAlert('LG102', 'error', groupTarget(group, names), iso(first), message, evidence, names);
}

/** The least of `f` over `items`, in a loop (Math.min(...list) overflows the stack on long lists). */
function minOf<T>(items: readonly T[], f: (x: T) => number): number {
  let m = Infinity;
  for (const x of items) m = Math.min(m, f(x));
  return m;
}
