import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lg010CrossAccountPrincipal } from '../../../src/core/rules/lg010CrossAccountPrincipal';
import { HOLE } from '../../../src/core/model/value';
import { ModelBuilder, run, UNKNOWN } from './modelBuilder';

const assume = ['sts:AssumeRole'];

test('LG010: a trust policy for another account is reported on the principal', () => {
  const b = new ModelBuilder();
  const root = b.str('arn:aws:iam::324320755747:root');
  b.policy('trust', 'Role', [{ actions: assume, principals: [{ type: 'AWS', value: root }, { type: 'AWS', value: '111122223333' }] }]);
  const out = run(lg010CrossAccountPrincipal, b.model);
  assert.equal(out.length, 2);
  assert.deepEqual(out[0].range, root.range);
  assert.match(out[0].message, /Account 324320755747 may assume the role/);
});

test('LG010: a trust policy for * is a warning, and info when a condition narrows it', () => {
  const b = new ModelBuilder();
  b.policy('trust', 'Open', [{ actions: assume, principals: [{ type: 'AWS', value: '*' }] }]);
  b.policy('trust', 'Ext', [{ actions: assume, principals: [{ type: '*', value: '*' }], conditions: [{ op: 'StringEquals', key: 'sts:ExternalId', values: ['abc'] }] }]);
  const out = run(lg010CrossAccountPrincipal, b.model);
  assert.deepEqual(out.map((f) => [f.resource, f.severity]), [['Open', undefined], ['Ext', 'info']]);
});

test('LG010: ExternalId or organisation conditions clear a named other account', () => {
  const b = new ModelBuilder();
  b.policy('trust', 'Ext', [{ actions: assume, principals: [{ type: 'AWS', value: '111122223333' }], conditions: [{ op: 'StringEquals', key: 'sts:ExternalId', values: ['abc'] }] }]);
  b.policy('trust', 'Org', [{ actions: assume, principals: [{ type: 'AWS', value: '111122223333' }], conditions: [{ op: 'StringEquals', key: 'aws:PrincipalOrgID', values: ['o-1'] }] }]);
  assert.deepEqual(run(lg010CrossAccountPrincipal, b.model), []);
});

test('LG010: own account (${AWS::AccountId}), services, federated and Deny are not reported', () => {
  const b = new ModelBuilder();
  b.policy('trust', 'Role', [
    { actions: assume, principals: [{ type: 'AWS', value: `arn:aws:iam::${HOLE}:root` }, { type: 'AWS', value: UNKNOWN }, { type: 'Service', value: 'lambda.amazonaws.com' }, { type: 'Federated', value: 'cognito-identity.amazonaws.com' }] },
    { effect: 'Deny', actions: assume, principals: [{ type: 'AWS', value: '*' }] },
  ]);
  assert.deepEqual(run(lg010CrossAccountPrincipal, b.model), []);
});

test('LG010: resource policies: other accounts and * are reported unless conditioned; Lambda-invoke * is LG006', () => {
  const b = new ModelBuilder();
  b.policy('resource', 'Bucket', [{ actions: ['s3:GetObject'], resources: ['*'], principals: [{ type: '*', value: '*' }] }]);
  b.policy('resource', 'Vpce', [{ actions: ['s3:GetObject'], resources: ['*'], principals: [{ type: '*', value: '*' }], conditions: [{ op: 'StringEquals', key: 'aws:SourceVpce', values: ['vpce-1'] }] }]);
  b.policy('resource', 'Queue', [{ actions: ['sqs:SendMessage'], resources: ['*'], principals: [{ type: 'AWS', value: 'arn:aws:iam::111122223333:role/x' }] }]);
  b.policy('resource', 'Invoke', [{ actions: ['lambda:InvokeFunction'], resources: ['*'], principals: [{ type: '*', value: '*' }] }]);
  assert.deepEqual(run(lg010CrossAccountPrincipal, b.model).map((f) => f.resource), ['Bucket', 'Queue']);
});

test('LG010: Lambda permissions for another account, unless PrincipalOrgID; * is left to LG006', () => {
  const b = new ModelBuilder();
  const acct = b.str('555555555555');
  b.permission({ owner: 'Cross', principal: acct, sourceArn: 'arn:aws:sns:us-east-1:806199016981:t' });
  b.permission({ owner: 'Org', principal: 'arn:aws:iam::555555555555:root', principalOrgId: 'o-1' });
  b.permission({ owner: 'Star', principal: '*' });
  b.permission({ owner: 'Own', principal: UNKNOWN });
  const out = run(lg010CrossAccountPrincipal, b.model);
  assert.deepEqual(out.map((f) => f.resource), ['Cross']);
  assert.deepEqual(out[0].range, acct.range);
});

// Each case is pinned its own way (AWS semantics): sts:ExternalId belongs to role trust, a Lambda permission
// has its own PrincipalOrgID / SourceAccount properties, a resource policy takes an organisation condition.
test('LG010: the advice fits the case: trust → sts:ExternalId, Lambda permission → PrincipalOrgID / SourceAccount, resource policy → aws:PrincipalOrgID', () => {
  const b = new ModelBuilder();
  b.policy('trust', 'Role', [{ actions: assume, principals: [{ type: 'AWS', value: '111122223333' }] }]);
  b.permission({ owner: 'Perm', principal: '444455556666' });
  b.policy('resource', 'Queue', [{ actions: ['sqs:SendMessage'], principals: [{ type: 'AWS', value: 'arn:aws:iam::777788889999:role/x' }] }]);
  const out = run(lg010CrossAccountPrincipal, b.model);
  const by = new Map(out.map((f) => [f.resource, f]));
  assert.match(by.get('Role')!.advice!.fix!, /require sts:ExternalId .* or aws:PrincipalOrgID/);
  const perm = by.get('Perm')!;
  assert.match(perm.advice!.fix!, /^Set PrincipalOrgID on the permission/);
  assert.match(perm.advice!.fix!, /SourceAccount 444455556666/);
  assert.match(perm.advice!.fix!, /sts:ExternalId applies to role trust policies, not to Lambda permissions/);
  assert.doesNotMatch(perm.message, /ExternalId/);
  const queue = by.get('Queue')!;
  assert.match(queue.advice!.fix!, /aws:PrincipalOrgID/);
  assert.doesNotMatch(`${queue.message} ${queue.advice!.fix}`, /ExternalId/);
});
