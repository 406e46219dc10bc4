/**
 * One measured telemetry collection in a fresh process (so peak memory is this collection's alone), for
 * the snapshot saved by telemetryBench.ts. Prints one JSON line: wall time, calls by operation, what was
 * read, memory.
 * `node --import tsx bench/aws/telemetryOnce.ts ENDPOINT SNAPSHOT.json START END lambda-guard|lambda-guard-unpaced|bare-sdk|bare-per-function`
 */
import { readFileSync } from 'node:fs';
import type { AccountSnapshot } from '../../src/core/inventory/accountModel';
import { createAwsSource } from '../../src/core/inventory/aws/loadAws';
import { bareTelemetry } from './bareTelemetry';

async function main(): Promise<void> {
  const [endpoint, file, startIso, endIso, mode] = process.argv.slice(2);
  const snap = JSON.parse(readFileSync(file, 'utf8')) as AccountSnapshot;
  const start = new Date(startIso);
  const end = new Date(endIso);
  let calls: Record<string, number> = {};
  let heapPeak = process.memoryUsage().heapUsed;
  const sampler = setInterval(() => (heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed)), 10);
  const rssBefore = process.memoryUsage().rss;
  const t0 = performance.now();
  let read: Record<string, number>;
  if (mode.startsWith('bare')) {
    const r = await bareTelemetry(endpoint, snap, start, end, mode === 'bare-per-function' ? 'per-function' : 'batched');
    calls = r.calls;
    read = { points: r.points, events: r.events };
  } else {
    const source = createAwsSource(
      {
        endpoint,
        regions: snap.regions,
        credentials: async () => ({ accessKeyId: 'testing', secretAccessKey: 'testing' }),
        onCall: (c) => void (calls[`${c.service}:${c.operation}`] = (calls[`${c.service}:${c.operation}`] ?? 0) + 1),
      },
      { pacing: mode === 'lambda-guard-unpaced' ? 'none' : 'aws' },
    );
    const t = await source.collectTelemetry(snap, { start, end });
    read = {
      series: t.metrics.length,
      points: t.metrics.reduce((n, m) => n + m.values.length, 0),
      flows: t.flows.length,
      records: t.flows.reduce((n, f) => n + f.accepted + f.rejected, 0),
      events: t.events.length,
      errors: t.errors?.length ?? 0,
    };
  }
  const wallMs = performance.now() - t0;
  clearInterval(sampler);
  heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
  const mb = (bytes: number): number => Math.round((bytes / 2 ** 20) * 10) / 10;
  console.log(JSON.stringify({ mode, wallMs, calls, read, rssBeforeMB: mb(rssBefore), maxRssMB: mb(process.resourceUsage().maxRSS * 1024), heapPeakMB: mb(heapPeak) }));
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
