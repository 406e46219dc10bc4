/**
 * Waits for every task, then rethrows the first failure (a cancellation, in practice). Unlike Promise.all
 * nothing is left running when the collection returns: a Logs Insights query being cancelled has sent its
 * StopQuery by then, and no late page lands in a result already handed over.
 */
export async function settleAll<T>(tasks: readonly Promise<T>[]): Promise<T[]> {
  const results = await Promise.allSettled(tasks);
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
  return results.map((r) => (r as PromiseFulfilledResult<T>).value);
}
