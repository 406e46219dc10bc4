/**
 * Aggregates flow-log records into FlowSummary rows: by interface, local address, peer, service port,
 * protocol and direction, and by hour unless `hourly: false`. Every reader feeds one of these — the
 * byte scanner (files, S3 objects, CloudWatch Logs messages) record by record, Logs Insights rows as
 * pre-aggregated groups — and `result()` decides the local side and direction once per distinct group.
 */
import type { FlowGaps, FlowSummary } from '../inventory/telemetryModel';
import { addressCodeOfString, addressText } from './addressCodes';
import { ByteInterner } from './byteInterner';
import { decideLocalSide, inferLocalAddresses } from './localSide';
import { addressOf, FlowTable, internedBits, K_DST, K_FLAGS, K_HOUR, K_IFACE, K_PKT_DST, K_PKT_SRC, K_PORT, K_SRC, V_ACCEPTED, V_BYTES, V_FIRST, V_LAST, V_PACKETS, V_REJECTED } from './flowTable';
import { serviceSide, servicePortOf, SIDE_DST, SIDE_SRC, SIDE_UNKNOWN } from './servicePorts';

export interface FlowAggregatorOptions {
  /** Keep one row per hour (default true): `first`/`last` then fall inside one clock hour (UTC). */
  hourly?: boolean;
  /** The interfaces' own private IPs (e.g. from DescribeNetworkInterfaces): the surest way to tell the local side. */
  localAddresses?: ReadonlyMap<string, readonly string[]>;
}

export interface SkipCounts {
  nodata: number;
  skipdata: number;
  malformed: number;
  header: number;
}

export interface MalformedLine {
  /** The file or log stream, when the reader named it. */
  source?: string;
  line: number;
  reason: string;
}

export interface FlowAggregate {
  /** Flow records aggregated. */
  records: number;
  /** Lines that were not flow records, by kind. */
  skipped: SkipCounts;
  flows: FlowSummary[];
  gaps: FlowGaps[];
  /** The first malformed lines (at most MAX_MALFORMED_SAMPLES), to say what was wrong. */
  malformed: MalformedLine[];
}

/** A group of records already aggregated elsewhere (a Logs Insights row): service side decided, totals summed. */
export type FlowGroupInput = Pick<FlowSummary, 'interfaceId' | 'port' | 'protocol' | 'bytes' | 'packets' | 'accepted' | 'rejected' | 'first' | 'last'> & {
  srcAddr: string;
  dstAddr: string;
  /** Packet-level addresses (`pkt-srcaddr`/`pkt-dstaddr`) when they differ from srcAddr/dstAddr. */
  pktSrcAddr?: string;
  pktDstAddr?: string;
  /** Which side held the service port. */
  side: 'src' | 'dst' | 'unknown';
  /** Which side is the interface, when the records said so (flow-direction, pkt-* addresses). */
  localSide?: 'src' | 'dst';
};

export const ACTION_ACCEPT = 1;
export const ACTION_REJECT = 2;
export const MAX_MALFORMED_SAMPLES = 20;
const HOUR = 3600;

export class FlowAggregator {
  readonly strings = new ByteInterner();
  readonly hourly: boolean;
  private readonly table = new FlowTable();
  private readonly gaps = new Map<number, FlowGaps>();
  private readonly localAddresses?: ReadonlyMap<string, readonly string[]>;
  records = 0;
  readonly skipped: SkipCounts = { nodata: 0, skipdata: 0, malformed: 0, header: 0 };
  readonly malformed: MalformedLine[] = [];

  constructor(options: FlowAggregatorOptions = {}) {
    this.hourly = options.hourly ?? true;
    this.localAddresses = options.localAddresses;
  }

  /**
   * One flow record. `iface` is an id interned in `this.strings`; addresses are address codes
   * (addressCodes.ts). `pktSrc`/`pktDst` are the packet addresses (equal to `src`/`dst` when the format
   * lacks them); `localSide` is what the record itself says (flow-direction, pkt-* addresses) or
   * SIDE_UNKNOWN.
   */
  addRecord(
    iface: number,
    src: number,
    dst: number,
    pktSrc: number,
    pktDst: number,
    srcPort: number,
    dstPort: number,
    protocol: number,
    tcpFlags: number,
    localSide: number,
    packets: number,
    bytes: number,
    start: number,
    end: number,
    action: number,
  ): void {
    const side = serviceSide(srcPort, dstPort, protocol, tcpFlags);
    const port = servicePortOf(side, srcPort, dstPort);
    const hour = this.hourly ? Math.floor(start / HOUR) : 0;
    const last = this.clampLast(hour, start, end);
    const accepted = action === ACTION_ACCEPT ? 1 : 0;
    const flags = protocol | (side << 8) | (localSide << 10) | internedBits(src, dst, pktSrc, pktDst);
    this.table.add(iface, src | 0, dst | 0, pktSrc | 0, pktDst | 0, port, flags, hour, bytes, packets, accepted, 1 - accepted, start, last);
    this.records++;
  }

  /** Adds records that were aggregated elsewhere; `accepted + rejected` of them count as records. */
  addGroup(g: FlowGroupInput): void {
    const s = this.strings;
    const src = addressCodeOfString(s, g.srcAddr);
    const dst = addressCodeOfString(s, g.dstAddr);
    const pktSrc = g.pktSrcAddr !== undefined ? addressCodeOfString(s, g.pktSrcAddr) : src;
    const pktDst = g.pktDstAddr !== undefined ? addressCodeOfString(s, g.pktDstAddr) : dst;
    const hour = this.hourly ? Math.floor(g.first / HOUR) : 0;
    const flags = (g.protocol & 255) | (sideCode(g.side) << 8) | (sideCode(g.localSide) << 10) | internedBits(src, dst, pktSrc, pktDst);
    const last = this.clampLast(hour, g.first, g.last);
    const iface = s.internString(g.interfaceId);
    this.table.add(iface, src | 0, dst | 0, pktSrc | 0, pktDst | 0, g.port, flags, hour, g.bytes, g.packets, g.accepted, g.rejected, g.first, last);
    this.records += g.accepted + g.rejected;
  }

  /** A record's end, never before its start and, by the hour, never past the end of its start's hour. */
  private clampLast(hour: number, start: number, end: number): number {
    const last = end > start ? end : start;
    return this.hourly && last >= (hour + 1) * HOUR ? (hour + 1) * HOUR - 1 : last;
  }

  addGap(iface: number, kind: 'nodata' | 'skipdata', count = 1): void {
    let g = this.gaps.get(iface);
    if (!g) this.gaps.set(iface, (g = { interfaceId: this.strings.text(iface), nodata: 0, skipdata: 0 }));
    g[kind] += count;
    this.skipped[kind] += count;
  }

  addMalformed(line: number, reason: string, source?: string): void {
    this.skipped.malformed++;
    if (this.malformed.length < MAX_MALFORMED_SAMPLES) this.malformed.push({ ...(source !== undefined ? { source } : {}), line, reason });
  }

  /** The flows so far, sorted by interface, peer, port, protocol, direction, local address and time. */
  result(): FlowAggregate {
    const t = this.table;
    const iface = (e: number): string => this.strings.text(t.key(e, K_IFACE));
    const text = (code: number): string => addressText(this.strings, code);
    const inferred = inferLocalAddresses(t);
    const known = new Map<string, Set<string>>();
    for (const [eni, ips] of this.localAddresses ?? []) known.set(eni, new Set(ips));
    const merged = new Map<string, FlowSummary>();
    for (let e = 0; e < t.size; e++) {
      const flags = t.key(e, K_FLAGS);
      const side = (flags >> 8) & 3;
      const interfaceId = iface(e);
      const src = addressOf(t, e, K_SRC);
      const dst = addressOf(t, e, K_DST);
      const local = decideLocalSide({ hint: (flags >> 10) & 3, side, known: known.get(interfaceId), inferred: inferred.get(t.key(e, K_IFACE)), src, dst, text });
      const direction = side === SIDE_UNKNOWN ? 'unknown' : side === local ? 'ingress' : 'egress';
      const localAddr = text(local === SIDE_SRC ? src : dst);
      const peer = text(addressOf(t, e, local === SIDE_SRC ? K_PKT_DST : K_PKT_SRC));
      const port = t.key(e, K_PORT);
      const protocol = flags & 255;
      const key = `${interfaceId} ${localAddr} ${peer} ${port} ${protocol} ${direction} ${t.key(e, K_HOUR)}`;
      const f = merged.get(key);
      if (!f) {
        merged.set(key, {
          interfaceId,
          localAddr,
          peer,
          port,
          protocol,
          direction,
          bytes: t.val(e, V_BYTES),
          packets: t.val(e, V_PACKETS),
          accepted: t.val(e, V_ACCEPTED),
          rejected: t.val(e, V_REJECTED),
          first: t.val(e, V_FIRST),
          last: t.val(e, V_LAST),
        });
      } else {
        f.bytes += t.val(e, V_BYTES);
        f.packets += t.val(e, V_PACKETS);
        f.accepted += t.val(e, V_ACCEPTED);
        f.rejected += t.val(e, V_REJECTED);
        f.first = Math.min(f.first, t.val(e, V_FIRST));
        f.last = Math.max(f.last, t.val(e, V_LAST));
      }
    }
    const flows = [...merged.values()].sort(compareFlows);
    const gaps = [...this.gaps.values()].map((g) => ({ ...g })).sort((a, b) => (a.interfaceId < b.interfaceId ? -1 : a.interfaceId > b.interfaceId ? 1 : 0));
    return { records: this.records, skipped: { ...this.skipped }, flows, gaps, malformed: [...this.malformed] };
  }
}

function sideCode(side: 'src' | 'dst' | 'unknown' | undefined): number {
  return side === 'src' ? SIDE_SRC : side === 'dst' ? SIDE_DST : SIDE_UNKNOWN;
}

function cmp(a: string | number, b: string | number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareFlows(a: FlowSummary, b: FlowSummary): number {
  return (
    cmp(a.interfaceId, b.interfaceId) ||
    cmp(a.peer, b.peer) ||
    a.port - b.port ||
    a.protocol - b.protocol ||
    cmp(a.direction, b.direction) ||
    cmp(a.localAddr ?? '', b.localAddr ?? '') ||
    a.first - b.first
  );
}
