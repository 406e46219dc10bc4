/**
 * The fast flow-record parser: scans Buffers byte by byte (no per-line strings, no split), parses
 * integers from bytes, interns interface ids and addresses, and hands each record to a FlowAggregator.
 * Records may straddle chunk boundaries; CRLF and a missing final newline are accepted. An S3 export's
 * header line (a line starting with a field name) switches the layout for the lines that follow.
 *
 * What a line must be (the reference implementation in bench/flows/readlineBaseline.ts agrees):
 * fields separated by single spaces, as many as the layout has; `log-status` OK (NODATA / SKIPDATA
 * are counted per interface, anything else is malformed); numbers are 1–15 decimal digits; ports,
 * `end`, `tcp-flags` may be `-` (0, `start`, 0); ports ≤ 65535, protocol ≤ 255, times ≤ 9999999999;
 * `action` ACCEPT or REJECT; addresses not `-`. Blank lines are ignored.
 */
import { FieldBuffers, isDefaultLayout, readDefaultFields, readFields, rolesOf } from './fieldReaders';
import { ACTION_ACCEPT, ACTION_REJECT, FlowAggregator } from './flowAggregator';
import { DEFAULT_FIELDS, FlowLayout, isHeaderWord, layoutFromHeader, missingFlowFields } from './flowLayout';
import { SIDE_DST, SIDE_SRC, SIDE_UNKNOWN } from './servicePorts';

export const MAX_LINE_BYTES = 64 * 1024;
const MAX_TIME = 9999999999;
const NL = 10;
const CR = 13;
const SPACE = 32;
const DASH = 45;

export interface ScannerOptions {
  /** The layout of lines without a header (default: the v2 default format). */
  layout?: FlowLayout;
  /** The interface id for records whose format lacks `interface-id` (a CloudWatch Logs stream name says it). */
  interfaceId?: string;
  /** A file or stream name for malformed-line reports. */
  source?: string;
}

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

export class FlowLineScanner {
  /** Lines read so far (1-based number of the last line). */
  lineNo = 0;
  private n = 0;
  private roles: Uint8Array = new Uint8Array(0);
  private isDefault = false;
  /** Per field of the current line: its bounds and, for numbers / addresses / ids, its value (-1 for `-`, -2 invalid). */
  private fields: FieldBuffers = { starts: new Int32Array(64), ends: new Int32Array(64), vals: new Float64Array(64) };
  private problem: string | undefined;
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
  private fallbackIface = -1;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private skippingLongLine = false;
  private scratch = Buffer.allocUnsafe(1024);
  private readonly source?: string;

  constructor(
    private readonly agg: FlowAggregator,
    options: ScannerOptions = {},
  ) {
    this.source = options.source;
    this.setLayout(options.layout ?? { fields: DEFAULT_FIELDS, origin: 'default' });
    if (options.interfaceId) this.fallbackIface = agg.strings.internString(options.interfaceId);
  }

  setLayout(layout: FlowLayout): void {
    const at = (f: string): number => layout.fields.indexOf(f);
    this.n = layout.fields.length;
    this.roles = rolesOf(layout.fields);
    this.isDefault = isDefaultLayout(layout.fields);
    if (this.fields.starts.length < this.n) this.fields = { starts: new Int32Array(this.n), ends: new Int32Array(this.n), vals: new Float64Array(this.n) };
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

  /** Feeds the next chunk of a stream. */
  push(chunk: Buffer): void {
    let pos = 0;
    if (this.pendingBytes > 0 || this.skippingLongLine) {
      const nl = chunk.indexOf(NL);
      if (nl < 0) {
        this.hold(chunk, 0);
        return;
      }
      if (this.skippingLongLine) {
        this.skippingLongLine = false;
        this.lineNo++;
        this.bad(`line longer than ${MAX_LINE_BYTES / 1024} KiB`);
      } else {
        this.pending.push(chunk.subarray(0, nl + 1));
        const joined = Buffer.concat(this.pending, this.pendingBytes + nl + 1);
        this.pending = [];
        this.pendingBytes = 0;
        this.scan(joined, 0, joined.length);
      }
      pos = nl + 1;
    }
    const lastNl = chunk.lastIndexOf(NL);
    if (lastNl >= pos) {
      this.scan(chunk, pos, lastNl + 1);
      pos = lastNl + 1;
    }
    if (pos < chunk.length) this.hold(chunk, pos);
  }

  /** Ends the stream: a last line without a newline is still read. */
  end(): void {
    if (this.skippingLongLine) {
      this.skippingLongLine = false;
      this.lineNo++;
      this.bad(`line longer than ${MAX_LINE_BYTES / 1024} KiB`);
    }
    if (this.pendingBytes === 0) return;
    const joined = Buffer.concat([...this.pending, Buffer.from([NL])]);
    this.pending = [];
    this.pendingBytes = 0;
    this.scan(joined, 0, joined.length);
  }

  /** One CloudWatch Logs message (one record); `interfaceId` stands in when the format lacks interface-id. */
  scanMessage(message: string, interfaceId?: string): void {
    if (message.length + 1 > this.scratch.length) this.scratch = Buffer.allocUnsafe(2 * message.length + 1);
    const len = this.scratch.write(message, 0, 'latin1');
    this.scratch[len] = NL;
    const saved = this.fallbackIface;
    if (interfaceId) this.fallbackIface = this.agg.strings.internString(interfaceId);
    this.scan(this.scratch, 0, len + 1);
    this.fallbackIface = saved;
  }

  private hold(chunk: Buffer, from: number): void {
    if (this.skippingLongLine) return;
    // Copy: the caller may reuse the chunk's memory.
    this.pending.push(Buffer.from(chunk.subarray(from)));
    this.pendingBytes += chunk.length - from;
    if (this.pendingBytes > MAX_LINE_BYTES) {
      this.pending = [];
      this.pendingBytes = 0;
      this.skippingLongLine = true;
    }
  }

  /** Reads the complete lines in [from, to); `to` is just past a newline. */
  private scan(buf: Buffer, from: number, to: number): void {
    let i = from;
    while (i < to) i = this.line(buf, i);
  }

  /**
   * Reads the line that starts at `s` (fieldReaders.ts: one pass over its bytes) and returns where the
   * next line starts. A newline is always ahead (scan's contract).
   */
  private line(buf: Buffer, s: number): number {
    const c = buf[s];
    this.lineNo++;
    if (c === NL) return s + 1;
    if (c === CR && buf[s + 1] === NL) return s + 2;
    if (c >= 97 && c <= 122) {
      const next = this.header(buf, s);
      if (next > 0) return next;
    }
    if (this.problem) return this.skipBad(buf, s, this.problem);
    const strings = this.agg.strings;
    const t = this.isDefault ? readDefaultFields(buf, s, this.fields, strings) : readFields(buf, s, this.roles, this.fields, strings);
    if (t < 0) return this.skipBad(buf, s, undefined);
    this.record(buf);
    return buf[t] === CR ? t + 2 : t + 1;
  }

  /** Reports the line at `s` as malformed (by default: its field count) and returns where the next one starts. */
  private skipBad(buf: Buffer, s: number, reason: string | undefined): number {
    const e = buf.indexOf(NL, s);
    if (reason === undefined) {
      let count = 1;
      for (let i = s; i < e; i++) if (buf[i] === SPACE) count++;
      reason = `${count} field${count === 1 ? '' : 's'} where the layout has ${this.n}`;
    }
    this.bad(reason);
    return e + 1;
  }

  /** The record just read into starts/ends/vals: checked, then added. */
  private record(buf: Buffer): void {
    const { starts: st, ends: en, vals: val } = this.fields;
    const agg = this.agg;
    if (this.iStatus >= 0) {
      const a = st[this.iStatus];
      const b = en[this.iStatus];
      if (!is(buf, a, b, OK)) {
        const kind = is(buf, a, b, NODATA) ? 'nodata' : is(buf, a, b, SKIPDATA) ? 'skipdata' : undefined;
        if (!kind) return this.bad(`log-status "${field(buf, a, b)}"`);
        const iface = this.iface();
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
    const src = val[this.iSrc];
    const dst = val[this.iDst];
    if (src < 0) return this.bad('srcaddr is "-"');
    if (dst < 0) return this.bad('dstaddr is "-"');
    const iface = this.iface();
    if (iface < 0) return this.bad('no interface-id');
    const pktSrc = this.iPktSrc < 0 || val[this.iPktSrc] < 0 ? src : val[this.iPktSrc];
    const pktDst = this.iPktDst < 0 || val[this.iPktDst] < 0 ? dst : val[this.iPktDst];
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

  private iface(): number {
    if (this.iIface < 0) return this.fallbackIface;
    const id = this.fields.vals[this.iIface];
    return id < 0 ? this.fallbackIface : id;
  }

  /**
   * A line whose first word is a field name is a header: it sets the layout of the lines after it.
   * Returns where the next line starts, or 0 when the line is not a header.
   */
  private header(buf: Buffer, s: number): number {
    let i = s;
    for (; buf[i] !== SPACE && buf[i] !== NL && !(buf[i] === CR && buf[i + 1] === NL); i++) {
      const c = buf[i];
      if (!((c >= 97 && c <= 122) || c === DASH)) return 0;
    }
    if (!isHeaderWord(buf.toString('latin1', s, i))) return 0;
    const nl = buf.indexOf(NL, s);
    const e = buf[nl - 1] === CR ? nl - 1 : nl;
    try {
      this.setLayout(layoutFromHeader(buf.toString('latin1', s, e)));
      this.agg.skipped.header++;
    } catch (err) {
      this.bad((err as Error).message);
    }
    return nl + 1;
  }

  private badField(buf: Buffer, i: number, name: string): void {
    this.bad(`${name} "${field(buf, this.fields.starts[i], this.fields.ends[i])}" is not valid`);
  }

  private bad(reason: string): void {
    this.agg.addMalformed(this.lineNo, reason, this.source);
  }
}

function field(buf: Buffer, a: number, b: number): string {
  return b - a > 40 ? `${buf.toString('latin1', a, a + 40)}…` : buf.toString('latin1', a, b);
}
