// Detection quality and speed of the runtime baselines (issue 9) on seeded synthetic telemetry.
// Run: node --import tsx bench/detection/runDetection.ts   (SEEDS=10 RUNS=5 by default)
// The unit test test/unit/baselines/detectionQuality.test.ts asserts the issue's bars on 3+3 seeds;
// this runs more seeds, probes weaker anomalies to show where detection stops, and times the generator.
import * as os from 'node:os';
import type { AlertRuleId } from '../../src/core/model/alert';
import { evaluateMonitor } from '../../src/core/monitor/evaluateMonitor';
import type { AnomalyLabel } from '../../src/core/synthetic/anomalyLabel';
import { injectPortScan, injectSpike } from '../../src/core/synthetic/injectAnomalies';
import { createRng } from '../../src/core/synthetic/prng';
import { injectRandomAnomalies } from '../../src/core/synthetic/randomAnomalies';
import { scoreDetection } from '../../src/core/synthetic/scoreDetection';
import { generateSyntheticWorld, syntheticTelemetry, type SyntheticWorld } from '../../src/core/synthetic/syntheticWorld';
import { median } from '../stats';

const SEEDS = Number(process.env.SEEDS ?? 10);
const RUNS = Number(process.env.RUNS ?? 5);
const DAY = 86400e3;
const NOW = new Date('2026-03-09T00:00:00Z');
const RULES: AlertRuleId[] = ['LG101', 'LG102', 'LG103', 'LG104', 'LG105'];
const ONE_DAY = { window: { start: new Date(NOW.getTime() - DAY), end: NOW }, baseline: { start: new Date(NOW.getTime() - 15 * DAY), end: new Date(NOW.getTime() - DAY) } };

console.log(`machine: ${os.cpus()[0]?.model ?? '?'} ×${os.cpus().length}, node ${process.version}, ${new Date().toISOString().slice(0, 10)}, load average ${os.loadavg()[0].toFixed(1)}`);

function judge(w: SyntheticWorld, range: typeof ONE_DAY): ReturnType<typeof evaluateMonitor> {
  return evaluateMonitor({ snapshot: w.snapshot, telemetry: syntheticTelemetry(w), ...range });
}

// (1) Recall on the default anomaly mix, one judged day, SEEDS worlds of 30 functions.
{
  const byRule = Object.fromEntries(RULES.map((r) => [r, { injected: 0, detected: 0, falseAlerts: 0 }]));
  let falseAlerts = 0;
  const missed: AnomalyLabel[] = [];
  for (let seed = 1000; seed < 1000 + SEEDS; seed++) {
    const w = generateSyntheticWorld({ seed, now: NOW, days: 15, functions: 30 });
    const labels = injectRandomAnomalies(w, { window: ONE_DAY.window, perKind: 8 });
    const s = scoreDetection(judge(w, ONE_DAY).alerts, labels, 30 / 7);
    for (const r of RULES) {
      byRule[r].injected += s.byRule[r].injected;
      byRule[r].detected += s.byRule[r].detected;
      byRule[r].falseAlerts += s.byRule[r].falseAlerts;
    }
    falseAlerts += s.falseAlerts;
    missed.push(...s.missed);
  }
  const inj = RULES.reduce((n, r) => n + byRule[r].injected, 0);
  const det = RULES.reduce((n, r) => n + byRule[r].detected, 0);
  console.log(`(1) recall, ${SEEDS} seeds × 30 functions × 1 day, 40 anomalies each: ${det}/${inj} = ${((100 * det) / inj).toFixed(1)}%`);
  for (const r of RULES) console.log(`    ${r}: ${byRule[r].detected}/${byRule[r].injected} detected, ${byRule[r].falseAlerts} false alerts`);
  console.log(`    false alerts on the injected days: ${falseAlerts} in ${((SEEDS * 30) / 7).toFixed(1)} function-weeks = ${(falseAlerts / ((SEEDS * 30) / 7)).toFixed(3)} per function-week`);
  for (const m of missed) console.log(`    missed: ${m.kind} ${m.functionName} ${m.start} ${JSON.stringify(m.detail)}`);
}

// (2) False alerts on clean traffic: a whole week judged after two weeks of baseline, SEEDS worlds of 40 functions.
{
  const byRule = Object.fromEntries(RULES.map((r) => [r, 0]));
  let total = 0;
  const week = { window: { start: new Date(NOW.getTime() - 7 * DAY), end: NOW }, baseline: { start: new Date(NOW.getTime() - 21 * DAY), end: new Date(NOW.getTime() - 7 * DAY) } };
  for (let seed = 2000; seed < 2000 + SEEDS; seed++) {
    const w = generateSyntheticWorld({ seed, now: NOW, days: 21, functions: 40, deploysUntil: week.window.start });
    const s = scoreDetection(judge(w, week).alerts, [], 40);
    for (const r of RULES) byRule[r] += s.byRule[r].falseAlerts;
    total += s.falseAlerts;
  }
  const fw = SEEDS * 40;
  console.log(`(2) clean weeks, ${SEEDS} seeds × 40 functions: ${total} false alerts in ${fw} function-weeks = ${(total / fw).toFixed(3)} per function-week (${RULES.map((r) => `${r} ${byRule[r]}`).join(', ')})`);
}

// (3) Where detection stops: weaker spikes and smaller scans than the default mix, one per function.
{
  const probe = (name: string, inject: (w: SyntheticWorld, fn: string, at: number) => AnomalyLabel | undefined): void => {
    let injected = 0;
    let detected = 0;
    for (let seed = 3000; seed < 3000 + SEEDS; seed++) {
      const w = generateSyntheticWorld({ seed, now: NOW, days: 15, functions: 20 });
      const rng = createRng(seed);
      const labels = w.profiles.flatMap((p) => {
        const at = Math.floor((ONE_DAY.window.start.getTime() / 1000 + rng.int(1800, 20 * 3600)) / 60) * 60;
        const l = inject(w, p.name, at);
        return l ? [l] : [];
      });
      const s = scoreDetection(judge(w, ONE_DAY).alerts, labels, 20 / 7);
      injected += s.injected;
      detected += s.detected;
    }
    console.log(`    ${name}: ${detected}/${injected} = ${((100 * detected) / Math.max(1, injected)).toFixed(0)}%`);
  };
  console.log('(3) weaker anomalies (not in the default mix):');
  for (const factor of [2, 3, 4, 6]) probe(`spike ${factor}× for 30 min (at least 3/min)`, (w, fn, at) => injectSpike(w, fn, at, { factor, minutes: 30 }));
  for (const minutes of [3, 5, 10]) probe(`storm 10× for ${minutes} min`, (w, fn, at) => injectSpike(w, fn, at, { factor: 10, minutes }));
  for (const ports of [10, 20, 40]) {
    probe(`port scan of ${ports} ports`, (w, fn, at) => (w.profiles.find((p) => p.name === fn)?.groupIndex !== undefined ? injectPortScan(w, fn, at, ports) : undefined));
  }
}

// (4) Speed: the generator (two weeks × 50 functions) and the monitor evaluation, medians of RUNS.
{
  const wall = (fn: () => void): { ms: number; cpu: number } => {
    const c = process.cpuUsage();
    const t = performance.now();
    fn();
    const u = process.cpuUsage(c);
    return { ms: performance.now() - t, cpu: (u.user + u.system) / 1000 };
  };
  let w: SyntheticWorld | undefined;
  let telemetry: ReturnType<typeof syntheticTelemetry> | undefined;
  const gen = Array.from({ length: RUNS }, (_, i) =>
    wall(() => {
      w = generateSyntheticWorld({ seed: 4000 + i, now: NOW, days: 14, functions: 50 });
      telemetry = syntheticTelemetry(w);
    }),
  );
  const points = 50 * 14 * 1440;
  // Baseline in the same process: the Poisson draws alone for the same number of one-minute points.
  const bare = Array.from({ length: RUNS }, () =>
    wall(() => {
      const rng = createRng(1);
      const out = new Float64Array(points);
      for (let i = 0; i < points; i++) out[i] = rng.poisson(20 * Math.exp(0.1 * rng.normal()));
    }),
  );
  const t = telemetry!;
  console.log(
    `(4) generator, 50 functions × 14 days (${t.metrics.length} series, ${t.flows.length} flow summaries, ${t.events.length} events): median ${median(gen.map((g) => g.ms)).toFixed(0)} ms wall, ${median(gen.map((g) => g.cpu)).toFixed(0)} ms CPU; ` +
      `bare Poisson draws for its ${points.toLocaleString('en-US')} points ${median(bare.map((g) => g.ms)).toFixed(0)} ms → ${(median(gen.map((g) => g.ms)) / median(bare.map((g) => g.ms))).toFixed(1)}×`,
  );
  const day = { window: { start: new Date(w!.end * 1000 - DAY), end: new Date(w!.end * 1000) }, baseline: { start: new Date(w!.start * 1000), end: new Date(w!.end * 1000 - DAY) } };
  const evals = Array.from({ length: RUNS }, () => wall(() => evaluateMonitor({ snapshot: w!.snapshot, telemetry: t, ...day })));
  const text = JSON.stringify(t);
  const parse = Array.from({ length: RUNS }, () => wall(() => JSON.parse(text)));
  console.log(
    `    evaluateMonitor, 13 days learned + 1 day judged: median ${median(evals.map((e) => e.ms)).toFixed(0)} ms wall, ${median(evals.map((e) => e.cpu)).toFixed(0)} ms CPU; ` +
      `JSON.parse of the same telemetry (${(text.length / 1e6).toFixed(1)} MB) ${median(parse.map((p) => p.ms)).toFixed(0)} ms → ${(median(evals.map((e) => e.ms)) / median(parse.map((p) => p.ms))).toFixed(1)}×`,
  );
}
