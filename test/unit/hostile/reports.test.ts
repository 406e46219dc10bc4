import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { ROOT, tempDir } from '../../cli/cliHarness';
import { GOOD, hostileFolder, runCapped, scanJson } from './hostileHarness';

// Reports that survive any size and any data, and an -o that cannot be written.

test('140,000 findings in one file: the text report is written (no Math.max(...findings))', () => {
  const { dir } = hostileFolder('findings');
  const vars = Array.from({ length: 140_000 }, (_, i) => `P${i}_PASSWORD: hunter2x${i}`).join(', ');
  writeFileSync(path.join(dir, 'env.yaml'), `Resources:\n  F:\n    Type: AWS::Lambda::Function\n    Properties:\n      Environment:\n        Variables: {${vars}}\n`);
  const out = path.join(dir, '..', 'report.txt');
  const r = runCapped(['scan', '.', '-o', out], dir, { memMb: 2048 });
  assert.equal(r.signal, null, r.stderr);
  assert.equal(r.code, 1, r.stderr);
  const text = readFileSync(out, 'utf8');
  assert.equal(text.match(/^ {2}6:\d+ +warning {2}LG014 /gm)?.length, 140_000);
  assert.match(text, /^good\.yaml\n {2}7:18 +error +LG006 /m);
  assert.match(text, /^ {2}21:25 +error +LG004 /m);
  assert.match(r.stderr, /140002 problems \(2 errors, 140000 warnings, 0 info\)/);
});

test('writers stream: 400,000 findings reach a JSON report under a 256 MB heap', () => {
  const out = path.join(tempDir('lg-hostile-stream-'), 'big.json');
  const r = spawnSync(process.execPath, ['--max-old-space-size=256', '--import', 'tsx', path.join(__dirname, 'writeManyFindings.ts'), '400000', out], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
    killSignal: 'SIGKILL',
  });
  assert.equal(r.signal, null, r.stderr);
  assert.equal(r.status, 0, r.stderr);
  const doc = JSON.parse(readFileSync(out, 'utf8')) as { findings: { message: string; location: { startLine: number } }[]; summary: { problems: number } };
  assert.equal(doc.findings.length, 400_000);
  assert.equal(doc.summary.problems, 400_000);
  // Sorted by line: finding i is on line i + 1.
  assert.equal(doc.findings[399_999].location.startLine, 400_000);
  assert.equal(doc.findings[12_345].message, 'finding 12345');
});

const EVIL = 'Evil\u001b]0;owned\u0007\u001b[2J\u009b31m\u202eRTL\u2066iso\u200f';
/** Control and bidi characters the reports must never emit raw (tab and newline are layout). */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

test('control and bidi characters from template data are escaped in every format, HTML included', () => {
  const { dir } = hostileFolder('inject');
  // YAML double-quoted escapes put the raw characters into the logical id and a message-bearing value.
  const yamlEscaped = EVIL.replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  writeFileSync(path.join(dir, 'inject.yaml'), GOOD.replace('OpenPermission', `"${yamlEscaped}"`).replace('FunctionName: orders', `FunctionName: "${yamlEscaped}"`));
  writeFileSync(path.join(dir, 'back\\slash #1.yaml'), GOOD);
  for (const format of ['text', 'json', 'sarif', 'markdown', 'html']) {
    const r = runCapped(['scan', '.', '--format', format], dir, { memMb: 256 });
    assert.equal(r.code, 1, r.stderr);
    assert.ok(!UNSAFE.test(r.stdout), `${format}: ${JSON.stringify(r.stdout.match(UNSAFE))}`);
    assert.ok(!UNSAFE.test(r.stderr), format);
    // What was there stays visible: ESC shown as \u001B, the override as \u202E.
    assert.ok(/\\u001[bB]/.test(r.stdout) && /\\u202[eE]/.test(r.stdout), format);
  }
  const sarif = JSON.parse(runCapped(['scan', '.', '--format', 'sarif'], dir).stdout) as { runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
  const uris = new Set(sarif.runs[0].results.map((x) => x.locations[0].physicalLocation.artifactLocation.uri));
  assert.deepEqual([...uris].sort(), ['back%5Cslash%20%231.yaml', 'good.yaml', 'inject.yaml']);
  // The JSON report still carries the data itself (escaped as JSON), for machines.
  const json = scanJson(dir, ['.'], { memMb: 256 });
  assert.ok(json.findings.some((f) => f.resource === EVIL), JSON.stringify(json.findings.map((f) => f.resource)));
});

test('-o into a missing folder, onto a folder or a read-only path, and -o -f: exit 2, one line, no stack', () => {
  const { dir } = hostileFolder('output');
  mkdirSync(path.join(dir, 'reports'));
  const readOnly = process.getuid?.() === 0 ? '/proc/version' : path.join(dir, 'locked', 'r.json');
  if (!readOnly.startsWith('/proc')) {
    mkdirSync(path.join(dir, 'locked'));
    chmodSync(path.join(dir, 'locked'), 0o555);
  }
  const cases: [string[], RegExp][] = [
    [['-o', 'missing/r.json'], /^lambda-guard: cannot write missing\/r\.json: ENOENT \(the folder missing does not exist\)\n$/],
    [['-o', 'reports'], /^lambda-guard: cannot write reports: EISDIR \(it is a folder\)\n$/],
    [['-o', readOnly], /^lambda-guard: cannot write .+: (EACCES|EPERM|EIO|EROFS)\b.*\n$/],
  ];
  for (const [args, message] of cases) {
    const r = runCapped(['scan', 'good.yaml', ...args], dir);
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, message);
    assert.equal(r.stdout, '');
  }
  const dash = runCapped(['scan', 'good.yaml', '-o', '-f', 'json'], dir);
  assert.equal(dash.code, 2);
  assert.match(dash.stderr, /^lambda-guard: --output needs a value\n/);
  assert.ok(!/\n\s+at /.test(dash.stderr));
});
