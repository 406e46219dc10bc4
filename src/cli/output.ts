import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { CliIo } from './cliCommand';
import { UsageError } from './usageError';

/**
 * Writes a report to `-o FILE` (relative to the working folder) or to stdout. A file that cannot be
 * written is a usage error naming it, before anything else happens to the result.
 */
export async function writeOutput(text: string, output: string | undefined, io: CliIo): Promise<void> {
  const body = text.endsWith('\n') ? text : `${text}\n`;
  if (!output) {
    io.stdout(body);
    return;
  }
  try {
    await fs.writeFile(path.resolve(io.cwd, output), body);
  } catch (e) {
    throw new UsageError(`cannot write ${output}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

/**
 * The one-line summary on stderr, for when stdout holds a machine format or the report went to a file:
 * a CI log always says what happened.
 */
export function printSummary(line: string, output: string | undefined, io: CliIo): void {
  io.stderr(`lambda-guard: ${line}${output ? ` (report written to ${output})` : ''}\n`);
}
