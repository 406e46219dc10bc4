import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadDemoAccount } from '../../../src/core/inventory/snapshot/demoAccount';
import { demoTelemetry } from '../../../src/core/inventory/snapshot/demoTelemetry';
import { snapshotSource, telemetryBetween } from '../../../src/core/inventory/snapshot/snapshotSource';
import type { FlowSummary, Telemetry, TrailEvent } from '../../../src/core/inventory/telemetryModel';
import { fn, snapshot } from './auditBuilders';

// A snapshot (or the demo account) as an account source: regions chosen from what it holds, telemetry cut
// to the range asked for.

const T0 = Date.parse('2026-05-01T00:00:00Z') / 1000;
const H = 3600;
const iso = (s: number): string => new Date(s * 1000).toISOString();
const flowHour = (first: number, last: number): FlowSummary => {
  return { interfaceId: 'eni-1', peer: '10.0.0.9', port: 443, protocol: 6, direction: 'egress', bytes: 1, packets: 1, accepted: 1, rejected: 0, first, last };
};
const event = (eventId: string, time: number, eventName: string): TrailEvent => {
  return { eventId, time: iso(time), eventSource: 'lambda.amazonaws.com', eventName, region: 'us-east-1', userIdentity: {} };
};

function telemetry(): Telemetry {
  return {
    start: iso(T0),
    end: iso(T0 + 10 * H),
    metrics: [
      {
        functionName: 'a',
        region: 'us-east-1',
        metric: 'Invocations',
        period: H,
        timestamps: [0, 1, 2, 3, 4].map((i) => T0 + i * H),
        values: [10, 11, 12, 13, 14],
      },
      { functionName: 'b', region: 'us-east-1', metric: 'Invocations', period: H, timestamps: [T0 + 2 * H], values: [5] },
    ],
    flows: [
      flowHour(T0 + 10, T0 + 3000),
      flowHour(T0 + H + 10, T0 + H + 3000),
      flowHour(T0 + 3 * H + 10, T0 + 3 * H + 3000),
    ],
    flowGaps: [],
    flowLogs: [],
    events: [
      event('e1', T0 + H - 1, 'UpdateFunctionCode20150331v2'),
      event('e2', T0 + H, 'AddPermission20150331v2'),
      event('e3', T0 + 3 * H, 'AddPermission20150331v2'),
    ],
    trails: [],
  };
}

test('telemetryBetween: points and events in [start, end), flow hours that overlap it, range clamped to the data', () => {
  const t = telemetryBetween(telemetry(), new Date((T0 + H) * 1000), new Date((T0 + 3 * H) * 1000));
  assert.equal(t.start, iso(T0 + H));
  assert.equal(t.end, iso(T0 + 3 * H));
  assert.deepEqual(t.metrics[0].timestamps, [T0 + H, T0 + 2 * H]);
  assert.deepEqual(t.metrics[0].values, [11, 12]);
  assert.deepEqual(t.flows.map((f) => f.first), [T0 + H + 10]);
  assert.deepEqual(t.events.map((e) => e.eventId), ['e2']);
  // Asking for more than the data holds gives the data's own range.
  const wide = telemetryBetween(telemetry(), new Date((T0 - 100 * H) * 1000), new Date((T0 + 100 * H) * 1000));
  assert.equal(wide.start, iso(T0));
  assert.equal(wide.end, iso(T0 + 10 * H));
  assert.equal(wide.events.length, 3);
});

test('telemetryBetween: a flow hour that starts before the range and ends inside it is kept', () => {
  const t = telemetryBetween(telemetry(), new Date((T0 + 1800) * 1000), new Date((T0 + 2 * H) * 1000));
  assert.deepEqual(t.flows.map((f) => f.first), [T0 + 10, T0 + H + 10]);
});

test('telemetryBetween: metrics of the named functions only', () => {
  const t = telemetryBetween(telemetry(), new Date(T0 * 1000), new Date((T0 + 10 * H) * 1000), ['b']);
  assert.deepEqual(t.metrics.map((m) => m.functionName), ['b']);
});

test('snapshotSource: regions asked for that the snapshot has, functions of those regions; no telemetry is empty telemetry', async () => {
  const s = snapshot({ functions: [fn('east'), { ...fn('west'), region: 'us-west-2' }] });
  s.regions = ['us-east-1', 'us-west-2'];
  const src = snapshotSource(s, 'snapshot x.json');
  assert.equal(src.label, 'snapshot x.json');
  const west = await src.collect({ regions: ['us-west-2', 'eu-north-1'] });
  assert.deepEqual(west.regions, ['us-west-2']);
  assert.deepEqual(west.functions.map((f) => f.name), ['west']);
  assert.deepEqual((await src.collect()).functions.map((f) => f.name), ['east', 'west']);
  const start = new Date('2026-05-01T00:00:00Z');
  const end = new Date('2026-05-02T00:00:00Z');
  const t = await src.collectTelemetry(s, { start, end });
  assert.deepEqual([t.start, t.end, t.metrics, t.flows, t.events], [start.toISOString(), end.toISOString(), [], [], []]);
});

test('the demo account: 13 functions in two regions, collected "now"; its telemetry: 14 days to the hour of now, five anomalies in the last day', () => {
  const now = new Date('2026-06-10T15:42:00Z');
  const demo = loadDemoAccount(now);
  assert.equal(demo.functions.length, 13);
  assert.deepEqual(demo.regions, ['us-east-1', 'us-west-2']);
  assert.equal(demo.collectedAt, now.toISOString());
  const { telemetry: t, labels } = demoTelemetry(demo, now);
  const end = Date.parse('2026-06-10T15:00:00Z');
  assert.equal(Date.parse(t.end), end);
  assert.equal(Date.parse(t.start), end - 14 * 86400_000);
  assert.deepEqual(
    labels.map((l) => `${l.ruleId} ${l.functionName}`).sort(),
    ['LG101 orders-api', 'LG102 analytics-etl', 'LG103 payments-webhook', 'LG104 receipts-ReportFunction-9KD2PL', 'LG105 orders-worker'],
  );
  for (const l of labels) assert.ok(Date.parse(l.start) >= end - 86400_000 && Date.parse(l.start) < end, `${l.ruleId} at ${l.start}`);
  for (const e of t.events) assert.ok(Date.parse(e.time) >= Date.parse(t.start) && Date.parse(e.time) < end, e.time);
  const change = t.events.find((e) => e.eventName.startsWith('UpdateFunctionCode') && Date.parse(e.time) === end - 9 * 3600_000);
  assert.equal(change?.userIdentity.arn, 'arn:aws:iam::123456789012:user/bob');
});
