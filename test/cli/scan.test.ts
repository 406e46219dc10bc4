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
  assert.equal(r.code, 1, 'the broken file leaves the scan incomplete');
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
  assert.equal(runCli(['scan', 'infra/perm.yaml', '--fail-on', 'warning', '--format', 'json'], dir).code, 1);
  assert.equal(runCli(['scan', 'infra/perm.yaml'], dir).code, 0, 'a warning does not fail at the default --fail-on error');
  assert.equal(runCli(['scan', 'infra', '--fail-on', 'none'], dir).code, 0);
  assert.equal(runCli(['scan', '--format', 'xml'], dir).code, 2);
  assert.equal(runCli(['frobnicate'], dir).code, 2);
});

test('a node_modules folder named explicitly is scanned', () => {
  const out = JSON.parse(runCli(['scan', 'node_modules', '--format', 'json'], dir).stdout);
  assert.equal(out.findings.length > 0, true);
});

test('text output groups by file with line, rule and a fix hint', () => {
  const r = runCli(['scan', 'infra', '--fail-on', 'none'], dir);
  assert.match(r.stdout, /infra\/perm\.yaml/);
  assert.match(r.stdout, /7:\d+\s+warning\s+LG007/);
  assert.match(r.stdout, /fix:/i);
  assert.match(r.stdout, /broken\.yaml/);
});

test('sarif output is written to --output with rule metadata', () => {
  const out = path.join(dir, 'out.sarif');
  const r = runCli(['scan', 'infra', '--format', 'sarif', '--output', out], dir);
  assert.equal(r.stdout, '');
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

// A CI job run by someone who mistyped a path, committed a broken template or named a file that is not one:
// none of these may end green without saying so.
test('a path that does not exist is a usage error naming it, with nothing on stdout', () => {
  const r = runCli(['scan', 'infra/perm.yaml', 'infra/prem.yaml', '--format', 'json'], dir);
  assert.equal(r.code, 2);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /^lambda-guard: no such file or folder: infra\/prem\.yaml\n/);
});

test('a broken template leaves the scan incomplete: said first and last, exit 1 unless --fail-on none', () => {
  const r = runCli(['scan', 'infra/broken.yaml'], dir);
  assert.equal(r.code, 1);
  const lines = r.stdout.trimEnd().split('\n');
  assert.match(lines[0], /^⚠ Scan incomplete: 1 file could not be analysed/);
  assert.match(lines[lines.length - 1], /^⚠ scan incomplete \(1 scan error\) · no problems in what was analysed/);
  assert.ok(!r.stdout.includes('✔'));
  assert.equal(runCli(['scan', 'infra/broken.yaml', '--fail-on', 'none'], dir).code, 0);
  const json = JSON.parse(runCli(['scan', 'infra/broken.yaml', '--format', 'json'], dir).stdout);
  assert.equal(json.summary.incomplete, true);
});

test('a file named explicitly that is not a template gets a notice naming it', () => {
  const r = runCli(['scan', '.github/workflows/ci.yml', 'infra/perm.yaml', '--format', 'json'], dir);
  assert.equal(r.code, 0);
  const out = JSON.parse(r.stdout);
  assert.deepEqual(out.notices.map((n: { file: string }) => n.file), ['.github/workflows/ci.yml']);
  assert.equal(out.summary.notices, 1);
  const text = runCli(['scan', '.github/workflows/ci.yml'], dir).stdout;
  assert.match(text, /^Not analysed:\n {2}\.github\/workflows\/ci\.yml {2}notice {2}not a SAM, CloudFormation, Serverless Framework or CDK file; skipped/m);
  assert.match(text, /no template or CDK source found .* · 1 file not analysed \(not a template\) · 0 files scanned\n$/);
  // Walking a folder, the same file is skipped silently.
  assert.deepEqual(JSON.parse(runCli(['scan', '.github', '--format', 'json'], dir).stdout).notices, []);
});

test('with -o FILE the report goes to the file and the one-line summary to stderr', () => {
  const out = path.join(dir, 'report.json');
  const r = runCli(['scan', 'infra', '-f', 'json', '-o', 'report.json'], dir);
  assert.equal(r.stdout, '');
  assert.equal(r.stderr, 'lambda-guard: ⚠ scan incomplete (1 scan error) · ✖ 1 problem (0 errors, 1 warning, 0 info) · 2 files scanned (report written to report.json)\n');
  assert.equal(JSON.parse(readFileSync(out, 'utf8')).findings.length, 1);
  assert.equal(runCli(['scan', 'infra', '-o', 'no-such-folder/report.txt'], dir).code, 2, 'an unwritable output file is a usage error');
});

test('scan --help and help scan print the scan help with the skip list and the exit statuses', () => {
  for (const args of [['scan', '--help'], ['help', 'scan'], ['scan', '-h']]) {
    const r = runCli(args, dir);
    assert.equal(r.code, 0, args.join(' '));
    assert.match(r.stdout, /^Usage: lambda-guard scan \[PATH\.\.\.\] \[options\]/);
    assert.match(r.stdout, /folders skipped unless named: node_modules, \.git, cdk\.out, \.aws-sam/);
    assert.match(r.stdout, /^ {2}2 {2}usage error/m);
  }
  assert.match(runCli(['--help'], dir).stdout, /^ {2}scan +analyse templates/m);
});

test('--disable and --enable take known rule ids only; --enable runs only the rules named', () => {
  for (const flag of ['--disable', '--enable']) {
    const r = runCli(['scan', 'infra/perm.yaml', flag, 'LG007,LG99'], dir);
    assert.equal(r.code, 2, flag);
    assert.match(r.stderr, new RegExp(`^lambda-guard: ${flag}: unknown rule LG99 `));
  }
  const only = JSON.parse(runCli(['scan', 'node_modules', '--enable', 'lg006', '--format', 'json'], dir).stdout);
  assert.deepEqual(only.findings, [], 'LG007 did not run');
  const off = JSON.parse(runCli(['scan', 'infra/perm.yaml', '--disable', 'LG007', '--format', 'json'], dir).stdout);
  assert.deepEqual(off.findings, []);
  const on = JSON.parse(runCli(['scan', 'infra/perm.yaml', '--enable', 'LG007', '--format', 'json'], dir).stdout);
  assert.deepEqual(on.findings.map((f: { ruleId: string }) => f.ruleId), ['LG007']);
});

test('rules lists every severity a rule can take, and prints a rule page by id', () => {
  const r = runCli(['rules'], dir);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /^LG001 {2}warning {2}error, warning {2}Allow grants a wildcard action$/m);
  assert.match(r.stdout, /^LG011 {2}warning {2}warning, info {3}/m);
  assert.match(r.stdout, /^LG004 {2}error {4}error {10}/m);
  assert.match(r.stdout, /^Documentation: .*docs\/rules\/<ID>\.md/m);
  const page = runCli(['rules', 'lg007'], dir);
  assert.equal(page.code, 0);
  assert.equal(page.stdout, `${readFileSync(path.join(ROOT, 'docs/rules/LG007.md'), 'utf8')}\n`);
  assert.equal(runCli(['rules', 'LG099'], dir).code, 2);
});

test('a folder scan skips files that are not templates quietly, and counts them in the summary', () => {
  const dir = tempDir('lg-skipcount-');
  writeFileSync(path.join(dir, 'template.yaml'), "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Topic:\n    Type: AWS::SNS::Topic\n");
  mkdirSync(path.join(dir, 'k8s'));
  writeFileSync(path.join(dir, 'k8s', 'deploy.yaml'), 'apiVersion: apps/v1\nkind: Deployment\n');
  writeFileSync(path.join(dir, 'settings.json'), '{ "editor.tabSize": 2 }\n');
  const r = runCli(['scan', '.'], dir);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /1 file scanned, 2 skipped \(not templates\)\n$/);
  assert.doesNotMatch(r.stdout, /Not analysed/, 'no notice for files found in a folder');
});
