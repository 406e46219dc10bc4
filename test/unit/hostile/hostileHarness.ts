import { spawnSync } from 'node:child_process';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { CLI, ensureBuilt, tempDir } from '../../cli/cliHarness';

/**
 * The hostile-input suite runs the real CLI (`dist/cli.js`) in a child process under a memory cap and a
 * time-out: a hang or a blow-up fails the test instead of hanging CI. Every hostile folder also holds
 * GOOD, a template whose findings are known, and each case checks that all of them reach the report.
 */
export const GOOD = `Resources:
  OpenPermission:
    Type: AWS::Lambda::Permission
    Properties:
      Action: lambda:InvokeFunction
      FunctionName: orders
      Principal: '*'
  DeployRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal: { Service: lambda.amazonaws.com }
            Action: sts:AssumeRole
      Policies:
        - PolicyName: deploy
          PolicyDocument:
            Statement:
              - Effect: Allow
                Action: iam:PassRole
                Resource: '*'
`;

/** What GOOD must produce, written by hand: [rule, line] (a public invoke at line 7, PassRole on any role at line 21). */
export const GOOD_FINDINGS: [string, number][] = [
  ['LG006', 7],
  ['LG004', 21],
];

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** A fresh folder holding `good.yaml` (GOOD), inside a parent that test cases may use for "outside" files. */
export function hostileFolder(prefix: string): { parent: string; dir: string } {
  ensureBuilt();
  const parent = tempDir(`lg-hostile-${prefix}-`);
  const dir = path.join(parent, 'repo');
  mkdirSync(dir);
  writeFileSync(path.join(dir, 'good.yaml'), GOOD);
  return { parent, dir };
}

/**
 * Runs `lambda-guard ARGS` in `cwd` with `--max-old-space-size=memMb`, killed after `timeoutMs`. The time-out
 * is generous (never a performance assertion): it only turns a hang into a failure.
 */
export function runCapped(args: string[], cwd: string, opts: { memMb?: number; timeoutMs?: number } = {}): CliRun {
  const r = spawnSync(process.execPath, [`--max-old-space-size=${opts.memMb ?? 1024}`, CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    timeout: opts.timeoutMs ?? 60_000,
    killSignal: 'SIGKILL',
    maxBuffer: 1 << 30,
  });
  return { code: r.status, signal: r.signal, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

export interface JsonReport {
  findings: { ruleId: string; message: string; resource?: string; location?: { file: string; startLine: number; startColumn: number } }[];
  errors: { file: string; line?: number; message: string }[];
  notices: { file: string; line?: number; message: string }[];
}

/**
 * Scans `paths` in `dir` into `report.json` and checks that the run ended on its own (no time-out, no
 * crash: exit 0 or 1), wrote its report, and that every finding of GOOD is in it exactly once.
 */
export function scanJson(dir: string, paths: string[] = ['.'], opts: { memMb?: number; timeoutMs?: number } = {}): JsonReport & { run: CliRun } {
  const out = path.join(dir, '..', `report-${Date.now()}-${Math.random().toString(36).slice(2)}.json`);
  const run = runCapped(['scan', ...paths, '--format', 'json', '-o', out], dir, opts);
  assert.equal(run.signal, null, `killed by ${run.signal} (time-out or memory): ${run.stderr.slice(-2000)}`);
  assert.ok(run.code === 0 || run.code === 1, `exit ${run.code}: ${run.stderr.slice(-2000)}`);
  assert.ok(!/internal error|RangeError|\n\s+at /.test(run.stderr), run.stderr.slice(-2000));
  assert.ok(existsSync(out), 'the report was written');
  const report = JSON.parse(readFileSync(out, 'utf8')) as JsonReport;
  assertGood(report);
  return { ...report, run };
}

/** Every finding of GOOD, once, at its line. */
export function assertGood(report: JsonReport, file = 'good.yaml'): void {
  const got = report.findings.filter((f) => f.location?.file === file).map((f) => [f.ruleId, f.location!.startLine]);
  for (const want of GOOD_FINDINGS) {
    assert.equal(got.filter(([r, l]) => r === want[0] && l === want[1]).length, 1, `${want.join(' at line ')} once in ${JSON.stringify(got)}`);
  }
}

/** `{ "Fn::If": [P1, {…}, {…}] }` nested `depth` levels (JSON): 2^depth leaves, `leaf(i)` for i = 0 … 2^depth − 1 in order. */
export function ifTree(depth: number, prefix: string, leaf: (i: number) => string, i = 0): string {
  return depth === 0 ? leaf(i) : `{ "Fn::If": ["${prefix}${depth}", ${ifTree(depth - 1, prefix, leaf, i * 2)}, ${ifTree(depth - 1, prefix, leaf, i * 2 + 1)}] }`;
}
