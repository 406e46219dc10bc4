import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildFunctionDashboard, DashboardInputError } from '../../../src/core/dashboard/functionDashboard';
import { buildOverview, compareOverviewRows, invocationSpark } from '../../../src/core/dashboard/overview';
import type { Alert } from '../../../src/core/model/alert';
import type { Finding } from '../../../src/core/model/finding';
import type { MonitorResult } from '../../../src/core/monitor/monitorResult';
import type { OverviewRow } from '../../../src/shared/protocol';
import { arnOf, fixtureSnapshot, series, T0, telemetry, trailEvent } from './dashboardFixture';

const row = (name: string, over: Partial<OverviewRow>): OverviewRow => ({ functionName: name, region: 'us-east-1', arn: arnOf(name), alerts: 0, errors: 0, warnings: 0, invocations: 0, spark: [], ...over });

test('the overview ranks open alerts first (worst severity, then how many), then risky findings, then names', () => {
  const rows = [
    row('quiet', {}),
    row('findings-warn', { warnings: 5 }),
    row('warn-alerts', { alerts: 3, worstAlert: 'warning' }),
    row('findings-err', { errors: 1 }),
    row('one-error-alert', { alerts: 1, worstAlert: 'error' }),
    row('two-error-alerts', { alerts: 2, worstAlert: 'error', errors: 0 }),
    row('aaa-quiet', {}),
  ];
  assert.deepEqual([...rows].sort(compareOverviewRows).map((r) => r.functionName), ['two-error-alerts', 'one-error-alert', 'warn-alerts', 'findings-err', 'findings-warn', 'aaa-quiet', 'quiet']);
});

test('a sparkline sums invocations per bucket of the range', () => {
  const s = series('api', 'Invocations', 60, [[0, 1], [59, 2], [60, 4], [119, 8], [120, 100]]);
  // Two buckets of 60 s over [0, 120): 1 + 2, 4 + 8; the point at 120 is outside.
  assert.deepEqual(invocationSpark([s], 0, 120, 2), { total: 15, spark: [3, 12] });
});

const alert = (fn: string, severity: Alert['severity'], time: number, extra: Partial<Alert> = {}): Alert => ({
  ruleId: 'LG101',
  severity,
  functionName: fn,
  region: 'us-east-1',
  time: new Date(time * 1000).toISOString(),
  message: `${fn} spike`,
  evidence: {},
  ...extra,
});

function monitor(alerts: Alert[], over: Partial<MonitorResult> = {}): MonitorResult {
  return { window: { start: '', end: '' }, baseline: { start: '', end: '' }, alerts, functions: [], errors: [], ...over };
}

const finding = (arn: string, severity: Finding['severity'], ruleId: string, suppressed = false): Finding => ({ ruleId, severity, message: `${ruleId} on ${arn}`, target: { arn }, suppressed });

test('the overview model: every function ranked, counts from alerts and unsuppressed findings, all alerts newest first', () => {
  const snapshot = fixtureSnapshot();
  const t = telemetry({ metrics: [series('etl', 'Invocations', 300, [[T0 + 300, 7], [T0 + 4000, 3]])] });
  const alerts = [alert('etl', 'warning', T0 + 100), alert('worker', 'error', T0 + 200, { ruleId: 'LG105', sharedWith: ['worker', 'api'] })];
  const findings: Record<string, Finding[]> = { [arnOf('cron')]: [finding(arnOf('cron'), 'error', 'LG006'), finding(arnOf('cron'), 'error', 'LG008', true)] };
  const m = buildOverview({ snapshot, data: { telemetry: t, monitor: monitor(alerts) }, findingsOf: (a) => findings[a] ?? [], range: { start: T0 * 1000, end: (T0 + 7200) * 1000, choice: { kind: 'custom', start: T0 * 1000, end: (T0 + 7200) * 1000 } }, sparkBuckets: 2, now: 5 });
  assert.equal(m.account, 'acme (123456789012)');
  assert.deepEqual(
    m.rows.map((r) => [r.functionName, r.alerts, r.worstAlert, r.errors, r.invocations, r.spark]),
    [
      ['api', 1, 'error', 0, 0, [0, 0]],
      ['worker', 1, 'error', 0, 0, [0, 0]],
      ['etl', 1, 'warning', 0, 10, [7, 3]],
      ['cron', 0, undefined, 1, 0, [0, 0]],
    ],
  );
  assert.deepEqual(m.alerts.map((a) => [a.ruleId, a.functionName, a.arn]), [['LG105', 'worker', arnOf('worker')], ['LG101', 'etl', arnOf('etl')]]);
  assert.equal(m.generatedAt, 5);
});

test("a function's model gathers its charts, alerts, peers, changes, findings and notes", () => {
  const snapshot = fixtureSnapshot();
  const t = telemetry({
    metrics: [series('api', 'Invocations', 300, [[T0, 5]])],
    events: [trailEvent('1', T0 + 60, 'UpdateFunctionCode20150331v2', 'api', 'bob')],
  });
  const result = monitor([alert('api', 'warning', T0 + 30), alert('etl', 'error', T0 + 40)], {
    errors: [{ service: 'logs', operation: 'FilterLogEvents', resource: '/vpc/flow', kind: 'denied', message: 'access denied' }],
  });
  const m = buildFunctionDashboard({
    snapshot,
    arn: arnOf('api'),
    data: { telemetry: t, monitor: result },
    findings: [finding(arnOf('api'), 'warning', 'LG014'), finding(arnOf('api'), 'info', 'LG015'), finding(arnOf('api'), 'error', 'LG006', true), finding(arnOf('api'), 'error', 'LG001')],
    range: { start: T0 * 1000, end: (T0 + 600) * 1000, choice: { kind: 'custom', start: T0 * 1000, end: (T0 + 600) * 1000 } },
  });
  assert.equal(m.functionName, 'api');
  assert.deepEqual(m.sharedWith, ['worker']);
  assert.deepEqual(m.charts[0].lines[0].values, [5, 0]);
  assert.deepEqual(m.alerts.map((a) => a.functionName), ['api']);
  assert.deepEqual(m.changes.map((c) => c.who), ['user bob']);
  // Unsuppressed first, by severity; suppressed last.
  assert.deepEqual(m.findings.map((f) => f.ruleId), ['LG001', 'LG014', 'LG015', 'LG006']);
  assert.ok(m.notes.includes('logs FilterLogEvents (/vpc/flow): access denied'), m.notes.join(' | '));
  assert.ok(m.notes.includes('No learned invocation baseline before this range: the chart has no expected band.'));
});

test('a function that is not in the account is a clear error', () => {
  assert.throws(
    () => buildFunctionDashboard({ snapshot: fixtureSnapshot(), arn: arnOf('gone'), data: { telemetry: telemetry({}), monitor: monitor([]) }, findings: [], range: { start: 0, end: 1, choice: { kind: '1h' } } }),
    (e: Error) => e instanceof DashboardInputError && e.message === `function ${arnOf('gone')} is not in the open account`,
  );
});
