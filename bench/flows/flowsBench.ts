/**
 * Benchmark of `lambda-guard flows` (issue 9's budget): on 1M default-format records, at least 5× a
 * readline + split(' ') + Map loop run in the same process, with equal totals; memory bounded by the
 * number of distinct flows (10M records under 300 MB peak RSS, measured in a child process).
 * Run through runFlowsBench.mjs, which bundles this file as the CLI is bundled.
 * Env: FLOWS_RECORDS (1000000), FLOWS_RUNS (7), FLOWS_RSS_RECORDS (10000000; 0 skips), FLOWS_KEEP=1 keeps the files.
 */
import { createReadStream, createWriteStream, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { isDeepStrictEqual } from 'node:util';
import { createGzip } from 'node:zlib';
import { pipeline } from 'node:stream/promises';
import { flowsCommand } from '../../src/cli/flowsCommand';
import { FlowAggregate, FlowAggregator } from '../../src/core/flows/flowAggregator';
import { aggregateFlowFile } from '../../src/core/flows/flowSource';
import { median } from '../stats';
import { writeFlowLog } from './generateFlowLog';
import { readlineAggregate } from './readlineBaseline';

const RECORDS = Number(process.env.FLOWS_RECORDS ?? 1_000_000);
const RUNS = Math.max(5, Number(process.env.FLOWS_RUNS ?? 7));
const RSS_RECORDS = Number(process.env.FLOWS_RSS_RECORDS ?? 10_000_000);
const DIR = path.join(os.tmpdir(), 'lambda-guard-flows-bench');

const ms = (t0: bigint): number => Number(process.hrtime.bigint() - t0) / 1e6;
const mb = (bytes: number): string => `${(bytes / 1048576).toFixed(0)} MiB`;

async function ensureFile(name: string, n: number, header = false): Promise<string> {
  const file = path.join(DIR, name);
  if (!existsSync(file)) {
    const t0 = process.hrtime.bigint();
    await writeFlowLog(`${file}.part`, n, { header });
    renameSync(`${file}.part`, file);
    console.log(`wrote ${n.toLocaleString('en')} records to ${file} (${mb(statSync(file).size)}) in ${(ms(t0) / 1000).toFixed(1)} s`);
  }
  return file;
}

/** `lambda-guard flows FILE --format json`, its output kept in memory. */
async function runCommand(file: string): Promise<{ records: number; bytes: number; flows: number }> {
  let out = '';
  const code = await flowsCommand([file, '--format', 'json'], { stdout: (s) => (out += s), stderr: () => undefined, cwd: DIR });
  if (code !== 0) throw new Error(`flows exited ${code}`);
  const doc = JSON.parse(out) as { records: number; flows: { bytes: number }[] };
  return { records: doc.records, bytes: doc.flows.reduce((s, f) => s + f.bytes, 0), flows: doc.flows.length };
}

function strip(r: FlowAggregate): FlowAggregate {
  return { ...r, malformed: r.malformed.map((m) => ({ ...m, reason: '' })) };
}

async function main(): Promise<void> {
  mkdirSync(DIR, { recursive: true });
  const cpus = os.cpus();
  console.log(`machine: ${cpus[0]?.model ?? '?'} ×${cpus.length}, node ${process.version}, ${new Date().toISOString().slice(0, 10)}; load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  const file = await ensureFile(`flows-${RECORDS}.log`, RECORDS);

  // Equal totals, flow by flow, between the reference loop and the fast path.
  const base = await readlineAggregate(createReadStream(file, { highWaterMark: 1 << 20 }), { hourly: false });
  const agg = new FlowAggregator({ hourly: false });
  await aggregateFlowFile(file, agg);
  const fast = agg.result();
  if (!isDeepStrictEqual(strip(base), strip(fast))) throw new Error('the fast path and the readline baseline disagree');
  const cmd = await runCommand(file);
  const baseBytes = base.flows.reduce((s, f) => s + f.bytes, 0);
  if (cmd.records !== base.records || cmd.bytes !== baseBytes || cmd.flows !== base.flows.length) throw new Error('flows command totals differ');
  console.log(`totals equal: ${base.records.toLocaleString('en')} records, ${base.flows.length} flows, ${baseBytes.toLocaleString('en')} bytes, skipped ${JSON.stringify(base.skipped)}`);

  // Interleaved runs so that a busy moment on the shared machine hits both sides alike; wall and CPU time.
  const wall = { base: [] as number[], fast: [] as number[] };
  const cpu = { base: [] as number[], fast: [] as number[] };
  const timed = async (side: 'base' | 'fast', fn: () => Promise<unknown>): Promise<void> => {
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    await fn();
    wall[side].push(ms(t0));
    const c = process.cpuUsage(c0);
    cpu[side].push((c.user + c.system) / 1000);
  };
  for (let k = 0; k < RUNS; k++) {
    await timed('base', () => readlineAggregate(createReadStream(file, { highWaterMark: 1 << 20 }), { hourly: false }));
    await timed('fast', () => runCommand(file));
  }
  const list = (xs: number[]): string => xs.map((t) => t.toFixed(0)).join(' ');
  console.log(`readline + split + Map: median ${median(wall.base).toFixed(0)} ms wall (${list(wall.base)}), ${median(cpu.base).toFixed(0)} ms CPU`);
  console.log(`lambda-guard flows:     median ${median(wall.fast).toFixed(0)} ms wall (${list(wall.fast)}), ${median(cpu.fast).toFixed(0)} ms CPU`);
  console.log(
    `ratio ${(median(wall.base) / median(wall.fast)).toFixed(1)}× wall, ${(median(cpu.base) / median(cpu.fast)).toFixed(1)}× CPU (budget ≥ 5×); ` +
      `${(statSync(file).size / 1048576 / (median(wall.fast) / 1000)).toFixed(0)} MiB/s`,
  );

  // The same records as an S3 export (header line, gzip), for information.
  const gz = path.join(DIR, `flows-${RECORDS}.log.gz`);
  if (!existsSync(gz)) await pipeline(createReadStream(file), createGzip({ level: 6 }), createWriteStream(gz));
  const tGz: number[] = [];
  for (let k = 0; k < RUNS; k++) {
    const t0 = process.hrtime.bigint();
    const r = await runCommand(gz);
    tGz.push(ms(t0));
    if (r.records !== base.records) throw new Error('gzip totals differ');
  }
  console.log(`lambda-guard flows on the gzip file (${mb(statSync(gz).size)}): median ${median(tGz).toFixed(0)} ms`);

  if (RSS_RECORDS > 0) {
    const big = await ensureFile(`flows-${RSS_RECORDS}.log`, RSS_RECORDS);
    for (const f of [file, big]) {
      const child = spawnSync(process.execPath, [__filename, '--rss-child', f], { encoding: 'utf8' });
      if (child.status !== 0) throw new Error(`child failed: ${child.stderr}`);
      console.log(`peak RSS of lambda-guard flows on ${path.basename(f)} (${mb(statSync(f).size)}): ${child.stdout.trim()} (budget < 300 MiB at 10M records)`);
    }
    if (!process.env.FLOWS_KEEP) rmSync(big, { force: true });
  }
  if (!process.env.FLOWS_KEEP) rmSync(DIR, { recursive: true, force: true });
}

async function rssChild(file: string): Promise<void> {
  const t0 = process.hrtime.bigint();
  const r = await runCommand(file);
  // maxRSS is in KiB.
  process.stdout.write(`${mb(process.resourceUsage().maxRSS * 1024)} (${r.records.toLocaleString('en')} records, ${r.flows} flows, ${(ms(t0) / 1000).toFixed(1)} s)\n`);
}

if (process.argv[2] === '--rss-child') {
  rssChild(process.argv[3]).catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
} else {
  main().catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
