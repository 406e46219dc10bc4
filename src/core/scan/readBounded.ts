import { closeSync, constants, fstatSync, openSync, promises as fs, readSync, realpathSync } from 'node:fs';
import * as path from 'node:path';
import { decodeText } from './decodeText';

/**
 * Every read of the scan goes through here: the file is opened without blocking (a FIFO swapped in
 * after the walk cannot hang the scan), checked on the open descriptor to be a regular file no larger
 * than the limit, and only then read — a 200 MB file costs one fstat.
 */
export type ReadResult =
  | { kind: 'text'; text: string; dev: number; ino: number }
  | { kind: 'tooLarge'; size: number; head: string }
  | { kind: 'special' }
  | { kind: 'outside' }
  | { kind: 'error'; message: string };

// O_NONBLOCK: opening a FIFO with no writer returns at once instead of waiting (not defined on Windows).
const FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);
/** How much of a too-large file is looked at to decide whether it is worth an error entry. */
const HEAD = 64 * 1024;

function errorOf(e: unknown): ReadResult {
  return { kind: 'error', message: (e as NodeJS.ErrnoException).code ?? (e as Error).message };
}

function decoded(buf: Uint8Array, dev: number, ino: number): ReadResult {
  const d = decodeText(buf);
  return 'error' in d ? { kind: 'error', message: d.error } : { kind: 'text', text: d.text, dev, ino };
}

export async function readBounded(abs: string, max: number): Promise<ReadResult> {
  let fh: fs.FileHandle;
  try {
    fh = await fs.open(abs, FLAGS);
  } catch (e) {
    return errorOf(e);
  }
  try {
    const st = await fh.stat();
    if (!st.isFile()) return { kind: 'special' };
    const want = Math.min(st.size, max) + 1;
    const buf = Buffer.allocUnsafe(st.size > max ? HEAD : want);
    let got = 0;
    while (got < buf.length) {
      const { bytesRead } = await fh.read(buf, got, buf.length - got, got);
      if (bytesRead === 0) break;
      got += bytesRead;
    }
    // A file that grew past the limit after the stat is as large as one that was.
    if (st.size > max || got > max) return { kind: 'tooLarge', size: Math.max(st.size, got), head: buf.subarray(0, Math.min(got, HEAD)).toString('latin1') };
    return decoded(buf.subarray(0, got), st.dev, st.ino);
  } catch (e) {
    return errorOf(e);
  } finally {
    await fh.close().catch(() => undefined);
  }
}

export function readBoundedSync(abs: string, max: number): ReadResult {
  let fd: number;
  try {
    fd = openSync(abs, FLAGS);
  } catch (e) {
    return errorOf(e);
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return { kind: 'special' };
    if (st.size > max) return { kind: 'tooLarge', size: st.size, head: '' };
    const buf = Buffer.allocUnsafe(st.size + 1);
    let got = 0;
    while (got < buf.length) {
      const n = readSync(fd, buf, got, buf.length - got, got);
      if (n === 0) break;
      got += n;
    }
    if (got > max) return { kind: 'tooLarge', size: got, head: '' };
    return decoded(buf.subarray(0, got), st.dev, st.ino);
  } catch (e) {
    return errorOf(e);
  } finally {
    closeSync(fd);
  }
}

/** True when `real` is `root` or below it (both real paths). */
export function isInside(root: string, real: string): boolean {
  if (real === root) return true;
  const base = root.endsWith(path.sep) ? root : root + path.sep;
  return real.startsWith(base);
}

/**
 * Reads a file named from inside the scanned tree (a CDK import, a cdk.out manifest's template): its
 * real path, symbolic links resolved, must stay under `root` (a real path), else nothing is read.
 */
export function readInsideSync(abs: string, root: string, max: number): ReadResult {
  let real: string;
  try {
    real = realpathSync(abs);
  } catch (e) {
    return errorOf(e);
  }
  if (!isInside(root, real)) return { kind: 'outside' };
  return readBoundedSync(real, max);
}
