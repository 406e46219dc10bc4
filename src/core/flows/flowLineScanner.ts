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
import type { FlowAggregator } from './flowAggregator';
import { DEFAULT_FIELDS, FlowLayout, isHeaderWord, layoutFromHeader } from './flowLayout';
import { RecordReader } from './recordReader';

export const MAX_LINE_BYTES = 64 * 1024;
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

export class FlowLineScanner {
  /** Lines read so far (1-based number of the last line). */
  lineNo = 0;
  private readonly reader: RecordReader;
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
    this.reader = new RecordReader(agg, (reason) => this.bad(reason));
    this.setLayout(options.layout ?? { fields: DEFAULT_FIELDS, origin: 'default' });
    if (options.interfaceId) this.reader.fallbackIface = agg.strings.internString(options.interfaceId);
  }

  setLayout(layout: FlowLayout): void {
    this.reader.setLayout(layout);
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
    const saved = this.reader.fallbackIface;
    if (interfaceId) this.reader.fallbackIface = this.agg.strings.internString(interfaceId);
    this.scan(this.scratch, 0, len + 1);
    this.reader.fallbackIface = saved;
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
    if (this.reader.problem) return this.skipBad(buf, s, this.reader.problem);
    const t = this.reader.read(buf, s);
    if (t < 0) return this.skipBad(buf, s, undefined);
    return buf[t] === CR ? t + 2 : t + 1;
  }

  /** Reports the line at `s` as malformed (by default: its field count) and returns where the next one starts. */
  private skipBad(buf: Buffer, s: number, reason: string | undefined): number {
    const e = buf.indexOf(NL, s);
    if (reason === undefined) {
      let count = 1;
      for (let i = s; i < e; i++) if (buf[i] === SPACE) count++;
      reason = `${count} field${count === 1 ? '' : 's'} where the layout has ${this.reader.fieldCount}`;
    }
    this.bad(reason);
    return e + 1;
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

  private bad(reason: string): void {
    this.agg.addMalformed(this.lineNo, reason, this.source);
  }
}
