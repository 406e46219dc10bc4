import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildFunctionIndex } from '../../../src/core/activity/functionIndex';
import { emptyBaselines } from '../../../src/core/baselines/learnedBaselines';
import { groupKey } from '../../../src/core/baselines/functionGroups';
import { buildChangeRows } from '../../../src/core/dashboard/changeRows';
import { buildPeerRows } from '../../../src/core/dashboard/peerRows';
import { fixtureSnapshot, flow, T0, trailEvent } from './dashboardFixture';

const snapshot = fixtureSnapshot();
const byName = (n: string) => snapshot.functions.find((f) => f.name === n)!;

/** The group of api and worker learned the database on 5432 only. */
function learnedDb() {
  const b = emptyBaselines(T0);
  b.peers.set(groupKey('us-east-1', ['sg-app']), {
    firstData: T0 - 10 * 86400,
    lastData: T0,
    peers: new Map([['10.0.2.5|5432|6|egress', { peer: '10.0.2.5', port: 5432, protocol: 6, direction: 'egress' as const, firstSeen: T0 - 10 * 86400, lastSeen: T0, bytes: 1, packets: 1 }]]),
  });
  return b;
}

const flows = [
  flow('eni-app', '10.0.2.5', 5432, T0 + 100, 4000),
  flow('eni-app', '10.0.2.5', 5432, T0 + 3700, 6000, { rejected: 1 }),
  flow('eni-app', '198.51.100.7', 443, T0 + 200, 3000),
  // Probes that were all rejected: not a new peer (nothing was accepted), LG105's business.
  flow('eni-app', '45.70.245.159', 22, T0 + 300, 44, { accepted: 0, rejected: 3, direction: 'ingress' }),
  // Other group, and outside the range.
  flow('eni-etl', '52.216.8.12', 443, T0 + 100, 99_999),
  flow('eni-app', '10.0.2.5', 5432, T0 - 7200, 77_777),
];

test("a function's peers are its group's, added up per peer and port, named, with new ones flagged and first", () => {
  const t = buildPeerRows({ snapshot, flows, fn: byName('worker'), start: T0, end: T0 + 86400, learned: learnedDb() });
  assert.deepEqual(t.sharedWith, ['api']);
  assert.deepEqual(
    t.rows.map((r) => [r.peer, r.port, r.service, r.label, r.protocol, r.direction, r.bytes, r.accepted, r.rejected, r.first, r.last, r.isNew]),
    [
      ['198.51.100.7', 443, 'https', 'internet', 'TCP', 'egress', 3000, 1, 0, T0 + 200, T0 + 260, true],
      ['10.0.2.5', 5432, 'postgres', 'RDS database (eni-db)', 'TCP', 'egress', 10_000, 2, 1, T0 + 100, T0 + 3760, false],
      ['45.70.245.159', 22, 'ssh', 'internet', 'TCP', 'ingress', 44, 0, 3, T0 + 300, T0 + 360, false],
    ],
  );
  assert.deepEqual(t.notes, ['The network interfaces are shared with api: their traffic cannot be told apart.']);
});

test('without a learned peer set nothing is flagged new, and the view says why', () => {
  const t = buildPeerRows({ snapshot, flows, fn: byName('api'), start: T0, end: T0 + 86400 });
  assert.ok(t.rows.every((r) => !r.isNew));
  assert.equal(t.notes[0], 'No learned peer set for these network interfaces yet: new peers are not flagged.');
});

test('a function outside a VPC has no peers, and a note that says so', () => {
  const t = buildPeerRows({ snapshot, flows, fn: byName('cron'), start: T0, end: T0 + 86400 });
  assert.deepEqual(t.rows, []);
  assert.match(t.notes[0], /^Not in a VPC/);
});

test('changes: Lambda changes to this function in the range, who made them, newest first', () => {
  const events = [
    trailEvent('1', T0 + 600, 'UpdateFunctionCode20150331v2', 'api', 'bob', { responseElements: { codeSha256: 'abc=' } }),
    trailEvent('2', T0 + 1200, 'AddPermission20150331v2', 'arn:aws:lambda:us-east-1:123456789012:function:api', 'alice', {
      requestParameters: { functionName: 'arn:aws:lambda:us-east-1:123456789012:function:api', principal: '*', action: 'lambda:InvokeFunction', statementId: 's1' },
    }),
    trailEvent('3', T0 + 900, 'UpdateFunctionCode20150331v2', 'worker', 'bob'),
    trailEvent('4', T0 + 950, 'UpdateFunctionConfiguration20150331v2', 'api', 'mallory', { errorCode: 'AccessDenied' }),
    trailEvent('5', T0 + 960, 'GetFunction20150331v2', 'api', 'carol'),
    trailEvent('6', T0 - 10, 'UpdateFunctionCode20150331v2', 'api', 'bob'),
  ];
  const rows = buildChangeRows(events, buildFunctionIndex(snapshot.functions), { name: 'api', region: 'us-east-1' }, T0, T0 + 3600);
  assert.deepEqual(rows, [
    { time: T0 + 1200, what: 'permission added', who: 'user alice', eventName: 'AddPermission', sourceIp: '203.0.113.77', details: 'Statement ID: s1; Action: lambda:InvokeFunction; Principal: *' },
    { time: T0 + 600, what: 'code updated', who: 'user bob', eventName: 'UpdateFunctionCode', sourceIp: '203.0.113.77', details: 'Code SHA-256: abc=' },
  ]);
});
