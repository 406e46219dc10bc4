import { test } from 'node:test';
import assert from 'node:assert/strict';
import { acceptAlert } from '../../../src/core/baselines/acceptAlert';
import { updateBaselines } from '../../../src/core/baselines/learnedBaselines';
import { BaselinesFormatError, deserializeBaselines, serializeBaselines } from '../../../src/core/baselines/persistBaselines';
import { evaluateMonitor } from '../../../src/core/monitor/evaluateMonitor';
import { fixtureSnapshot } from './accountFixture';
import { BASELINE, fixtureTelemetry, WINDOW } from './monitorFixtureTelemetry';

const snapshot = fixtureSnapshot();
const telemetry = fixtureTelemetry();

test('serialize → deserialize → serialize gives the same text, and the same alerts', () => {
  const learned = updateBaselines(undefined, snapshot, telemetry, BASELINE);
  const text = serializeBaselines(learned);
  const { baselines, warnings } = deserializeBaselines(text);
  assert.deepEqual(warnings, []);
  assert.equal(serializeBaselines(baselines), text);
  const doc = JSON.parse(text);
  assert.equal(doc.format, 'lambda-guard-baselines');
  assert.equal(doc.version, 1);
  assert.deepEqual(
    doc.invocations.map((i: { function: string }) => i.function),
    ['us-east-1/api-a', 'us-east-1/worker'],
  );
  const fresh = evaluateMonitor({ snapshot, telemetry, window: WINDOW, baseline: BASELINE });
  const kept = evaluateMonitor({ snapshot, telemetry, window: WINDOW, baseline: BASELINE, learned: baselines });
  assert.deepEqual(kept, fresh);
  assert.ok(fresh.alerts.length >= 4, 'the fixture has anomalies to compare');
});

test('learning is incremental: two updates without ageing equal one learn over the whole baseline', () => {
  const mid = new Date('2026-02-26T00:00:00Z');
  const first = updateBaselines(undefined, snapshot, telemetry, { start: BASELINE.start, end: mid });
  const firstText = serializeBaselines(first);
  const both = updateBaselines(first, snapshot, telemetry, BASELINE, { halfLifeDays: Infinity });
  assert.equal(serializeBaselines(first), firstText, 'the prior is not modified');
  assert.equal(serializeBaselines(both), serializeBaselines(updateBaselines(undefined, snapshot, telemetry, BASELINE)));
});

test('ageing halves old rate data per half-life of new data', () => {
  const mid = new Date('2026-02-26T00:00:00Z');
  const first = updateBaselines(undefined, snapshot, telemetry, { start: BASELINE.start, end: mid });
  // Four new days with a four-day half-life: old weights × 0.5. api-a weekday 10:00 at 1 minute: 60 samples per day.
  const before = first.invocations.get('us-east-1/api-a')!.scales[0].slots[10].total;
  const aged = updateBaselines(first, snapshot, telemetry, BASELINE, { halfLifeDays: 4 });
  const after = aged.invocations.get('us-east-1/api-a')!.scales[0].slots[10].total;
  // 2026-02-22..25 holds Mon–Wed (3 weekdays = 180 samples); 02-26..03-01 adds Thu, Fri (120).
  assert.equal(before, 180);
  assert.equal(after, 90 + 120);
});

test('a wrong format or version is an error; a bad entry is dropped with a warning and the rest kept', () => {
  assert.throws(() => deserializeBaselines('{'), (e: unknown) => e instanceof BaselinesFormatError && /not valid JSON/.test(e.message));
  assert.throws(() => deserializeBaselines('{"format":"other"}'), /not Lambda Guard baselines/);
  assert.throws(() => deserializeBaselines('{"format":"lambda-guard-baselines","version":2}'), /version 2 is not 1/);
  const doc = JSON.parse(serializeBaselines(updateBaselines(undefined, snapshot, telemetry, BASELINE)));
  doc.invocations[0].scales[0].slots = [[[1, 2]]];
  doc.peers[0].peers[0].direction = 'sideways';
  const { baselines, warnings } = deserializeBaselines(JSON.stringify(doc));
  assert.deepEqual(warnings, [
    'invocations[0]: a scale has 1 slots, not 48; entry dropped (it will be learned again)',
    'peers[0]: direction "sideways" is not egress, ingress or unknown; entry dropped (it will be learned again)',
  ]);
  assert.deepEqual([...baselines.invocations.keys()], ['us-east-1/worker']);
  assert.equal(baselines.peers.size, doc.peers.length - 1);
  assert.equal(baselines.calls.size, doc.calls.length);
});

test('accepting LG102, LG103 and LG104 alerts teaches the baselines; rate alerts cannot be accepted', () => {
  const learned = updateBaselines(undefined, snapshot, telemetry, BASELINE);
  const before = evaluateMonitor({ snapshot, telemetry, window: WINDOW, baseline: BASELINE, learned });
  const rules = (r: typeof before): string[] => r.alerts.map((a) => `${a.ruleId} ${a.severity}`);
  assert.deepEqual(rules(before), ['LG104 warning', 'LG103 error', 'LG101 warning', 'LG102 error', 'LG104 error']);
  const accepted = before.alerts.map((a) => acceptAlert(learned, a, snapshot));
  assert.deepEqual(accepted, [true, true, false, true, true]);
  const after = evaluateMonitor({ snapshot, telemetry, window: WINDOW, baseline: BASELINE, learned });
  // The peer and the call are now known; mallory counts as seen, so the public permission is reported at its base severity.
  assert.deepEqual(rules(after), ['LG104 warning', 'LG101 warning', 'LG104 error']);
  assert.equal(after.alerts[2].evidence.actorSeenBefore, true);
});
