import assert from 'node:assert/strict';
import { test } from 'node:test';
import { alertRow, alertsAbout, byTimeDesc } from '../../../src/core/dashboard/alertRows';
import { evidenceEntries, keyWords } from '../../../src/core/dashboard/evidenceText';
import type { Alert } from '../../../src/core/model/alert';

test('evidence keys read as words', () => {
  assert.equal(keyWords('observedTotal'), 'Observed total');
  assert.equal(keyWords('sourceIps'), 'Source IPs');
  assert.equal(keyWords('eventId'), 'Event ID');
  assert.equal(keyWords('robustZ'), 'Robust z');
});

test('evidence flattens to label/value text: nested objects one level, lists joined, bytes and ports readable', () => {
  const ids = Array.from({ length: 12 }, (_, i) => `e${i}`);
  const rows = evidenceEntries({
    peer: '194.253.81.12',
    port: 9001,
    bytes: 1_479_264,
    ports: [9001, 9002],
    publicAddress: true,
    actor: { type: 'IAMUser', sourceIp: '203.0.113.77' },
    topPeers: [{ peer: '45.70.245.159', rejected: 358, ports: 300 }],
    errorCodes: {},
    eventIds: ids,
    observedTotal: 12_345,
  });
  assert.deepEqual(rows, [
    { label: 'Peer', value: '194.253.81.12' },
    { label: 'Port', value: '9001' },
    // 1,479,264 / 1024 / 1024 = 1.41 MB.
    { label: 'Bytes', value: '1.4 MB (1,479,264 bytes)' },
    { label: 'Ports', value: '9001, 9002' },
    { label: 'Public address', value: 'yes' },
    { label: 'Actor type', value: 'IAMUser' },
    { label: 'Actor source IP', value: '203.0.113.77' },
    { label: 'Top peers', value: 'peer 45.70.245.159, rejected 358, ports 300' },
    { label: 'Error codes', value: 'none' },
    { label: 'Event IDs', value: 'e0, e1, e2, e3, e4, e5, e6, e7, e8, e9, … (2 more)' },
    { label: 'Observed total', value: '12,345' },
  ]);
});

test('a huge evidence value is cut, and too many entries are counted rather than listed', () => {
  const long = evidenceEntries({ message: 'x'.repeat(1000) });
  assert.equal(long[0].value.length, 400);
  assert.ok(long[0].value.endsWith('…'));
  const many = evidenceEntries(Object.fromEntries(Array.from({ length: 45 }, (_, i) => [`k${i}`, i])));
  assert.equal(many.length, 41);
  assert.deepEqual(many[40], { label: '…', value: '5 more in the JSON report' });
});

const alert = (over: Partial<Alert>): Alert => ({ ruleId: 'LG101', severity: 'warning', functionName: 'api', region: 'us-east-1', time: '2024-01-02T09:15:00Z', message: 'spike', evidence: {}, ...over });

test('alerts about a function: its own, and those of an interface it shares, in its region only', () => {
  const own = alert({});
  const shared = alert({ ruleId: 'LG105', functionName: 'worker', sharedWith: ['worker', 'api'] });
  const otherRegion = alert({ region: 'us-west-2' });
  const otherFn = alert({ functionName: 'etl' });
  assert.deepEqual(alertsAbout([own, shared, otherRegion, otherFn], { name: 'api', region: 'us-east-1' }), [own, shared]);
});

test('an alert row: epoch seconds, a stable id, text evidence; newest first, the more severe first at the same time', () => {
  const a = alertRow(alert({ arn: 'arn:x', evidence: { observedTotal: 146 } }));
  assert.equal(a.time, 1_704_186_900);
  assert.deepEqual(a.evidence, [{ label: 'Observed total', value: '146' }]);
  assert.equal(a.arn, 'arn:x');
  assert.equal(alertRow(alert({})).id, alertRow(alert({})).id, 'the same alert has the same id');
  assert.notEqual(alertRow(alert({})).id, alertRow(alert({ message: 'other' })).id);
  const early = alertRow(alert({ time: '2024-01-02T08:00:00Z' }));
  const lateWarn = alertRow(alert({}));
  const lateErr = alertRow(alert({ severity: 'error', ruleId: 'LG104' }));
  assert.deepEqual([early, lateWarn, lateErr].sort(byTimeDesc).map((r) => r.ruleId + r.time), [`LG104${lateErr.time}`, `LG101${lateWarn.time}`, `LG101${early.time}`]);
});
