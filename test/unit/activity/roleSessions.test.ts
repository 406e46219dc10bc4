import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildFunctionIndex } from '../../../src/core/activity/functionIndex';
import { attributeCall, roleSessionOf } from '../../../src/core/activity/roleSessions';
import type { LiveFunction } from '../../../src/core/inventory/accountModel';
import type { TrailEvent } from '../../../src/core/inventory/telemetryModel';

function fn(name: string, role: string, region = 'us-east-1'): LiveFunction {
  return { name, arn: `arn:aws:lambda:${region}:123456789012:function:${name}`, region, role, tags: {}, environment: {}, layers: [], eventSourceMappings: [] };
}

const PATH_ROLE = 'arn:aws:iam::123456789012:role/service-role/orders-role';
const SHARED_ROLE = 'arn:aws:iam::123456789012:role/shared-role';
const index = buildFunctionIndex([
  fn('orders', PATH_ROLE),
  fn('worker-a', SHARED_ROLE),
  fn('worker-b', SHARED_ROLE),
  fn('worker-a', SHARED_ROLE, 'eu-west-1'),
]);

function call(arn: string, issuer: string | undefined, region = 'us-east-1'): TrailEvent {
  return {
    eventId: 'e',
    time: '2026-03-02T10:00:00.000Z',
    eventSource: 'secretsmanager.amazonaws.com',
    eventName: 'GetSecretValue',
    region,
    userIdentity: { type: 'AssumedRole', arn, ...(issuer ? { sessionIssuerArn: issuer } : {}) },
  };
}

test('roleSessionOf reads role, session and service sessions', () => {
  assert.deepEqual(roleSessionOf(call('arn:aws:sts::123456789012:assumed-role/orders-role/orders', PATH_ROLE)), {
    accountId: '123456789012',
    roleName: 'orders-role',
    sessionName: 'orders',
    serviceSession: false,
    roleArn: PATH_ROLE,
  });
  assert.equal(roleSessionOf(call('arn:aws:sts::123456789012:assumed-role/orders-role/awslambda_123_20260302100000123', undefined))?.serviceSession, true);
  assert.equal(roleSessionOf({ ...call('x', undefined), userIdentity: { type: 'IAMUser', arn: 'arn:aws:iam::123456789012:user/bob' } }), undefined);
});

test('a call is attributed to the function named by the session, through a role path', () => {
  const a = attributeCall(call('arn:aws:sts::123456789012:assumed-role/orders-role/orders', PATH_ROLE), index);
  assert.deepEqual(a?.functions.map((f) => f.name), ['orders']);
  // Without the session issuer, the role name (no path in STS ARNs) and account decide.
  const b = attributeCall(call('arn:aws:sts::123456789012:assumed-role/orders-role/orders', undefined), index);
  assert.deepEqual(b?.functions.map((f) => f.name), ['orders']);
  assert.equal(attributeCall(call('arn:aws:sts::999999999999:assumed-role/orders-role/orders', undefined), index), undefined, 'other account');
});

test('a session that borrows a function name under another role is not the function', () => {
  assert.equal(attributeCall(call('arn:aws:sts::123456789012:assumed-role/shared-role/orders', SHARED_ROLE), index), undefined);
});

test('the event region picks between same-named functions; service sessions go to every function of the role', () => {
  const eu = attributeCall(call('arn:aws:sts::123456789012:assumed-role/shared-role/worker-a', SHARED_ROLE, 'eu-west-1'), index);
  assert.deepEqual(eu?.functions.map((f) => `${f.region}/${f.name}`), ['eu-west-1/worker-a']);
  const svc = attributeCall(call('arn:aws:sts::123456789012:assumed-role/shared-role/awslambda_42_20260302', SHARED_ROLE), index);
  assert.deepEqual(svc?.functions.map((f) => `${f.region}/${f.name}`), ['us-east-1/worker-a', 'us-east-1/worker-b']);
  assert.equal(svc?.session.serviceSession, true);
});
