import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { CliIo } from './cliCommand';
import { UsageError } from './usageError';

/** A report file that cannot be written: a usage error (exit 2) told in one line, without the --help hint. */
export class OutputError extends UsageError {}

const WHY: Record<string, string> = {
  ENOENT: 'the folder does not exist',
  ENOTDIR: 'a part of the path is not a folder',
  EISDIR: 'it is a folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
};

/** `ENOENT (the folder does not exist)`: the code for searches, the words for people. */
function why(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (!code) return (e as Error).message;
  return WHY[code] ? `${code} (${WHY[code]})` : code;
}

function cannot(output: string, reason: string): OutputError {
  return new OutputError(`cannot write ${output}: ${reason}`);
}

/**
 * Checks that `-o FILE` can be written before any work is done: the folder exists, the path is not a
 * folder, and writing is allowed. Nothing is created or truncated here.
 */
export async function checkOutput(output: string | undefined, io: CliIo): Promise<void> {
  if (output === undefined) return;
  const abs = path.resolve(io.cwd, output);
  if (output === '') throw new OutputError('cannot write the report: -o needs a file name');
  const st = await fs.stat(abs).catch(() => undefined);
  if (st?.isDirectory()) throw cannot(output, 'EISDIR (it is a folder)');
  const dir = await fs.stat(path.dirname(abs)).catch((e: unknown) => e as NodeJS.ErrnoException);
  if (dir instanceof Error) throw cannot(output, dir.code === 'ENOENT' ? `ENOENT (the folder ${path.dirname(output)} does not exist)` : why(dir));
  if (!dir.isDirectory()) throw cannot(output, `ENOTDIR (${path.dirname(output)} is not a folder)`);
  try {
    await fs.access(st ? abs : path.dirname(abs), fs.constants.W_OK);
  } catch (e) {
    throw cannot(output, why(e));
  }
}

/** Chunks are gathered up to this size before each write: few system calls, bounded memory. */
const BATCH = 1 << 20;

/**
 * Writes a report to `-o FILE` (relative to the working folder) or to stdout, chunk by chunk, so a report
 * of any size is written without ever being one string. A file that cannot be written is an OutputError.
 */
export async function writeReport(chunks: Iterable<string>, output: string | undefined, io: CliIo): Promise<void> {
  let fh: fs.FileHandle | undefined;
  // The bare code here (`cannot write r.json: ENOENT`), as every command has always said it; scan's
  // checkOutput explains it before the scan.
  const code = (e: unknown): string => (e as NodeJS.ErrnoException).code ?? (e as Error).message;
  if (output) {
    try {
      fh = await fs.open(path.resolve(io.cwd, output), 'w');
    } catch (e) {
      throw cannot(output, code(e));
    }
  }
  const sink = async (text: string): Promise<void> => {
    if (!fh) return io.stdout(text);
    try {
      await fh.write(text);
    } catch (e) {
      throw cannot(output!, code(e));
    }
  };
  try {
    let buf: string[] = [];
    let size = 0;
    let last = '';
    for (const c of chunks) {
      if (!c) continue;
      buf.push(c);
      size += c.length;
      last = c;
      if (size >= BATCH) {
        await sink(buf.join(''));
        buf = [];
        size = 0;
      }
    }
    if (!last.endsWith('\n')) buf.push('\n');
    await sink(buf.join(''));
  } finally {
    await fh?.close().catch(() => undefined);
  }
}

/** writeReport for a report that is already one string (snapshots, monitor, audit). */
export async function writeOutput(text: string, output: string | undefined, io: CliIo): Promise<void> {
  await writeReport([text], output, io);
}

/**
 * The one-line summary on stderr, for when stdout holds a machine format or the report went to a file:
 * a CI log always says what happened.
 */
export function printSummary(line: string, output: string | undefined, io: CliIo): void {
  io.stderr(`lambda-guard: ${line}${output ? ` (report written to ${output})` : ''}\n`);
}
