import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../src/cli/main';
import { memoryIo } from '../unit/audit/auditBuilders';

// `lambda-guard monitor --demo` in process. The demo's telemetry (src/core/inventory/snapshot/demoTelemetry.ts)
// covers the 14 days up to the last full hour before now, with five anomalies injected in its last day,
// each at a whole number of hours before that hour:
//   5 h  invocation spike on orders-api                         → LG101
//   7 h  traffic to a new internet peer on an odd port from analytics-etl → LG102
//   3 h  an API call payments-webhook's role never made          → LG103
//   9 h  UpdateFunctionCode on receipts-ReportFunction-9KD2PL by user bob → LG104
//   2 h  a port scan on the ENI orders-api and orders-worker share → LG105
// Nothing else in the demo is anomalous: no other alert may appear.

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/;
const INJECTED: { ruleId: string; fn: string; hoursBefore: number }[] = [
  { ruleId: 'LG101', fn: 'orders-api', hoursBefore: 5 },
  { ruleId: 'LG102', fn: 'analytics-etl', hoursBefore: 7 },
  { ruleId: 'LG103', fn: 'payments-webhook', hoursBefore: 3 },
  { ruleId: 'LG104', fn: 'receipts-ReportFunction-9KD2PL', hoursBefore: 9 },
  { ruleId: 'LG105', fn: 'orders-worker', hoursBefore: 2 },
];

interface Alert {
  ruleId: string;
  severity: string;
  functionName: string;
  time: string;
  message: string;
  evidence: Record<string, unknown>;
  sharedWith?: string[];
}
interface Report {
  tool: { name: string };
  window: { start: string; end: string };
  baseline: { start: string; end: string };
  alerts: Alert[];
  functions: { name: string }[];
  errors: unknown[];
}
interface Run {
  code: number;
  out: string;
  err: string;
  /** Wall-clock bounds of the run: "now" for the command lies between them. */
  before: number;
  after: number;
}

async function monitor(args: string[], cwd = os.tmpdir()): Promise<Run> {
  const io = memoryIo(cwd);
  const before = Date.now();
  const code = await main(['monitor', ...args], io);
  return { code, out: io.out, err: io.err, before, after: Date.now() };
}

// Each full run generates two weeks of telemetry: run each once, share the result between tests.
const memo = new Map<string, Promise<Run>>();
const once = (args: string[]): Promise<Run> => {
  const k = args.join(' ');
  if (!memo.has(k)) memo.set(k, monitor(args));
  return memo.get(k)!;
};
const DEFAULTS = ['--demo', '--format', 'json'];
const ACCEPTANCE = ['--demo', '--since', '24h', '--baseline', '13d', '--format', 'json'];

const about = (a: Alert, fn: string): boolean => a.functionName === fn || (a.sharedWith ?? []).includes(fn);

function assertWindows(r: Report, run: Run, since: number, baseline: number): void {
  for (const t of [r.window.start, r.window.end, r.baseline.start, r.baseline.end]) assert.match(t, ISO);
  const end = Date.parse(r.window.end);
  assert.ok(end >= Math.floor(run.before / 1000) * 1000 && end <= run.after, `the window ends now: ${r.window.end}`);
  assert.equal(end - Date.parse(r.window.start), since);
  assert.equal(r.baseline.end, r.window.start, 'the baseline ends where the window starts');
  assert.equal(Date.parse(r.baseline.end) - Date.parse(r.baseline.start), baseline);
}

function assertInjectedAlerts(r: Report): void {
  // The demo's data ends on the hour before the window's end (or the hour before that, if the clock crossed an hour meanwhile).
  const lastHour = Math.floor(Date.parse(r.window.end) / HOUR) * HOUR;
  for (const x of INJECTED) {
    const hits = r.alerts.filter((a) => a.ruleId === x.ruleId && about(a, x.fn));
    assert.equal(hits.length, 1, `${x.ruleId} on ${x.fn}: ${JSON.stringify(r.alerts.map((a) => [a.ruleId, a.functionName]))}`);
    const t = Date.parse(hits[0].time);
    const injected = lastHour - x.hoursBefore * HOUR;
    assert.ok(t >= injected - HOUR && t < injected + HOUR, `${x.ruleId} at ${hits[0].time}, injected about ${new Date(injected).toISOString()}`);
    assert.match(hits[0].time, ISO);
  }
  assert.equal(r.alerts.length, INJECTED.length, `no alert on clean traffic: ${JSON.stringify(r.alerts.map((a) => [a.ruleId, a.functionName]))}`);
}

test('monitor --demo --format json: contract keys and order, a 24 h window ending now after a 14-day baseline', async () => {
  const run = await once(DEFAULTS);
  const r = JSON.parse(run.out) as Report;
  assert.deepEqual(Object.keys(r).slice(0, 6), ['tool', 'window', 'baseline', 'alerts', 'functions', 'errors']);
  assert.equal(r.tool.name, 'lambda-guard');
  assertWindows(r, run, DAY, 14 * DAY);
  for (const a of r.alerts) assert.deepEqual(Object.keys(a).slice(0, 6), ['ruleId', 'severity', 'functionName', 'time', 'message', 'evidence']);
  assert.equal(r.functions.length, 13);
  assert.deepEqual(r.errors, []);
});

test('monitor --demo: the five injected anomalies on the right functions and rules, nothing else; exit 1', async () => {
  const run = await once(DEFAULTS);
  assert.equal(run.code, 1);
  assertInjectedAlerts(JSON.parse(run.out) as Report);
  assert.match(run.err, /^lambda-guard: ✖ 5 alerts \(/);
});

test('monitor --demo: the evidence names who changed the code, the new peer and port, the shared ENI', async () => {
  const r = JSON.parse((await once(DEFAULTS)).out) as Report;
  const change = r.alerts.find((a) => a.ruleId === 'LG104')!;
  assert.match(change.message, /\bbob\b/);
  assert.ok(JSON.stringify(change.evidence).includes('arn:aws:iam::123456789012:user/bob'), JSON.stringify(change.evidence));
  const peer = r.alerts.find((a) => a.ruleId === 'LG102')!;
  // An internet address on one of the odd ports the injection picks from; the learned peers are 10.0.20.15:5432 and S3 on 443.
  assert.ok([4444, 6667, 1337, 9001, 2222, 8081, 5555].includes(peer.evidence.port as number), JSON.stringify(peer.evidence));
  assert.ok(!String(peer.evidence.peer).startsWith('10.'), JSON.stringify(peer.evidence));
  const scan = r.alerts.find((a) => a.ruleId === 'LG105')!;
  assert.deepEqual([...(scan.sharedWith ?? [])].sort(), ['orders-api', 'orders-worker']);
});

test('monitor --since 24h --baseline 13d (the acceptance command): a 13-day baseline, the same five alerts', async () => {
  const run = await once(ACCEPTANCE);
  const r = JSON.parse(run.out) as Report;
  assertWindows(r, run, DAY, 13 * DAY);
  assertInjectedAlerts(r);
  assert.equal(run.code, 1);
});

test('monitor --snapshot FILE: a snapshot saved with 15 days of demo telemetry gives the same five alerts offline', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lg-monitor-'));
  const saved = memoryIo(dir);
  assert.equal(await main(['snapshot', '--demo', '--telemetry', '15d', '-o', 'demo.json'], saved), 0, saved.err);
  const run = await monitor(['--snapshot', 'demo.json', '--since', '24h', '--baseline', '13d', '--format', 'json'], dir);
  const r = JSON.parse(run.out) as Report;
  assertWindows(r, run, DAY, 13 * DAY);
  assertInjectedAlerts(r);
  assert.equal(run.code, 1);
});

test('monitor --function orders-api: only that function and the alerts about it; --fail-on none exits 0 despite them', async () => {
  const run = await monitor(['--demo', '--function', 'orders-api', '--format', 'json', '--fail-on', 'none']);
  assert.equal(run.code, 0);
  const r = JSON.parse(run.out) as Report;
  assert.deepEqual(r.functions.map((f) => f.name), ['orders-api']);
  for (const a of r.alerts) assert.ok(about(a, 'orders-api'), `${a.ruleId} on ${a.functionName}`);
  // Its spike, and the port scan on the ENI it shares with orders-worker.
  assert.deepEqual(r.alerts.map((a) => a.ruleId).sort(), ['LG101', 'LG105']);
});

test('monitor --function payments-webhook: its one alert (the unusual call); the summary line counts in the singular', async () => {
  const run = await monitor(['--demo', '--function', 'payments-webhook', '--format', 'json', '--fail-on', 'none']);
  const r = JSON.parse(run.out) as Report;
  assert.deepEqual(r.alerts.map((a) => `${a.ruleId} ${a.functionName}`), ['LG103 payments-webhook']);
  assert.match(run.err, /^lambda-guard: ✖ 1 alert \(/);
  assert.doesNotMatch(run.err, /\b1 (errors|warnings|functions)\b/, run.err);
  assert.match(run.err, / · 1 function\n$/);
});

test('monitor usage errors (exit 2): an unknown function, a zero or malformed duration, a bad engine', async () => {
  const cases: [string[], RegExp][] = [
    [['--demo', '--function', 'nope'], /^lambda-guard: --function: no function named nope in demo account/],
    [['--demo', '--since', '0h'], /^lambda-guard: --since must be a duration such as 90m, 24h, 14d or 2w, not "0h"\n/],
    [['--demo', '--since', 'abc'], /^lambda-guard: --since must be a duration such as 90m, 24h, 14d or 2w, not "abc"\n/],
    [['--demo', '--baseline', '-3d'], /^lambda-guard: --baseline needs a value\n/],
    [['--demo', '--baseline', '2x'], /^lambda-guard: --baseline must be a duration/],
    [['--demo', '--logs-engine', 'athena'], /^lambda-guard: --logs-engine must be one of auto\|filter\|insights, not "athena"\n/],
    [['--demo', '--format', 'sarif'], /^lambda-guard: --format must be one of text\|json\|html, not "sarif"\n/],
  ];
  for (const [args, message] of cases) {
    const r = await monitor(args);
    assert.equal(r.code, 2, args.join(' '));
    assert.equal(r.out, '', args.join(' '));
    assert.match(r.err, message);
    assert.match(r.err, /\nTry: lambda-guard monitor --help\n$/);
  }
});

test('monitor --format html: a self-contained report with static SVG charts and the alerts, and no script', async () => {
  const io = memoryIo(mkdtempSync(path.join(os.tmpdir(), 'lg-monitor-html-')));
  const code = await main(['monitor', '--demo', '--format', 'html', '--function', 'receipts-ReportFunction-9KD2PL'], io);
  assert.equal(code, 1, 'the LG104 alert (error) fails the run');
  const html = io.out;
  assert.match(html, /^<!DOCTYPE html>/i);
  assert.match(html, /<svg[\s>]/, 'charts are inline SVG');
  assert.match(html, /LG104/);
  assert.match(html, /user bob/);
  assert.doesNotMatch(html, /<script/i, 'no script in a report');
});
