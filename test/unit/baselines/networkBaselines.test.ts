import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildFunctionGroups } from '../../../src/core/baselines/functionGroups';
import { detectNewPeers } from '../../../src/core/baselines/newPeers';
import { learnPeers, type GroupPeerModel } from '../../../src/core/baselines/peerModel';
import { learnRejected, type RejectedModel } from '../../../src/core/baselines/rejectedModel';
import { detectRejectedSpikes } from '../../../src/core/baselines/rejectedSpikes';
import type { FlowSummary } from '../../../src/core/inventory/telemetryModel';
import { fixtureSnapshot, flow, hourly, T } from './accountFixture';

const WIN = { start: T('2026-03-02T00:00:00Z'), end: T('2026-03-03T00:00:00Z') };
const groups = buildFunctionGroups(fixtureSnapshot());
const app = groups.byFunction.get('us-east-1/api-a')!;
const worker = groups.byFunction.get('us-east-1/worker')!;

function learned(flows: FlowSummary[], from: number): Map<string, GroupPeerModel> {
  const models = new Map<string, GroupPeerModel>();
  learnPeers(models, flows, groups, from, WIN.start);
  return models;
}

test('function groups: same security groups share interfaces; a function outside a VPC has none', () => {
  assert.deepEqual(
    app.functions.map((f) => f.name),
    ['api-a', 'api-b'],
  );
  assert.equal(groups.byInterface.get('eni-app-b'), app);
  assert.equal(groups.byFunction.get('us-east-1/public-fn'), undefined);
});

const FIVE_DAYS_BEFORE = WIN.start - 5 * 86400;
const baseline = hourly(FIVE_DAYS_BEFORE, WIN.start, (h) => [
  flow('eni-app-a', '10.0.1.5', 5432, h),
  flow('eni-app-b', '10.0.1.5', 5432, h),
  flow('eni-app-a', '198.51.100.1', 22, h, { direction: 'ingress', accepted: 0, rejected: 2 }),
  ...[1, 2, 3, 4, 5, 6, 7, 8].map((i) => flow('eni-worker', `52.0.0.${i}`, 443, h)),
]);

test('LG102: a new peer is alerted on the functions behind the interface; known and rejected-only peers are not', () => {
  const models = learned(baseline, FIVE_DAYS_BEFORE);
  const ten = T('2026-03-02T10:00:00Z');
  const windowFlows = [
    flow('eni-app-a', '10.0.1.5', 5432, ten),
    flow('eni-app-b', '203.0.113.9', 4444, ten, { accepted: 2, bytes: 5000 }),
    flow('eni-app-a', '10.0.1.77', 5432, ten + 3600),
    flow('eni-app-a', '198.51.100.200', 23, ten, { direction: 'ingress', accepted: 0, rejected: 1 }),
  ];
  const { alerts, summary } = detectNewPeers(models.get(app.key), windowFlows, app, groups, WIN);
  assert.deepEqual(summary, { state: 'ready', historyDays: 5, peers: 3, newPeers: 2 });
  assert.equal(alerts.length, 2);
  const [internet, internal] = alerts;
  // Only api-a has subnet-b, so eni-app-b is api-a's alone.
  assert.equal(internet.functionName, 'api-a');
  assert.equal(internet.sharedWith, undefined);
  assert.equal(internet.severity, 'error', 'an internet peer on a port other than 80/443');
  assert.equal(internet.time, '2026-03-02T10:00:05.000Z');
  assert.equal(internet.evidence.peer, '203.0.113.9');
  assert.equal(internet.evidence.port, 4444);
  assert.equal(internet.evidence.protocol, 6);
  assert.equal(internet.evidence.direction, 'egress');
  assert.equal(internet.evidence.bytes, 5000);
  assert.equal(internet.evidence.knownPeers, 1);
  assert.equal(internet.evidence.network, 'internet', 'a documentation-range address stands for a public host');
  // eni-app-a is in subnet-a, which both functions use.
  assert.equal(internal.functionName, 'api-a');
  assert.deepEqual(internal.sharedWith, ['api-a', 'api-b']);
  assert.equal(internal.severity, 'warning');
  assert.equal(internal.evidence.peer, '10.0.1.77');
  assert.equal(internal.evidence.network, 'private');
});

test('LG102: a new address on a port where the group already reached many rotating internet addresses is expected', () => {
  const models = learned(baseline, FIVE_DAYS_BEFORE);
  const h = T('2026-03-02T08:00:00Z');
  const { alerts } = detectNewPeers(models.get(worker.key), [flow('eni-worker', '52.0.0.99', 443, h), flow('eni-worker', '52.0.0.99', 8443, h)], worker, groups, WIN);
  assert.deepEqual(
    alerts.map((a) => [a.evidence.peer, a.evidence.port]),
    [['52.0.0.99', 8443]],
  );
});

test('LG102 warm-up: less than three days of flow records, no alert', () => {
  const twoDays = WIN.start - 2 * 86400;
  const models = learned(
    baseline.filter((f) => f.first >= twoDays),
    twoDays,
  );
  const { alerts, summary } = detectNewPeers(models.get(app.key), [flow('eni-app-a', '203.0.113.9', 4444, WIN.start)], app, groups, WIN);
  assert.equal(alerts.length, 0);
  assert.equal(summary.state, 'warming-up');
});

test('LG105: rejected records above the learned hourly band; consecutive hours are one alert', () => {
  const models = new Map<string, RejectedModel>();
  learnRejected(models, baseline, groups, FIVE_DAYS_BEFORE, WIN.start);
  const model = models.get(app.key)!;
  assert.equal(model.historySeconds, 5 * 86400);
  const rejected = (h: number, n: number): FlowSummary => flow('eni-app-a', '198.51.100.1', 22, h, { direction: 'ingress', accepted: 0, rejected: n });
  const scan = (h: number): FlowSummary[] =>
    Array.from({ length: 150 }, (_, i) => flow('eni-app-a', '203.0.113.50', 1000 + i, h, { direction: 'ingress', accepted: 0, rejected: 1, first: h + 60 + i }));
  const at = (s: string): number => T(`2026-03-02T${s}:00Z`);
  // Every baseline hour had 2: median 2, MAD 0, mean |dev| 0 → σ = √2.
  // upper = max(2 + max(5·√2, 2·1, 10), (√2 + 2.5)²) = max(12, 2 + 5·√2 + 6.25 = 15.32) = 15.32: 15 in an hour is not a spike.
  const windowFlows = [rejected(at('10:00'), 15), rejected(at('14:00'), 2), ...scan(at('14:00')), rejected(at('15:00'), 2), ...scan(at('15:00'))];
  const { alerts, summary } = detectRejectedSpikes(model, windowFlows, app, groups, WIN);
  assert.equal(summary.rejected, 15 + 2 + 150 + 2 + 150);
  assert.equal(alerts.length, 1);
  const a = alerts[0];
  assert.equal(a.ruleId, 'LG105');
  assert.equal(a.severity, 'error', 'one peer on 150 ports is a scan');
  assert.equal(a.time, '2026-03-02T14:00:05.000Z');
  assert.equal(a.evidence.rejectedRecords, 304);
  assert.equal(a.evidence.peakPerHour, 152);
  assert.equal(a.evidence.expectedPerHour, 2);
  assert.equal(a.evidence.expectedUpper, 15.32);
  assert.equal(a.evidence.start, '2026-03-02T14:00:00.000Z');
  assert.equal(a.evidence.end, '2026-03-02T16:00:00.000Z');
  assert.deepEqual((a.evidence.topPeers as unknown[])[0], { peer: '203.0.113.50', rejected: 300, ports: 150 });
  assert.deepEqual(a.sharedWith, ['api-a', 'api-b']);
});
