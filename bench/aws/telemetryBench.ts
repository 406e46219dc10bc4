/**
 * The telemetry benchmark (issue 9): collectTelemetry over two weeks for an account of 100 functions on
 * moto server (seedBench.ts + seedTelemetryBench.ts: flow records of the two shared Lambda ENIs, trail
 * events in CloudWatch Logs, metrics for every function), each run in a fresh process through the test
 * proxy: Lambda Guard as shipped (paced), the baseline — the same reads with bare SDK clients, no parsing —
 * and a naive client that asks GetMetricData one function per call. A second round answers GetMetricData
 * from a dense fixture (a point every 5 minutes for every query: AWS-sized answers, NextToken pages),
 * which moto cannot hold. Wall time, calls by operation, peak memory, load average; medians of BENCH_RUNS.
 * Not part of the test suite.  Run: node --import tsx bench/aws/telemetryBench.ts
 */
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import { promisify } from 'node:util';
import { createAwsSource } from '../../src/core/inventory/aws/loadAws';
import { FaultProxy } from '../../test/integration/aws/faultProxy';
import { rawRequest } from '../../test/integration/aws/motoEndpoint';
import { median } from '../stats';
import { denseMetricResponder } from './denseMetrics';
import { startMoto } from './motoServer';
import { BENCH_REGION, seedBenchAccount } from './seedBench';
import { seedBenchTelemetry } from './seedTelemetryBench';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const FUNCTIONS = 100;
const DAY = 86_400;

interface Run {
  mode: string;
  wallMs: number;
  calls: Record<string, number>;
  read: Record<string, number>;
  maxRssMB: number;
  rssBeforeMB: number;
  heapPeakMB: number;
  load: number;
}

async function once(args: string[], mode: string): Promise<Run> {
  const load = os.loadavg()[0];
  const { stdout } = await promisify(execFile)('node', ['--import', 'tsx', 'bench/aws/telemetryOnce.ts', ...args, mode], {
    encoding: 'utf8',
    env: { ...process.env, NODE_NO_WARNINGS: '1' },
    maxBuffer: 1 << 24,
  });
  return { ...(JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as Run), load };
}

const fmt = (ms: number): string => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`);
const callsText = (c: Record<string, number>): string =>
  Object.entries(c)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([op, n]) => `${op} ${n}`)
    .join(', ');

function summary(label: string, runs: Run[]): string {
  const m = (f: (r: Run) => number): number => median(runs.map(f));
  const same = runs.every((r) => callsText(r.calls) === callsText(runs[0].calls));
  const loads = runs.map((r) => r.load);
  return [
    `  ${label}: wall ${fmt(m((r) => r.wallMs))} (runs ${runs.map((r) => fmt(r.wallMs)).join(', ')}), peak RSS ${m((r) => r.maxRssMB)} MB (before ${m((r) => r.rssBeforeMB)} MB), peak heap ${m((r) => r.heapPeakMB)} MB, load ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}`,
    `    read: ${JSON.stringify(runs[0].read)}`,
    `    calls (${same ? 'identical in every run' : 'NOT identical across runs'}): ${callsText(runs[0].calls)}`,
  ].join('\n');
}

async function round(args: string[], modes: string[]): Promise<Map<string, Run[]>> {
  const out = new Map<string, Run[]>(modes.map((m) => [m, []]));
  for (let r = 0; r < RUNS; r++) for (const mode of modes) out.get(mode)?.push(await once(args, mode));
  return out;
}

async function main(): Promise<void> {
  const { endpoint: moto, proc } = await startMoto();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => (proc.kill(), process.exit(130)));
  const proxy = new FaultProxy(moto);
  const endpoint = await proxy.start();
  const lines = [`machine: ${os.cpus()[0]?.model ?? '?'} ×${os.cpus().length}, node ${process.version}, ${new Date().toISOString().slice(0, 10)}; medians of ${RUNS} runs`];
  try {
    await rawRequest(`${moto}/moto-api/reset`, { method: 'POST' });
    await seedBenchAccount(moto, FUNCTIONS);
    const end = Math.floor(Date.now() / 1000 / 3600) * 3600;
    const names = Array.from({ length: FUNCTIONS }, (_, i) => `bench-fn-${String(i).padStart(4, '0')}`);
    const seeded = await seedBenchTelemetry(moto, names, end);
    const source = createAwsSource({ endpoint, regions: [BENCH_REGION], credentials: async () => ({ accessKeyId: 'testing', secretAccessKey: 'testing' }) }, { pacing: 'none' });
    const snap = await source.collect();
    mkdirSync('.tmp', { recursive: true });
    const file = '.tmp/bench-telemetry-snapshot.json';
    writeFileSync(file, JSON.stringify(snap));
    const args = [endpoint, file, new Date((end - 14 * DAY) * 1000).toISOString(), new Date(end * 1000).toISOString()];
    lines.push(`account: ${snap.functions.length} functions (${snap.functions.filter((f) => f.vpc).length} in a VPC on 2 shared ENIs); seeded ${seeded.records} flow records, ${seeded.events} trail events, ${FUNCTIONS} metric points; window 14 days`);
    await once(args, 'lambda-guard-unpaced'); // warm moto
    const sparse = await round(args, ['bare-sdk', 'lambda-guard', 'bare-per-function']);
    lines.push('metrics from moto (sparse):', ...[...sparse].map(([mode, runs]) => summary(mode, runs)));
    const lg = median((sparse.get('lambda-guard') ?? []).map((r) => r.wallMs));
    const bare = median((sparse.get('bare-sdk') ?? []).map((r) => r.wallMs));
    lines.push(`  lambda-guard / bare SDK = ${(lg / bare).toFixed(2)}×`);
    console.log(lines.join('\n'));
    proxy.responders = [denseMetricResponder()];
    const dense = await round(args, ['bare-sdk', 'lambda-guard']);
    lines.push('metrics from the dense fixture (a point every 5 minutes for each of the 600 queries):', ...[...dense].map(([mode, runs]) => summary(mode, runs)));
    const lgD = median((dense.get('lambda-guard') ?? []).map((r) => r.wallMs));
    const bareD = median((dense.get('bare-sdk') ?? []).map((r) => r.wallMs));
    lines.push(`  lambda-guard / bare SDK = ${(lgD / bareD).toFixed(2)}×`);
  } finally {
    await proxy.stop();
    proc.kill();
  }
  console.log(`\n${lines.join('\n')}`);
}

void main();
