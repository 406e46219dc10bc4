/**
 * One measured collection in a fresh process (so peak memory is this collection's alone). Prints one
 * JSON line: wall time, time to the first page of functions, calls by operation, memory.
 * `node --import tsx bench/aws/collectOnce.ts ENDPOINT lambda-guard|lambda-guard-unpaced|bare-sdk`
 */
import { createAwsSource } from '../../src/core/inventory/aws/loadAws';
import { bareCollect } from './bareSdk';
import { BENCH_REGION } from './seedBench';

async function main(): Promise<void> {
  const [endpoint, mode] = process.argv.slice(2);
  const calls: Record<string, number> = {};
  let heapPeak = process.memoryUsage().heapUsed;
  const sampler = setInterval(() => (heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed)), 10);
  const rssBefore = process.memoryUsage().rss;
  const start = performance.now();
  let firstPage: number | undefined;
  let functions: number;
  let errors = 0;
  if (mode === 'bare-sdk') {
    functions = await bareCollect(endpoint, BENCH_REGION);
  } else {
    const source = createAwsSource(
      {
        endpoint,
        regions: [BENCH_REGION],
        credentials: async () => ({ accessKeyId: 'testing', secretAccessKey: 'testing' }),
        onCall: (c) => void (calls[`${c.service}:${c.operation}`] = (calls[`${c.service}:${c.operation}`] ?? 0) + 1),
      },
      { pacing: mode === 'lambda-guard-unpaced' ? 'none' : 'aws' },
    );
    const snap = await source.collect({ onProgress: (p) => void (p.kind === 'functions' && (firstPage ??= performance.now() - start)) });
    functions = snap.functions.length;
    errors = snap.errors.length;
  }
  const wallMs = performance.now() - start;
  clearInterval(sampler);
  heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
  const mb = (bytes: number): number => Math.round((bytes / 2 ** 20) * 10) / 10;
  const maxRss = process.resourceUsage().maxRSS * 1024;
  console.log(JSON.stringify({ mode, functions, errors, wallMs, firstPageMs: firstPage, calls, rssBeforeMB: mb(rssBefore), maxRssMB: mb(maxRss), heapPeakMB: mb(heapPeak) }));
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
