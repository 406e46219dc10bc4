/**
 * One flow record, from bytes to the aggregator: reads the line's fields (fieldReaders.ts) by the
 * current layout, checks them, and adds the record, counts the NODATA / SKIPDATA gap, or reports what
 * is wrong with it. The rules are listed in flowLineScanner.ts.
 */
import { addressCode } from './addressCodes';
import { FieldBuffers, isDefaultLayout, readDefaultFields, readFields, rolesOf, TEXT } from './fieldReaders';
import { ACTION_ACCEPT, ACTION_REJECT, FlowAggregator } from './flowAggregator';
import { FlowLayout, missingFlowFields } from './flowLayout';
import { SIDE_DST, SIDE_SRC, SIDE_UNKNOWN } from './servicePorts';

const MAX_TIME = 9999999999;

function is(buf: Uint8Array, a: number, b: number, word: Uint8Array): boolean {
  if (b - a !== word.length) return false;
  for (let i = 0; i < word.length; i++) if (buf[a + i] !== word[i]) return false;
  return true;
}

const W = (s: string): Uint8Array => Buffer.from(s, 'latin1');
const OK = W('OK');
const NODATA = W('NODATA');
const SKIPDATA = W('SKIPDATA');
const ACCEPT = W('ACCEPT');
const REJECT = W('REJECT');
const EGRESS = W('egress');
const INGRESS = W('ingress');

export class RecordReader {
  /** The interned id standing in for a missing or `-` interface-id (-1: none). */
  fallbackIface = -1;
  /** Why no line can be a record under the current layout (required fields missing). */
  problem: string | undefined;
  fieldCount = 0;
  private roles: Uint8Array = new Uint8Array(0);
  private isDefault = false;
  /** Per field of the current line: its bounds and, for numbers / addresses / ids, its value (-1 for `-`, -2 invalid). */
  private fields: FieldBuffers = { starts: new Int32Array(64), ends: new Int32Array(64), vals: new Float64Array(64) };
  private iIface = -1;
  private iSrc = -1;
  private iDst = -1;
  private iSrcPort = -1;
  private iDstPort = -1;
  private iProto = -1;
  private iPackets = -1;
  private iBytes = -1;
  private iStart = -1;
  private iEnd = -1;
  private iAction = -1;
  private iStatus = -1;
  private iPktSrc = -1;
  private iPktDst = -1;
  private iDir = -1;
  private iFlags = -1;

  constructor(
    private readonly agg: FlowAggregator,
    private readonly bad: (reason: string) => void,
  ) {}

  setLayout(layout: FlowLayout): void {
    const at = (f: string): number => layout.fields.indexOf(f);
    const n = layout.fields.length;
    this.fieldCount = n;
    this.roles = rolesOf(layout.fields);
    this.isDefault = isDefaultLayout(layout.fields);
    if (this.fields.starts.length < n) this.fields = { starts: new Int32Array(n), ends: new Int32Array(n), vals: new Float64Array(n) };
    this.iIface = at('interface-id');
    this.iSrc = at('srcaddr');
    this.iDst = at('dstaddr');
    this.iSrcPort = at('srcport');
    this.iDstPort = at('dstport');
    this.iProto = at('protocol');
    this.iPackets = at('packets');
    this.iBytes = at('bytes');
    this.iStart = at('start');
    this.iEnd = at('end');
    this.iAction = at('action');
    this.iStatus = at('log-status');
    this.iPktSrc = at('pkt-srcaddr');
    this.iPktDst = at('pkt-dstaddr');
    this.iDir = at('flow-direction');
    this.iFlags = at('tcp-flags');
    const missing = missingFlowFields(layout);
    this.problem = missing.length ? `the ${layout.origin === 'header' ? 'header' : 'log format'} lacks ${missing.join(', ')}` : undefined;
  }

  /**
   * Reads the line at `s` (a newline is ahead). Returns the position of its terminator (NL, or the CR
   * of CR-LF) once the record is added or reported, or -1 when the line has the wrong number of fields.
   */
  read(buf: Buffer, s: number): number {
    const t = this.isDefault ? readDefaultFields(buf, s, this.fields) : readFields(buf, s, this.roles, this.fields);
    if (t >= 0) this.record(buf);
    return t;
  }

  /** The record just read into the field buffers: checked, then added. */
  private record(buf: Buffer): void {
    const { starts: st, ends: en, vals: val } = this.fields;
    const agg = this.agg;
    if (this.iStatus >= 0) {
      const a = st[this.iStatus];
      const b = en[this.iStatus];
      if (!is(buf, a, b, OK)) {
        const kind = is(buf, a, b, NODATA) ? 'nodata' : is(buf, a, b, SKIPDATA) ? 'skipdata' : undefined;
        if (!kind) return this.bad(`log-status "${field(buf, a, b)}"`);
        const iface = this.iface(buf);
        if (iface < 0) return this.bad('no interface-id');
        return agg.addGap(iface, kind);
      }
    }
    let srcPort = val[this.iSrcPort];
    let dstPort = val[this.iDstPort];
    const protocol = val[this.iProto];
    const packets = val[this.iPackets];
    const bytes = val[this.iBytes];
    const start = val[this.iStart];
    let end = this.iEnd < 0 ? -1 : val[this.iEnd];
    let tcpFlags = this.iFlags < 0 ? -1 : val[this.iFlags];
    if (srcPort < -1 || srcPort > 65535) return this.badField(buf, this.iSrcPort, 'srcport');
    if (dstPort < -1 || dstPort > 65535) return this.badField(buf, this.iDstPort, 'dstport');
    if (protocol < 0 || protocol > 255) return this.badField(buf, this.iProto, 'protocol');
    if (packets < 0) return this.badField(buf, this.iPackets, 'packets');
    if (bytes < 0) return this.badField(buf, this.iBytes, 'bytes');
    if (start < 0 || start > MAX_TIME) return this.badField(buf, this.iStart, 'start');
    if (end < -1 || end > MAX_TIME) return this.badField(buf, this.iEnd, 'end');
    if (tcpFlags < -1) return this.badField(buf, this.iFlags, 'tcp-flags');
    const aa = st[this.iAction];
    const ab = en[this.iAction];
    const action = is(buf, aa, ab, ACCEPT) ? ACTION_ACCEPT : is(buf, aa, ab, REJECT) ? ACTION_REJECT : 0;
    if (action === 0) return this.badField(buf, this.iAction, 'action');
    if (val[this.iSrc] === -1) return this.bad('srcaddr is "-"');
    if (val[this.iDst] === -1) return this.bad('dstaddr is "-"');
    const iface = this.iface(buf);
    if (iface < 0) return this.bad('no interface-id');
    const src = this.address(buf, this.iSrc);
    const dst = this.address(buf, this.iDst);
    const pktSrc = this.iPktSrc < 0 || val[this.iPktSrc] === -1 ? src : this.address(buf, this.iPktSrc);
    const pktDst = this.iPktDst < 0 || val[this.iPktDst] === -1 ? dst : this.address(buf, this.iPktDst);
    let localSide = SIDE_UNKNOWN;
    if (this.iDir >= 0 && is(buf, st[this.iDir], en[this.iDir], EGRESS)) localSide = SIDE_SRC;
    else if (this.iDir >= 0 && is(buf, st[this.iDir], en[this.iDir], INGRESS)) localSide = SIDE_DST;
    else if (pktSrc !== src && pktDst === dst) localSide = SIDE_SRC;
    else if (pktDst !== dst && pktSrc === src) localSide = SIDE_DST;
    if (srcPort < 0) srcPort = 0;
    if (dstPort < 0) dstPort = 0;
    if (end < 0) end = start;
    if (tcpFlags < 0) tcpFlags = 0;
    agg.addRecord(iface, src, dst, pktSrc, pktDst, srcPort, dstPort, protocol, tcpFlags, localSide, packets, bytes, start, end, action);
  }

  /** The record's interface id, interned (the fallback when the field is absent or `-`). */
  private iface(buf: Buffer): number {
    if (this.iIface < 0 || this.fields.vals[this.iIface] === -1) return this.fallbackIface;
    return this.agg.strings.intern(buf, this.fields.starts[this.iIface], this.fields.ends[this.iIface]);
  }

  /** The address code of field `i` (read as IPv4 already, or interned now). */
  private address(buf: Buffer, i: number): number {
    const v = this.fields.vals[i];
    return v === TEXT ? addressCode(this.agg.strings, buf, this.fields.starts[i], this.fields.ends[i]) : v;
  }

  private badField(buf: Buffer, i: number, name: string): void {
    this.bad(`${name} "${field(buf, this.fields.starts[i], this.fields.ends[i])}" is not valid`);
  }
}

function field(buf: Buffer, a: number, b: number): string {
  return b - a > 40 ? `${buf.toString('latin1', a, a + 40)}…` : buf.toString('latin1', a, b);
}
