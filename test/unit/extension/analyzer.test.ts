import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { Analyzer } from '../../../src/extension/analysis/analyzer';
import { scanPaths } from '../../../src/core/scan/scanPaths';
import type { Finding } from '../../../src/core/model/finding';
import { ensureBuilt, ROOT, tempDir } from '../../cli/cliHarness';

// The analysis queue in plain Node (it uses no vscode): every failure settles the job waiting for it, the
// worker's stack reaches the log, and the workspace scan in a worker is the core scan.

const WORKER = path.join(ROOT, 'dist', 'analysisWorker.js');
const PERMISSION = 'Resources:\n  P:\n    Type: AWS::Lambda::Permission\n    Properties:\n      Action: lambda:InvokeFunction\n      FunctionName: f\n      Principal: sns.amazonaws.com\n';
let dir = '';

before(() => {
  ensureBuilt();
  dir = tempDir('lg-analyzer-');
  writeFileSync(path.join(dir, 'crash.js'), "require('node:worker_threads').parentPort.on('message', () => process.exit(3));\n");
  mkdirSync(path.join(dir, 'ws', 'node_modules', 'p'), { recursive: true });
  writeFileSync(path.join(dir, 'ws', 'perm.yaml'), PERMISSION);
  writeFileSync(path.join(dir, 'ws', 'broken.yaml'), 'Resources:\n  A: [\n');
  writeFileSync(path.join(dir, 'ws', 'node_modules', 'p', 'template.yaml'), PERMISSION);
});

const badFinding = null as unknown as Finding;

test('an error inside the worker rejects the job with the worker\'s own stack', { timeout: 30_000 }, async () => {
  const a = new Analyzer(WORKER);
  try {
    const big = 'x'.repeat(300 * 1024);
    const err = await a.fixes({ type: 'fixes', req: { text: big, file: 'a.yaml', finding: badFinding } }).then(
      () => assert.fail('resolved'),
      (e: Error) => e,
    );
    assert.match(err.message, /null/);
    assert.match(err.stack ?? '', /at runJob .*\n.*analysisWorker\.(js|ts)/, 'the stack is the worker\'s');
  } finally {
    a.dispose();
  }
});

test('a worker that dies rejects the job it was running at once (no timeout needed), and the next job runs', { timeout: 15_000 }, async () => {
  const a = new Analyzer(path.join(dir, 'crash.js'));
  try {
    const job = { text: PERMISSION, file: 'p.yaml', opts: {}, wantModel: false, background: true };
    await assert.rejects(a.analyze(job), /the analysis worker stopped \(exit code 3\)/);
    await assert.rejects(a.analyze(job), /exit code 3/, 'a new worker was started for the next job');
  } finally {
    a.dispose();
  }
});

test('a job the worker cannot be sent rejects instead of waiting forever', { timeout: 15_000 }, async () => {
  const a = new Analyzer(WORKER);
  try {
    const opts = { disabledRules: [], severityOverrides: {}, notCloneable: () => 1 } as unknown as Record<string, never>;
    await assert.rejects(a.analyze({ text: PERMISSION, file: 'p.yaml', opts, wantModel: false, background: true }), /could not be cloned/);
    const ok = await a.analyze({ text: PERMISSION, file: 'p.yaml', opts: {}, wantModel: false, background: true });
    assert.deepEqual(ok?.findings.map((f) => f.ruleId), ['LG007'], 'the queue keeps working');
  } finally {
    a.dispose();
  }
});

test('in process (small text, or no worker), a failure is a rejection, not a throw', async () => {
  const a = new Analyzer(undefined);
  const p = a.fixes({ type: 'fixes', req: { text: 'x', file: 'a.yaml', finding: badFinding } });
  assert.ok(p instanceof Promise);
  await assert.rejects(p, TypeError);
});

test('a queued job replaced by a newer one with the same key resolves undefined', { timeout: 30_000 }, async () => {
  const a = new Analyzer(WORKER);
  try {
    const job = (key: string) => a.analyze({ key, text: PERMISSION, file: 'p.yaml', opts: {}, wantModel: false, background: true });
    const first = job('other');
    const stale = job('doc');
    const fresh = job('doc');
    assert.equal(await stale, undefined);
    assert.ok(await fresh);
    assert.ok(await first);
  } finally {
    a.dispose();
  }
});

test('the workspace scan in its worker is the core scan: same findings, errors and files as scanPaths', { timeout: 60_000 }, async () => {
  const a = new Analyzer(WORKER);
  try {
    const cwd = path.join(dir, 'ws');
    const progress: number[] = [];
    const r = await a.scanFolder(cwd, {}, (done) => progress.push(done), new AbortController().signal);
    const want = await scanPaths(['.'], { cwd });
    assert.deepEqual(r?.findings, want.findings);
    assert.deepEqual(r?.errors, want.errors);
    assert.equal(r?.filesScanned, 2);
    assert.deepEqual(r?.findings.map((f) => f.location?.file), ['perm.yaml'], 'node_modules skipped');
    assert.ok(progress.length >= 2);
    const abort = new AbortController();
    abort.abort();
    assert.equal(await a.scanFolder(cwd, {}, () => undefined, abort.signal), undefined);
  } finally {
    a.dispose();
  }
});
