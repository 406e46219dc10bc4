import { functionKey } from '../activity/functionIndex';
import { protocolName } from '../baselines/addresses';
import { buildFunctionGroups, type FunctionGroups } from '../baselines/functionGroups';
import type { LearnedBaselines } from '../baselines/learnedBaselines';
import { isKnownPeer, peerTupleKey } from '../baselines/peerModel';
import { PeerResolver } from '../flows/peerResolver';
import { serviceName } from '../flows/servicePorts';
import type { AccountSnapshot, LiveFunction } from '../inventory/accountModel';
import type { FlowSummary } from '../inventory/telemetryModel';
import type { PeerRow } from '../../shared/protocol';

/** Most rows a view lists: a sweep of every port would otherwise make a table of 65,536 rows. */
export const MAX_PEER_ROWS = 1000;

export interface PeerInput {
  snapshot: Pick<AccountSnapshot, 'functions' | 'network'>;
  flows: readonly FlowSummary[];
  fn: LiveFunction;
  /** Epoch seconds. */
  start: number;
  end: number;
  learned?: LearnedBaselines;
  /** Built once per account by callers that build many dashboards. */
  groups?: FunctionGroups;
  resolver?: PeerResolver;
}

export interface PeerTable {
  rows: PeerRow[];
  /** The other functions on the same network interfaces: the peers are theirs too. */
  sharedWith: string[];
  notes: string[];
}

/**
 * The network peers of a function's group (every function with its security-group set shares its
 * Lambda network interfaces, so flow logs cannot tell them apart) over [start, end): flow summaries
 * added up per peer + service port + protocol + direction, each peer named (RDS, NAT gateway, internet …)
 * and flagged new when the group's learned peer set lacks it — an LG102 candidate. New ones first, then
 * the busiest.
 */
export function buildPeerRows(input: PeerInput): PeerTable {
  const { fn } = input;
  if (!fn.vpc?.subnetIds.length) return { rows: [], sharedWith: [], notes: ['Not in a VPC: Lambda runs the function on its own network, which flow logs do not show.'] };
  const groups = input.groups ?? buildFunctionGroups(input.snapshot);
  const group = groups.byFunction.get(functionKey(fn.region, fn.name));
  if (!group) return { rows: [], sharedWith: [], notes: ['No security groups on the function: no network interface to read flow logs of.'] };
  const sharedWith = group.functions.filter((f) => f.name !== fn.name).map((f) => f.name);
  const resolver = input.resolver ?? PeerResolver.fromSnapshot(input.snapshot);
  const model = input.learned?.peers.get(group.key);
  const byTuple = new Map<string, PeerRow>();
  for (const f of input.flows) {
    if (groups.byInterface.get(f.interfaceId) !== group || !(f.first < input.end && f.last >= input.start)) continue;
    const key = peerTupleKey(f.peer, f.port, f.protocol, f.direction);
    let row = byTuple.get(key);
    if (!row) {
      const info = resolver.resolve(f.peer, { region: fn.region, vpcId: fn.vpc.vpcId });
      row = { peer: f.peer, label: info.label, port: f.port, protocol: protocolName(f.protocol), direction: f.direction, bytes: 0, packets: 0, accepted: 0, rejected: 0, first: f.first, last: f.last, isNew: false };
      const service = serviceName(f.port, f.protocol);
      if (service) row.service = service;
      byTuple.set(key, row);
    }
    row.bytes += f.bytes;
    row.packets += f.packets;
    row.accepted += f.accepted;
    row.rejected += f.rejected;
    row.first = Math.min(row.first, f.first);
    row.last = Math.max(row.last, f.last);
    // New: accepted traffic to a tuple the group never used while learning (rejected probes are LG105's).
    if (model && f.accepted > 0 && !isKnownPeer(model, f)) row.isNew = true;
  }
  const all = [...byTuple.values()].sort((a, b) => Number(b.isNew) - Number(a.isNew) || b.bytes - a.bytes || a.peer.localeCompare(b.peer) || a.port - b.port);
  const rows = all.slice(0, MAX_PEER_ROWS);
  const notes: string[] = [];
  if (all.length > rows.length) notes.push(`${all.length.toLocaleString('en-US')} peer-port pairs: the ${MAX_PEER_ROWS.toLocaleString('en-US')} new or busiest are listed.`);
  if (!model) notes.push('No learned peer set for these network interfaces yet: new peers are not flagged.');
  if (sharedWith.length) notes.push(`The network interfaces are shared with ${sharedWith.join(', ')}: their traffic cannot be told apart.`);
  return { rows, sharedWith, notes };
}
