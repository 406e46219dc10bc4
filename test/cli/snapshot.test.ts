import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../src/cli/main';
import { snapshotFromJson } from '../../src/core/inventory/snapshot/snapshotFile';
import { memoryIo } from '../unit/audit/auditBuilders';

// `lambda-guard snapshot` in process: the demo account written to a file that `audit --snapshot` reads
// back, optionally with telemetry for `monitor --snapshot`.

async function cli(args: string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
  const io = memoryIo(cwd);
  const code = await main(args, io);
  return { code, out: io.out, err: io.err };
}

const tmp = (): string => mkdtempSync(path.join(os.tmpdir(), 'lg-snapshot-'));
const HOUR = 3600_000;

test('snapshot --demo -o FILE writes a snapshot that audit --snapshot reads back with the same findings', async () => {
  const dir = tmp();
  const w = await cli(['snapshot', '--demo', '-o', 'demo.json'], dir);
  assert.equal(w.code, 0, w.err);
  assert.equal(w.out, '');
  assert.equal(w.err, 'lambda-guard: 13 functions in 2 regions (report written to demo.json)\n');
  const s = snapshotFromJson(readFileSync(path.join(dir, 'demo.json'), 'utf8'), 'demo.json');
  assert.equal(s.functions.length, 13);
  assert.equal(s.account.id, '123456789012');
  assert.equal(s.telemetry, undefined, 'no --telemetry, no telemetry');

  const fromFile = await cli(['audit', '--snapshot', 'demo.json', '--format', 'json'], dir);
  const fromDemo = await cli(['audit', '--demo', '--format', 'json'], dir);
  assert.equal(fromFile.code, fromDemo.code);
  type JsonFinding = { ruleId: string; severity: string; message: string; target: { functionName: string } };
  const key = (f: JsonFinding) => `${f.target.functionName} ${f.ruleId} ${f.severity} ${f.message}`;
  const a = JSON.parse(fromFile.out);
  const b = JSON.parse(fromDemo.out);
  assert.ok(b.findings.length > 0);
  assert.deepEqual(a.findings.map(key), b.findings.map(key));
  assert.deepEqual(a.functions, b.functions);
});

test('snapshot --telemetry 2d stores the telemetry of the two days before now', async () => {
  const dir = tmp();
  const before = Date.now();
  const w = await cli(['snapshot', '--demo', '--telemetry', '2d', '-o', 'with-telemetry.json'], dir);
  const after = Date.now();
  assert.equal(w.code, 0, w.err);
  const t = snapshotFromJson(readFileSync(path.join(dir, 'with-telemetry.json'), 'utf8'), 'x').telemetry;
  assert.ok(t, 'telemetry stored');
  const start = Date.parse(t.start);
  const end = Date.parse(t.end);
  assert.ok(start >= before - 48 * HOUR && start <= after - 48 * HOUR, `starts two days before now: ${t.start}`);
  // The demo's telemetry ends on the hour before now.
  assert.ok(end <= after && end > before - HOUR, `ends now: ${t.end}`);
  assert.ok(t.metrics.length > 0 && t.events.length > 0 && t.flows.length > 0);
  for (const m of t.metrics) for (const ts of m.timestamps) assert.ok(ts * 1000 >= start && ts * 1000 < end, `${m.functionName} ${m.metric} point at ${ts}`);
  for (const e of t.events) assert.ok(Date.parse(e.time) >= start && Date.parse(e.time) < end, e.time);
  for (const f of t.flows) assert.ok(f.last * 1000 >= start && f.first * 1000 < end, `flow ${f.first}-${f.last}`);
});

test('snapshot usage errors: no -o, a bad --telemetry, a path; nothing is written', async () => {
  const dir = tmp();
  const cases: [string[], RegExp][] = [
    [['snapshot', '--demo'], /^lambda-guard: snapshot needs -o FILE\n/],
    [['snapshot', '--demo', '--telemetry', 'abc', '-o', 'x.json'], /^lambda-guard: --telemetry must be a duration such as 90m, 24h, 14d or 2w, not "abc"\n/],
    [['snapshot', '--demo', '--telemetry', '0d', '-o', 'x.json'], /--telemetry must be a duration/],
    [['snapshot', '--demo', 'out.json'], /^lambda-guard: snapshot takes no paths \(out\.json\)\n/],
    [['snapshot', '--demo', '--snapshot', 'y.json', '-o', 'x.json'], /--demo and --snapshot are exclusive/],
  ];
  for (const [args, message] of cases) {
    const r = await cli(args, dir);
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.err, message);
    assert.match(r.err, /\nTry: lambda-guard snapshot --help\n$/);
  }
  assert.equal(existsSync(path.join(dir, 'x.json')), false);
});

test('snapshot of a one-function account: the summary counts in the singular', async () => {
  const dir = tmp();
  const io = memoryIo(dir);
  assert.equal(await main(['snapshot', '--demo', '-o', 'demo.json'], io), 0);
  const s = JSON.parse(readFileSync(path.join(dir, 'demo.json'), 'utf8'));
  s.functions = s.functions.filter((f: { name: string }) => f.name === 'orders-api');
  s.regions = ['us-east-1'];
  writeFileSync(path.join(dir, 'one.json'), JSON.stringify(s));
  const r = await cli(['snapshot', '--snapshot', 'one.json', '-o', 'again.json'], dir);
  assert.equal(r.code, 0);
  assert.equal(r.err, 'lambda-guard: 1 function in 1 region (report written to again.json)\n');
});

test('snapshot -o into a folder that does not exist is a usage error naming the file', async () => {
  const r = await cli(['snapshot', '--demo', '-o', 'no/such/dir/s.json'], tmp());
  assert.equal(r.code, 2);
  assert.match(r.err, /^lambda-guard: cannot write no\/such\/dir\/s\.json: ENOENT\n/);
});
