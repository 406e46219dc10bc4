// Benchmarks of issue 11 (hostile input). Prints medians; bench/RESULTS.md records them.
// Run: node --import tsx bench/hostile/hostileBench.ts   (BENCH_RUNS=5 by default; needs `npm run build` for (e))
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseDocument } from 'yaml';
import { analyzeText } from '../../src/core/scan/analyzeText';
import { ifTree } from '../../test/unit/hostile/hostileHarness';
import { median, timeIt, timeRuns } from '../stats';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const ROOT = path.resolve(__dirname, '../..');
const say = (s: string): void => console.log(s);
const ms = (x: number): string => `${x.toFixed(0)} ms`;

say(`machine: ${os.cpus()[0]?.model ?? '?'} ×${os.cpus().length}, node ${process.version}, ${new Date().toISOString().slice(0, 10)}, load ${os.loadavg()[0].toFixed(1)}; median of ${RUNS} runs`);

/** A template of `n` small resources (4 lines each) and one public permission at the end. */
export function manyResources(n: number): string {
  const lines = ['AWSTemplateFormatVersion: "2010-09-09"', 'Resources:'];
  for (let i = 0; i < n; i++) lines.push(`  Topic${i}:`, '    Type: AWS::SNS::Topic', '    Properties:', `      TopicName: t${i}`);
  lines.push('  Last:', '    Type: AWS::Lambda::Permission', '    Properties:', '      Action: lambda:InvokeFunction', '      FunctionName: f', "      Principal: '*'");
  return lines.join('\n') + '\n';
}

/** One PassRole statement whose Condition has `n` keys. */
function conditionKeys(n: number): string {
  const keys = Array.from({ length: n }, (_, i) => `                    aws:PrincipalTag/k${i}: v${i}`).join('\n');
  return `Resources:\n  R:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument:\n        Statement:\n          - Effect: Allow\n            Action: iam:PassRole\n            Resource: '*'\n            Condition:\n                  StringEquals:\n${keys}\n`;
}


/** (a), (b): analyzeText against a bare parseDocument of the same text (library defaults but uniqueKeys off: its check is the quadratic part). */
function versusParse(label: string, text: string, budget: string): void {
  analyzeText(text, 'warm.yaml');
  const bare = median(timeRuns(RUNS, () => parseDocument(text, { uniqueKeys: false })));
  let findings = 0;
  const scan = median(timeRuns(RUNS, () => (findings = analyzeText(text, 'x.yaml').findings.length)));
  say(`${label} (${(text.length / 1048576).toFixed(1)} MiB): analyzeText ${ms(scan)} (budget ${budget}), bare parseDocument ${ms(bare)}, ratio ${(scan / bare).toFixed(2)}×, ${findings} findings`);
}

versusParse('(a) 100,000 resources', manyResources(100_000), '< 10 s');
versusParse('(b) 20,000 condition keys', conditionKeys(20_000), '< 1 s');

// The library's own duplicate-key check, for the record: what (b) cost before (one run; quadratic).
{
  const text = conditionKeys(20_000);
  say(`    before: parseDocument with its default duplicate-key check on (b): ${ms(timeIt(() => parseDocument(text)))}`);
}

// (c) the !If bomb: 10 statements of 256 Effect × 256 Condition branches (655,360 combinations before the cap).
{
  const st = (k: number): string =>
    `{ "Effect": ${ifTree(8, `E${k}_`, (i) => (i % 2 ? '"Allow"' : '"Deny"'))}, "Action": "iam:PassRole", "Resource": "*", "Condition": ${ifTree(8, `C${k}_`, (i) => `{ "StringEquals": { "aws:SourceAccount": "${i}" } }`)} }`;
  const text = `{ "Resources": { "P": { "Type": "AWS::IAM::ManagedPolicy", "Properties": { "PolicyDocument": { "Statement": [${Array.from({ length: 10 }, (_, k) => st(k)).join(',')}] } } } } }`;
  analyzeText(text, 'warm.json');
  const t = median(timeRuns(RUNS, () => analyzeText(text, 'ifs.json')));
  say(`(c) !If bomb, 10 × 65,536 combinations (${(text.length / 1024).toFixed(0)} KiB): analyzeText ${ms(t)}`);
}

// (d) writing a report of 1,000,000 findings with the CLI's streaming writer, in a child process (time, peak RSS).
{
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lg-bench-hostile-'));
  for (const format of ['json', 'text']) {
    const times: number[] = [];
    let rss = 0;
    let size = 0;
    for (let i = 0; i < Math.min(RUNS, 3); i++) {
      const out = path.join(dir, `r.${format}`);
      const t = process.hrtime.bigint();
      const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'test/unit/hostile/writeManyFindings.ts'), '1000000', out, format], { cwd: ROOT, encoding: 'utf8' });
      times.push(Number(process.hrtime.bigint() - t) / 1e6);
      if (r.status !== 0) throw new Error(r.stderr);
      rss = Math.max(rss, (JSON.parse(r.stdout.trim().split('\n').pop()!) as { peakRssMb: number }).peakRssMb);
      size = statSync(out).size;
    }
    say(`(d) 1,000,000 findings as ${format}: ${ms(median(times))} in a fresh process (building the findings included), ${(size / 1048576).toFixed(0)} MiB written, peak RSS ${rss} MB`);
  }
  rmSync(dir, { recursive: true, force: true });
}

// (e) the CLI end to end on (a)'s template, under a 4 GB cap as issue 11 checks it, against a fresh process
// that only reads and parses the same file with the bare library (runs interleaved).
{
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lg-bench-hostile-'));
  const file = path.join(dir, 'many.yaml');
  writeFileSync(file, manyResources(100_000));
  const timed = (args: string[], ok: number): number => {
    const t = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
    if (r.status !== ok) throw new Error(`exit ${r.status}: ${r.stderr}`);
    return Number(process.hrtime.bigint() - t) / 1e6;
  };
  const cli: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    cli.push(timed(['--max-old-space-size=4096', path.join(ROOT, 'dist/cli.js'), 'scan', dir, '--format', 'json', '-o', path.join(dir, '..', 'lg-bench-report.json')], 1));
    bare.push(timed(['-e', `require('yaml').parseDocument(require('fs').readFileSync(${JSON.stringify(file)}, 'utf8'), { uniqueKeys: false })`], 0));
  }
  say(`(e) lambda-guard scan of (a) (CLI, fresh process, JSON report): ${ms(median(cli))} (budget < 10 s); a fresh process reading and parsing it with bare yaml: ${ms(median(bare))}, ratio ${(median(cli) / median(bare)).toFixed(2)}×`);
  rmSync(dir, { recursive: true, force: true });
}
