import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { FunctionMonitorSummary, MonitorResult } from '../../../src/core/monitor/monitorResult';
import { monitorToText } from '../../../src/core/monitor/monitorText';

function summary(name: string, over: Partial<FunctionMonitorSummary> = {}): FunctionMonitorSummary {
  return {
    name,
    region: 'us-east-1',
    invocations: 0,
    peers: 0,
    newPeers: 0,
    calls: 0,
    newCalls: 0,
    changes: 0,
    warmup: { ready: true, invocations: 'ready', invocationDays: 13, peers: 'ready', calls: 'ready', rejected: 'ready' },
    alerts: { total: 0, error: 0, warning: 0, info: 0 },
    ...over,
  };
}

const RESULT: MonitorResult = {
  window: { start: '2026-03-02T00:00:00.000Z', end: '2026-03-03T00:00:00.000Z' },
  baseline: { start: '2026-02-17T00:00:00.000Z', end: '2026-03-02T00:00:00.000Z' },
  alerts: [
    { ruleId: 'LG101', severity: 'warning', functionName: 'api', region: 'us-east-1', time: '2026-03-02T10:17:00.000Z', message: 'Spike\nhere.', evidence: {} },
    { ruleId: 'LG102', severity: 'error', functionName: 'api', region: 'us-east-1', time: '2026-03-02T11:00:05.000Z', message: 'New peer (interface shared by api, jobs).', evidence: {}, sharedWith: ['api', 'jobs'] },
    { ruleId: 'LG104', severity: 'info', functionName: 'gone', region: 'us-east-1', time: '2026-03-02T12:00:00.000Z', message: 'Tags changed.', evidence: {} },
  ],
  functions: [
    summary('api', {
      invocations: 14450,
      expectedInvocations: { median: 14400, low: 13224, high: 15576 },
      peers: 2,
      newPeers: 1,
      calls: 25,
      changes: 1,
      sharedWith: ['jobs'],
      alerts: { total: 2, error: 1, warning: 1, info: 0 },
    }),
    summary('edge', {
      invocations: 1,
      peers: 0,
      warmup: { ready: false, invocations: 'warming-up', invocationDays: 2.5, peers: 'not-in-vpc', calls: 'ready', rejected: 'not-in-vpc', note: 'invocation baseline warming up (2.5 of 7 days learned): no spike alerts yet' },
    }),
  ],
  errors: [{ service: 'cloudtrail', operation: 'LookupEvents', kind: 'throttled', message: 'Rate exceeded' }],
};

test('text: grouped by function, plain words, errors, severity counts', () => {
  assert.equal(
    monitorToText(RESULT),
    [
      'Window 2026-03-02 00:00 – 2026-03-03 00:00 UTC, judged against 2026-02-17 00:00 – 2026-03-02 00:00 UTC',
      '',
      'api (us-east-1) — shares its network interfaces with jobs',
      '  14,450 invocations (expected 13,224–15,576) · 2 peers (1 new) · 25 API calls · 1 change',
      '  2026-03-02 10:17  warning  LG101  Spike here.',
      '  2026-03-02 11:00  error    LG102  New peer (interface shared by api, jobs).',
      '',
      'edge (us-east-1)',
      '  1 invocation · not in a VPC · 0 API calls · 0 changes',
      '  learning: invocation baseline warming up (2.5 of 7 days learned): no spike alerts yet',
      '',
      'Other functions (not in the snapshot):',
      '  2026-03-02 12:00  info     LG104  Tags changed.  [gone]',
      '',
      'Errors:',
      '  cloudtrail LookupEvents: Rate exceeded',
      '',
      '3 alerts (1 error, 1 warning, 1 info) on 1 of 2 functions.',
      '',
    ].join('\n'),
  );
});

test('text: no alerts', () => {
  const quiet: MonitorResult = { ...RESULT, alerts: [], errors: [], functions: [summary('api')] };
  assert.match(monitorToText(quiet), /\nNo alerts on 1 function\.\n$/);
});
