import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync, readFileSync, symlinkSync, unlinkSync } from 'node:fs';
import * as path from 'node:path';
import { ensureBuilt, runCli, tempDir, ROOT } from './cliHarness';

let dir = '';
const PERMISSION = `Resources:
  P:
    Type: AWS::Lambda::Permission
    Properties:
      Action: lambda:InvokeFunction
      FunctionName: f
      Principal: sns.amazonaws.com
`;

before(() => {
  ensureBuilt();
  dir = tempDir('lg-cli-');
  mkdirSync(path.join(dir, 'infra'));
  mkdirSync(path.join(dir, 'node_modules', 'pkg'), { recursive: true });
  mkdirSync(path.join(dir, '.github', 'workflows'), { recursive: true });
  writeFileSync(path.join(dir, 'infra', 'perm.yaml'), PERMISSION);
  writeFileSync(path.join(dir, 'node_modules', 'pkg', 'template.yaml'), PERMISSION);
  writeFileSync(path.join(dir, 'infra', 'broken.yaml'), 'Resources:\n  A:\n    Type: AWS::IAM::Role\n    Properties: {\n');
  writeFileSync(path.join(dir, '.github', 'workflows', 'ci.yml'), 'on: push\njobs: {}\n');
  writeFileSync(path.join(dir, 'package.json'), '{"name":"x"}');
});

test('scan reports findings with file, line and rule; skips node_modules and non-templates; broken file is an error', () => {
  const r = runCli(['scan', '.', '--format', 'json'], dir);
  assert.equal(r.code, 0, r.stderr); // LG007 is a warning; default --fail-on error
  const out = JSON.parse(r.stdout);
  assert.equal(out.tool.name, 'lambda-guard');
  const files = new Set(out.findings.map((f: { location: { file: string } }) => f.location.file));
  assert.deepEqual([...files], ['infra/perm.yaml']);
  const f = out.findings.find((x: { ruleId: string }) => x.ruleId === 'LG007');
  assert.ok(f, JSON.stringify(out.findings));
  assert.equal(f.location.startLine, 7);
  assert.equal(f.resource, 'P');
  assert.equal(f.suppressed, false);
  assert.equal(out.errors.length, 1);
  assert.equal(out.errors[0].file, 'infra/broken.yaml');
  assert.ok(out.errors[0].line >= 4);
});

test('--fail-on warning exits 1; --fail-on none exits 0; a usage error exits 2', () => {
  assert.equal(runCli(['scan', 'infra', '--fail-on', 'warning', '--format', 'json'], dir).code, 1);
  assert.equal(runCli(['scan', 'infra', '--fail-on', 'none'], dir).code, 0);
  assert.equal(runCli(['scan', '--format', 'xml'], dir).code, 2);
  assert.equal(runCli(['frobnicate'], dir).code, 2);
});

test('a node_modules folder named explicitly is scanned', () => {
  const out = JSON.parse(runCli(['scan', 'node_modules', '--format', 'json'], dir).stdout);
  assert.equal(out.findings.length > 0, true);
});

test('text output groups by file with line, rule and a fix hint', () => {
  const r = runCli(['scan', 'infra'], dir);
  assert.match(r.stdout, /infra\/perm\.yaml/);
  assert.match(r.stdout, /7:\d+\s+warning\s+LG007/);
  assert.match(r.stdout, /fix:/i);
  assert.match(r.stdout, /broken\.yaml/);
});

test('sarif output is written to --output with rule metadata', () => {
  const out = path.join(dir, 'out.sarif');
  runCli(['scan', 'infra', '--format', 'sarif', '--output', out], dir);
  const s = JSON.parse(readFileSync(out, 'utf8'));
  assert.equal(s.version, '2.1.0');
  const rules = s.runs[0].tool.driver.rules;
  assert.ok(rules.length >= 14);
  assert.ok(rules.every((r: { help?: { text?: string; markdown?: string } }) => r.help?.text && r.help?.markdown));
  assert.equal(s.runs[0].results[0].locations[0].physicalLocation.region.startLine, 7);
});

test('an unreadable file becomes an error and the rest is still scanned', () => {
  // A dangling symlink cannot be read even by root, which CI runs as.
  const p = path.join(dir, 'infra', 'gone.yaml');
  symlinkSync(path.join(dir, 'does-not-exist.yaml'), p);
  const out = JSON.parse(runCli(['scan', 'infra', '--format', 'json'], dir).stdout);
  unlinkSync(p);
  assert.ok(out.errors.some((e: { file: string; message: string }) => e.file === 'infra/gone.yaml' && /ENOENT/.test(e.message)), JSON.stringify(out.errors));
  assert.ok(out.findings.some((f: { location: { file: string } }) => f.location.file === 'infra/perm.yaml'));
});

test('the version printed matches package.json', () => {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  assert.equal(runCli(['--version'], dir).stdout.trim(), pkg.version);
});
