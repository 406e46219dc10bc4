import { setMaxListeners } from 'node:events';
import type { AccountSnapshot } from '../core/inventory/accountModel';
import type { AccountSource } from '../core/inventory/accountSource';
import type { CliIo } from './cliCommand';

/** The `error` an AWS source attaches when nothing at all could be read (see AwsCollectionError). */
function reasonOf(e: unknown): string | undefined {
  const err = (e as { error?: { message?: unknown } })?.error;
  return typeof err?.message === 'string' ? err.message : undefined;
}

/**
 * Collects the account, with progress on stderr when it is a terminal and Ctrl+C cancelling cleanly
 * (what was read is kept, with a `cancelled` error). When nothing can be read, prints why and returns
 * undefined; any other failure is a bug and propagates.
 */
export async function collectOrExplain(source: AccountSource, io: CliIo): Promise<AccountSnapshot | undefined> {
  const abort = new AbortController();
  // Every concurrent AWS call listens to the signal: far more than Node's default warning level of 10.
  setMaxListeners(0, abort.signal);
  const onSigint = (): void => abort.abort();
  process.once('SIGINT', onSigint);
  const tty = !!process.stderr.isTTY;
  try {
    return await source.collect({
      signal: abort.signal,
      onProgress: (p) => {
        if (tty && p.kind === 'phase') io.stderr(`lambda-guard: ${p.message}${p.region ? ` (${p.region})` : ''}\n`);
      },
    });
  } catch (e) {
    const reason = reasonOf(e);
    if (!reason) throw e;
    io.stderr(`lambda-guard: cannot read ${source.label}: ${reason}\n`);
    return undefined;
  } finally {
    process.removeListener('SIGINT', onSigint);
  }
}
