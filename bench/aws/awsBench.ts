/**
 * The AWS collection benchmark (issue 8): a seeded account of 100 and of 1,000 functions on moto server,
 * each collected in a fresh process through the test proxy (which pages ListFunctions as AWS does) — paced to Lambda's published limits (what a user sees on AWS),
 * unpaced (the collectors' own cost), and the same calls with bare SDK clients (the baseline, same
 * session) — with calls by operation and peak memory. Not part of the test suite.
 * Run: node --import tsx bench/aws/awsBench.ts   (BENCH_RUNS, BENCH_PACED_RUNS, BENCH_SIZES=100,1000)
 */
import { execFile } from 'node:child_process';
import * as os from 'node:os';
import { promisify } from 'node:util';
import { FaultProxy } from '../../test/integration/aws/faultProxy';
import { rawRequest } from '../../test/integration/aws/motoEndpoint';
import { median } from '../stats';
import { startMoto } from './motoServer';
import { seedBenchAccount } from './seedBench';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const PACED_RUNS = Number(process.env.BENCH_PACED_RUNS ?? 3);
const SIZES = (process.env.BENCH_SIZES ?? '100,1000').split(',').map(Number);

interface Run {
  mode: string;
  functions: number;
  errors: number;
  wallMs: number;
  firstPageMs?: number;
  calls: Record<string, number>;
  rssBeforeMB: number;
  maxRssMB: number;
  heapPeakMB: number;
}

/** Asynchronous: the paging proxy runs in this process and must keep serving while the child collects. */
async function collectOnce(endpoint: string, mode: string): Promise<Run> {
  const { stdout } = await promisify(execFile)('node', ['--import', 'tsx', 'bench/aws/collectOnce.ts', endpoint, mode], { encoding: 'utf8', env: { ...process.env, NODE_NO_WARNINGS: '1' } });
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as Run;
}

const fmt = (ms: number): string => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`);

async function main(): Promise<void> {
  const { endpoint: moto, proc } = await startMoto();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => (proc.kill(), process.exit(130)));
  // Collections go through the test proxy, which pages ListFunctions by 50 as AWS does (moto returns one page).
  const proxy = new FaultProxy(moto);
  const endpoint = await proxy.start();
  const lines: string[] = [`machine: ${os.cpus()[0]?.model ?? '?'} ×${os.cpus().length}, node ${process.version}, ${new Date().toISOString().slice(0, 10)}; medians of ${RUNS} (paced: ${PACED_RUNS}) runs`];
  try {
    for (const n of SIZES) {
      await rawRequest(`${moto}/moto-api/reset`, { method: 'POST' });
      const seedStart = performance.now();
      await seedBenchAccount(moto, n);
      const seedMs = performance.now() - seedStart;
      await collectOnce(endpoint, 'bare-sdk'); // warm moto (its first IAM read loads the managed policies)
      const bare: Run[] = [];
      const unpaced: Run[] = [];
      for (let r = 0; r < RUNS; r++) {
        bare.push(await collectOnce(endpoint, 'bare-sdk'));
        unpaced.push(await collectOnce(endpoint, 'lambda-guard-unpaced'));
      }
      const paced: Run[] = [];
      for (let r = 0; r < PACED_RUNS; r++) paced.push(await collectOnce(endpoint, 'lambda-guard'));
      const m = (runs: Run[], f: (r: Run) => number): number => median(runs.map(f));
      const calls = Object.entries(paced[0].calls).sort(([a], [b]) => a.localeCompare(b));
      const key = (r: Run): string => JSON.stringify(Object.entries(r.calls).sort(([a], [b]) => a.localeCompare(b)));
      const sameCalls = [...paced, ...unpaced].every((r) => key(r) === key(paced[0]));
      lines.push(
        `n=${n} (seeded in ${fmt(seedMs)}): functions read ${paced[0].functions}, errors ${paced[0].errors}`,
        `  paced to AWS limits: wall ${fmt(m(paced, (r) => r.wallMs))}, first page after ${fmt(m(paced, (r) => r.firstPageMs ?? NaN))}, peak RSS ${m(paced, (r) => r.maxRssMB)} MB (before ${m(paced, (r) => r.rssBeforeMB)} MB), peak heap ${m(paced, (r) => r.heapPeakMB)} MB`,
        `  unpaced: wall ${fmt(m(unpaced, (r) => r.wallMs))}, first page after ${fmt(m(unpaced, (r) => r.firstPageMs ?? NaN))}, peak RSS ${m(unpaced, (r) => r.maxRssMB)} MB, peak heap ${m(unpaced, (r) => r.heapPeakMB)} MB`,
        `  bare SDK baseline (same calls): wall ${fmt(m(bare, (r) => r.wallMs))}, peak RSS ${m(bare, (r) => r.maxRssMB)} MB; unpaced / bare = ${(m(unpaced, (r) => r.wallMs) / m(bare, (r) => r.wallMs)).toFixed(2)}×`,
        `  calls (${sameCalls ? 'identical in every run' : 'NOT identical across runs'}): ${calls.map(([op, c]) => `${op} ${c}`).join(', ')}`,
      );
      console.log(lines.slice(-5).join('\n'));
    }
  } finally {
    await proxy.stop();
    proc.kill();
  }
  console.log(`\n${lines.join('\n')}`);
}

void main();
