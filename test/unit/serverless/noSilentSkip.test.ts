import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { ensureBuilt, runCli, tempDir } from '../../cli/cliHarness';

// A file named on the command line that Lambda Guard cannot analyse is never a silent "0 files scanned":
// it gets a notice; a Serverless Framework service named the same way is analysed. In a folder scan such
// files are skipped quietly.

function project(): string {
  const dir = tempDir('lg-noskip-');
  writeFileSync(path.join(dir, 'main.tf'), 'resource "aws_lambda_function" "f" {\n  function_name = "f"\n}\n');
  writeFileSync(path.join(dir, 'values.yml'), 'replicaCount: 2\nimage: nginx\n');
  mkdirSync(path.join(dir, 'svc'));
  writeFileSync(path.join(dir, 'svc', 'serverless.yml'), 'service: s\nprovider:\n  name: aws\nfunctions:\n  f:\n    handler: h.h\n    url: true\n');
  return dir;
}

test('named Terraform and unknown YAML files get a notice each; a named serverless.yml is analysed', () => {
  ensureBuilt();
  const dir = project();
  const r = runCli(['scan', 'main.tf', 'values.yml', 'svc/serverless.yml', '--format', 'json'], dir);
  const out = JSON.parse(r.stdout);
  assert.deepEqual(out.notices.map((n: { file: string }) => n.file).sort(), ['main.tf', 'values.yml']);
  assert.equal(out.summary.filesScanned, 1);
  assert.deepEqual(out.findings.map((f: { ruleId: string; location: { file: string; startLine: number } }) => `${f.ruleId} ${f.location.file}:${f.location.startLine}`), [
    'LG015 svc/serverless.yml:5',
    'LG008 svc/serverless.yml:7',
  ]);
  assert.equal(r.code, 0);
});

test('a folder scan reads the service and skips the others quietly', () => {
  ensureBuilt();
  const out = JSON.parse(runCli(['scan', '.', '--format', 'json'], project()).stdout);
  assert.deepEqual(out.notices, []);
  assert.equal(out.summary.filesScanned, 1);
  assert.ok(out.findings.every((f: { location: { file: string } }) => f.location.file === 'svc/serverless.yml'));
});
