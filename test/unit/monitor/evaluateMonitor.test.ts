import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluateMonitor, MonitorInputError } from '../../../src/core/monitor/evaluateMonitor';
import { monitorToJson } from '../../../src/core/monitor/monitorJson';
import { fixtureSnapshot } from '../baselines/accountFixture';
import { BASELINE, fixtureTelemetry, WINDOW } from '../baselines/monitorFixtureTelemetry';

const snapshot = fixtureSnapshot();
const telemetry = fixtureTelemetry();
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

test('every injected anomaly of the fixture, on the right function with the right rule, in time order', () => {
  const r = evaluateMonitor({ snapshot, telemetry, window: WINDOW, baseline: BASELINE });
  assert.deepEqual(
    r.alerts.map((a) => [a.time, a.ruleId, a.severity, a.functionName]),
    [
      ['2026-03-02T08:00:00.000Z', 'LG104', 'warning', 'api-a'],
      ['2026-03-02T09:30:00.000Z', 'LG103', 'error', 'api-a'],
      ['2026-03-02T10:17:00.000Z', 'LG101', 'warning', 'api-a'],
      ['2026-03-02T11:00:05.000Z', 'LG102', 'error', 'api-a'],
      // mallory changed no function while learning: error stays error.
      ['2026-03-02T12:00:00.000Z', 'LG104', 'error', 'worker'],
    ],
  );
  assert.deepEqual(r.alerts[3].sharedWith, ['api-a', 'api-b']);
  assert.equal(r.alerts[0].evidence.actorSeenBefore, true, 'the CI role deployed api-b during the baseline');
  assert.equal(r.alerts[0].evidence.codeSha256, 'bmV3');
  assert.deepEqual(r.errors, []);
});

test('per-function summaries: activity, expectations, warm-up and alert counts', () => {
  const r = evaluateMonitor({ snapshot, telemetry, window: WINDOW, baseline: BASELINE });
  assert.deepEqual(
    r.functions.map((f) => f.name),
    ['api-a', 'api-b', 'public-fn', 'worker'],
  );
  const [a, b, pub, worker] = r.functions;
  assert.equal(a.invocations, 1440 * 10 + 50);
  // Eight days of a flat 10 a minute: hourly median 600, σ √600 → 14,400 ± 2·24·√600.
  assert.deepEqual(a.expectedInvocations, { median: 14400, low: 13224, high: 15576 });
  assert.equal(a.peers, 2);
  assert.equal(a.newPeers, 1);
  assert.equal(a.calls, 25);
  assert.equal(a.newCalls, 1);
  assert.equal(a.changes, 1);
  assert.deepEqual(a.sharedWith, ['api-b']);
  assert.deepEqual(a.alerts, { total: 4, error: 2, warning: 2, info: 0 });
  assert.deepEqual(a.warmup, { ready: true, invocations: 'ready', invocationDays: 8, peers: 'ready', calls: 'ready', rejected: 'ready' });
  // api-b shares the interface, so the new peer counts for it too; it has no metrics.
  assert.deepEqual(b.alerts, { total: 1, error: 1, warning: 0, info: 0 });
  assert.equal(b.warmup.invocations, 'no-data');
  assert.equal(b.warmup.ready, false);
  assert.match(b.warmup.note ?? '', /no invocations in the baseline/);
  assert.equal(pub.warmup.peers, 'not-in-vpc');
  assert.equal(worker.changes, 1);
  assert.equal(worker.invocations, 1440 * 4);
});

test('--function keeps the named functions, shared-interface alerts included; an unknown name is an error', () => {
  const r = evaluateMonitor({ snapshot, telemetry, window: WINDOW, baseline: BASELINE, functions: ['api-b', 'nope'] });
  assert.deepEqual(
    r.functions.map((f) => f.name),
    ['api-b'],
  );
  assert.deepEqual(
    r.alerts.map((a) => a.ruleId),
    ['LG102'],
  );
  assert.deepEqual(r.errors, [{ service: 'lambda-guard', operation: 'monitor', kind: 'notFound', message: 'function nope is not in the account snapshot', resource: 'nope' }]);
});

test('bad ranges are specific errors', () => {
  assert.throws(() => evaluateMonitor({ snapshot, telemetry, window: { start: WINDOW.end, end: WINDOW.start }, baseline: BASELINE }), MonitorInputError);
  assert.throws(() => evaluateMonitor({ snapshot, telemetry, window: { start: new Date('x'), end: WINDOW.end }, baseline: BASELINE }), /window start is not a valid time/);
  assert.throws(
    () => evaluateMonitor({ snapshot, telemetry, window: WINDOW, baseline: { start: BASELINE.start, end: WINDOW.end } }),
    /baseline must end before the window starts/,
  );
});

test('monitor JSON: contract keys in order, ISO 8601 times, tool version', () => {
  const r = evaluateMonitor({ snapshot, telemetry, window: WINDOW, baseline: BASELINE });
  const doc = JSON.parse(monitorToJson(r, '9.9.9'));
  assert.deepEqual(Object.keys(doc), ['tool', 'window', 'baseline', 'alerts', 'functions', 'errors', 'summary']);
  assert.deepEqual(doc.tool, { name: 'lambda-guard', version: '9.9.9' });
  assert.deepEqual(doc.window, { start: '2026-03-02T00:00:00.000Z', end: '2026-03-03T00:00:00.000Z' });
  assert.deepEqual(doc.baseline, { start: '2026-02-22T00:00:00.000Z', end: '2026-03-02T00:00:00.000Z' });
  for (const a of doc.alerts) {
    assert.deepEqual(Object.keys(a).slice(0, 6), ['ruleId', 'severity', 'functionName', 'time', 'message', 'evidence']);
    assert.match(a.time, ISO);
  }
  assert.deepEqual(Object.keys(doc.functions[0]), [
    'name',
    'region',
    'arn',
    'invocations',
    'expectedInvocations',
    'peers',
    'newPeers',
    'calls',
    'newCalls',
    'changes',
    'sharedWith',
    'warmup',
    'alerts',
  ]);
  assert.equal(doc.functions[1].expectedInvocations, null);
  // api-b and public-fn have no invocation history.
  assert.deepEqual(doc.summary, { functions: 4, alerts: 5, error: 3, warning: 2, info: 0, warmingUp: 2 });
});

test('a known trail covers the baseline even when a function made no call: its first call is new', () => {
  const quiet = { ...telemetry, events: telemetry.events.filter((e) => !e.userIdentity.arn?.includes('/worker-role/')) };
  const call = {
    eventId: 'w-1',
    time: '2026-03-02T06:00:00.000Z',
    eventSource: 'sts.amazonaws.com',
    eventName: 'GetCallerIdentity',
    region: 'us-east-1',
    userIdentity: { type: 'AssumedRole', arn: 'arn:aws:sts::123456789012:assumed-role/worker-role/worker', sessionIssuerArn: 'arn:aws:iam::123456789012:role/worker-role' },
  };
  // Only api-a's calls were in the baseline; worker never called anything before 06:00 on the window day.
  const withTrail = evaluateMonitor({ snapshot, telemetry: { ...quiet, events: [...quiet.events, call], trails: [{ name: 't', region: 'us-east-1' }] }, window: WINDOW, baseline: BASELINE, functions: ['worker'] });
  assert.deepEqual(
    withTrail.alerts.map((a) => [a.ruleId, a.evidence.action ?? a.evidence.change]),
    [
      ['LG103', 'sts:GetCallerIdentity'],
      ['LG104', 'permission-added'],
    ],
  );
  // No trail known and no event in the baseline: CloudTrail coverage is unknown, so no call is judged.
  const noTrail = evaluateMonitor({ snapshot, telemetry: { ...quiet, events: [call], trails: [] }, window: WINDOW, baseline: BASELINE, functions: ['worker'] });
  assert.equal(noTrail.functions[0].warmup.calls, 'no-data');
  assert.equal(noTrail.alerts.length, 0);
});
