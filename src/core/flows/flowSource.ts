/**
 * Reading flow-log files and objects: plain text or gzip (told by the magic bytes, gunzipped as a
 * stream), with or without an S3 export's header line. Parquet is recognised and refused with a clear
 * message. Memory stays bounded by the chunk size and the number of distinct flows.
 */
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import type { FlowAggregator } from './flowAggregator';
import { FlowLineScanner, ScannerOptions } from './flowLineScanner';

/** A source that could not be read (or not completely); `reason` says why without the name. */
export class FlowSourceError extends Error {
  constructor(
    readonly source: string,
    readonly reason: string,
  ) {
    super(`${source}: ${reason}`);
  }
}

export interface FlowSourceOptions extends ScannerOptions {
  signal?: AbortSignal;
}

export interface FlowSourceStats {
  compression: 'gzip' | 'none';
  /** Lines read (after decompression). */
  lines: number;
  /** Flow records this source added. */
  records: number;
}

const GZIP = [0x1f, 0x8b];
const PARQUET = [0x50, 0x41, 0x52, 0x31]; // "PAR1"

function startsWith(buf: Buffer, magic: number[]): boolean {
  return buf.length >= magic.length && magic.every((b, i) => buf[i] === b);
}

/** The first bytes of a stream (at least `n` unless it ends sooner), and the rest of it. */
async function peek(it: AsyncIterator<Buffer>, n: number): Promise<{ head: Buffer; done: boolean }> {
  const parts: Buffer[] = [];
  let len = 0;
  while (len < n) {
    const r = await it.next();
    if (r.done) return { head: Buffer.concat(parts), done: true };
    const b = Buffer.isBuffer(r.value) ? r.value : Buffer.from(r.value);
    parts.push(b);
    len += b.length;
  }
  return { head: Buffer.concat(parts), done: false };
}

async function* rest(head: Buffer, it: AsyncIterator<Buffer>, done: boolean): AsyncGenerator<Buffer> {
  if (head.length) yield head;
  if (done) return;
  for (;;) {
    const r = await it.next();
    if (r.done) return;
    yield Buffer.isBuffer(r.value) ? r.value : Buffer.from(r.value);
  }
}

/**
 * Aggregates one flow-log stream (a file, an S3 object body, any byte stream) into `agg`. Throws
 * FlowSourceError for Parquet and for a damaged gzip stream; records read before the damage stay added
 * (the message says how far it got).
 */
export async function aggregateFlowStream(input: AsyncIterable<Uint8Array>, agg: FlowAggregator, options: FlowSourceOptions = {}): Promise<FlowSourceStats> {
  const scanner = new FlowLineScanner(agg, options);
  const before = agg.records;
  const it = (input as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
  const { head, done } = await peek(it, 4);
  const name = options.source ?? 'input';
  if (startsWith(head, PARQUET)) {
    throw new FlowSourceError(name, 'a Parquet file; only text flow logs (plain or gzip) are supported — export the flow log as text');
  }
  const gzip = startsWith(head, GZIP);
  const consume = async (chunks: AsyncIterable<Buffer>): Promise<void> => {
    for await (const c of chunks) {
      options.signal?.throwIfAborted();
      scanner.push(c);
    }
  };
  try {
    if (gzip) await pipeline(Readable.from(rest(head, it, done)), createGunzip({ chunkSize: 256 * 1024 }), consume, { signal: options.signal });
    else await consume(rest(head, it, done));
  } catch (err) {
    if (options.signal?.aborted) throw err;
    const e = err as NodeJS.ErrnoException;
    const what = gzip && e.code?.startsWith('Z_') ? 'damaged gzip data' : e.message;
    throw new FlowSourceError(name, `${what} after line ${scanner.lineNo} (records before it are counted)`);
  }
  scanner.end();
  return { compression: gzip ? 'gzip' : 'none', lines: scanner.lineNo, records: agg.records - before };
}

/** Aggregates a flow-log file (plain or gzip). Unreadable files throw FlowSourceError. */
export async function aggregateFlowFile(path: string, agg: FlowAggregator, options: FlowSourceOptions = {}): Promise<FlowSourceStats> {
  const source = options.source ?? path;
  const stream = createReadStream(path, { highWaterMark: 1 << 20 });
  try {
    return await aggregateFlowStream(stream, agg, { ...options, source });
  } catch (err) {
    if (err instanceof FlowSourceError || options.signal?.aborted) throw err;
    const e = err as NodeJS.ErrnoException;
    const why = e.code === 'ENOENT' ? 'no such file' : e.code === 'EISDIR' ? 'is a directory' : e.code === 'EACCES' ? 'permission denied' : e.message;
    throw new FlowSourceError(source, `cannot read (${why})`);
  } finally {
    stream.destroy();
  }
}
