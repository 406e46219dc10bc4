import { test } from 'node:test';
import assert from 'node:assert/strict';
import { snapshotFromJson, SnapshotError, snapshotToJson } from '../../../src/core/inventory/snapshot/snapshotFile';
import { doc, fn, FN, lambdaEni, role, snapshot } from './auditBuilders';

// One JSON file per account: what `snapshot` writes and `--snapshot` reads. A foreign, truncated or
// older file is refused with a message saying what is wrong, before any view sees it.

const minimal = (): Record<string, unknown> => ({
  format: 'lambda-guard-snapshot',
  version: 1,
  account: { id: '111122223333', partition: 'aws' },
  regions: ['us-east-1'],
  collectedAt: '2026-05-01T10:00:00.000Z',
  source: { kind: 'snapshot' },
  functions: [],
  iam: { roles: [], users: [], groups: [], policies: [] },
  network: { interfaces: [], subnets: [], securityGroups: [] },
  alarms: [],
  errors: [],
});

const refuses = (text: string, message: RegExp): void => {
  assert.throws(() => snapshotFromJson(text, 'prod.json'), (e: Error) => e instanceof SnapshotError && message.test(e.message), message.source);
};

test('round trip: what is written reads back equal', () => {
  const s = snapshot({
    functions: [
      fn('api', {
        environment: { STAGE: 'prod' },
        resourcePolicy: doc({ Effect: 'Allow', Principal: '*', Action: 'lambda:InvokeFunction', Resource: `${FN}api` }),
        url: { url: 'https://u/', authType: 'NONE' },
      }),
    ],
    roles: [role('api-role', { inline: { p: doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }) } })],
    interfaces: [lambdaEni('eni-1', 'subnet-1', ['sg-1'])],
  });
  s.errors = [{ service: 'lambda', operation: 'GetPolicy', region: 'us-east-1', resource: 'api', kind: 'denied', message: 'x' }];
  s.alarms = [{ name: 'a', region: 'us-east-1', namespace: 'AWS/Lambda', metricName: 'Errors', dimensions: [{ name: 'FunctionName', value: 'api' }] }];
  assert.deepEqual(snapshotFromJson(snapshotToJson(s), 'x.json'), s);
});

test('not JSON: says the file is not valid JSON', () => {
  refuses('{"format": "lambda-guard-snapshot", "version": 1, ', /^prod\.json is not valid JSON: /);
  refuses('', /^prod\.json is not valid JSON/);
});

test('JSON that is not a snapshot (another format, an array) names the expected format', () => {
  refuses('{"Resources": {}}', /^prod\.json is not a Lambda Guard snapshot \(no "format": "lambda-guard-snapshot"\)$/);
  refuses('[1, 2]', /^prod\.json is not a Lambda Guard snapshot/);
  refuses('null', /^prod\.json is not a Lambda Guard snapshot/);
});

test('another version names both versions', () => {
  refuses(JSON.stringify({ ...minimal(), version: 2 }), /^prod\.json is a version 2 snapshot; this Lambda Guard reads version 1$/);
});

test('missing or wrong parts are each named', () => {
  const { functions: _f, iam: _i, ...rest } = minimal();
  refuses(JSON.stringify(rest), /^prod\.json is damaged: missing or invalid .*functions/);
  refuses(JSON.stringify(rest), /^prod\.json is damaged: missing or invalid .*iam/);
  refuses(JSON.stringify({ ...minimal(), account: {} }), /^prod\.json is damaged: missing or invalid account\.id$/);
  refuses(JSON.stringify({ ...minimal(), network: { interfaces: [] } }), /^prod\.json is damaged: missing or invalid network$/);
  refuses(JSON.stringify({ ...minimal(), regions: 'us-east-1' }), /^prod\.json is damaged: missing or invalid regions$/);
  // A function without an ARN is not a function the views can show.
  const noArn = { ...minimal(), functions: [{ name: 'a', arn: 'arn:x', region: 'r', role: 'arn:aws:iam::1:role/a' }, { name: 'b', region: 'r', role: 'arn:aws:iam::1:role/b' }] };
  refuses(JSON.stringify(noArn), /^prod\.json is damaged: missing or invalid functions\[1\]$/);
});

test('more than five problems: the first five and a count', () => {
  const broken = { format: 'lambda-guard-snapshot', version: 1 };
  // account.id, functions, regions, alarms, errors, iam, network: seven.
  refuses(JSON.stringify(broken), /^prod\.json is damaged: missing or invalid (\S+, ){4}\S+ and 2 more$/);
});

test('a UTF-8 byte-order mark (Windows editors) is accepted', () => {
  const s = snapshotFromJson(`\uFEFF${JSON.stringify(minimal())}`, 'bom.json');
  assert.equal(s.account.id, '111122223333');
});

test('defaults: a hand-written function, role, user, interface and alarm get their optional collections', () => {
  const v = minimal();
  v.functions = [{ name: 'api', arn: `${FN}api`, region: 'us-east-1', role: 'arn:aws:iam::111122223333:role/r' }];
  const roles = [{ arn: 'arn:aws:iam::111122223333:role/r', name: 'r' }];
  v.iam = { roles, users: [{ arn: 'arn:aws:iam::111122223333:user/u', name: 'u' }], groups: [], policies: [] };
  v.network = { interfaces: [{ id: 'eni-1', region: 'us-east-1' }], subnets: [], securityGroups: [] };
  v.alarms = [{ name: 'a', region: 'us-east-1' }];
  const s = snapshotFromJson(JSON.stringify(v), 'hand.json');
  const f = s.functions[0];
  assert.deepEqual([f.tags, f.environment, f.layers, f.eventSourceMappings], [{}, {}, [], []]);
  const r = s.iam.roles[0];
  assert.deepEqual([r.trustPolicy, r.inlinePolicies, r.attachedPolicies], [{}, [], []]);
  assert.deepEqual(s.iam.users[0].groups, []);
  assert.deepEqual(s.iam.users[0].inlinePolicies, []);
  const e = s.network.interfaces[0];
  assert.deepEqual([e.privateIps, e.securityGroupIds, e.description], [[], [], '']);
  assert.deepEqual(s.alarms[0].dimensions, []);
});

test('defaults never overwrite what the file has', () => {
  const v = minimal();
  v.functions = [{ name: 'api', arn: `${FN}api`, region: 'us-east-1', role: 'r', tags: { team: 'a' }, environment: { STAGE: 'prod' } }];
  const f = snapshotFromJson(JSON.stringify(v), 'hand.json').functions[0];
  assert.deepEqual(f.tags, { team: 'a' });
  assert.deepEqual(f.environment, { STAGE: 'prod' });
});
