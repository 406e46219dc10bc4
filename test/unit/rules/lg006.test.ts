import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lg006PublicInvoke } from '../../../src/core/rules/lg006PublicInvoke';
import { ModelBuilder, run, UNKNOWN } from './modelBuilder';

test('LG006: principal * with no restriction is an error on the principal', () => {
  const b = new ModelBuilder();
  const star = b.str('*');
  b.permission({ owner: 'PublicPerm', principal: star });
  const out = run(lg006PublicInvoke, b.model);
  assert.equal(out.length, 1);
  assert.deepEqual(out[0].range, star.range);
  assert.equal(out[0].resource, 'PublicPerm');
  assert.deepEqual(out[0].fix, { kind: 'addSourceCondition', principal: '*' });
  assert.ok(out[0].related?.length === 1, 'points at the function');
});

test('LG006: SourceArn, SourceAccount, PrincipalOrgID or EventSourceToken make it non-public (unknown values too)', () => {
  const b = new ModelBuilder();
  b.permission({ owner: 'A', principal: '*', sourceArn: 'arn:aws:sns:us-east-1:123456789012:topic' });
  b.permission({ owner: 'B', principal: '*', sourceAccount: UNKNOWN });
  b.permission({ owner: 'C', principal: '*', principalOrgId: 'o-abc123' });
  b.permission({ owner: 'D', principal: '*', eventSourceToken: 'amzn1.ask.skill.x' });
  b.permission({ owner: 'E', principal: '*', sourceArn: '*' });
  assert.deepEqual(run(lg006PublicInvoke, b.model).map((f) => f.resource), ['E']);
});

test('LG006: a function URL permission is public with AuthType NONE, not with AWS_IAM', () => {
  const b = new ModelBuilder();
  b.permission({ owner: 'Iam', principal: '*', action: 'lambda:InvokeFunctionUrl', functionUrlAuthType: 'AWS_IAM' });
  b.permission({ owner: 'None', principal: '*', action: 'lambda:InvokeFunctionUrl', functionUrlAuthType: 'NONE' });
  b.permission({ owner: 'Unknown', principal: '*', action: 'lambda:InvokeFunctionUrl', functionUrlAuthType: UNKNOWN });
  const out = run(lg006PublicInvoke, b.model);
  assert.deepEqual(out.map((f) => f.resource), ['None']);
  assert.match(out[0].message, /function URL/);
});

test('LG006: accounts, services and unknown principals are not public', () => {
  const b = new ModelBuilder();
  b.permission({ principal: '123456789012' });
  b.permission({ principal: 's3.amazonaws.com' });
  b.permission({ principal: UNKNOWN });
  b.permission({});
  assert.deepEqual(run(lg006PublicInvoke, b.model), []);
});

test('LG006: resource-policy statements that let * invoke are checked with their conditions', () => {
  const b = new ModelBuilder();
  b.policy('resource', 'Open', [{ actions: ['lambda:InvokeFunction'], resources: ['*'], principals: [{ type: 'AWS', value: '*' }] }]);
  b.policy('resource', 'Org', [{ actions: ['lambda:InvokeFunction'], resources: ['*'], principals: [{ type: '*', value: '*' }], conditions: [{ op: 'StringEquals', key: 'aws:PrincipalOrgID', values: ['o-1'] }] }]);
  b.policy('resource', 'UrlIam', [{ actions: ['lambda:InvokeFunctionUrl'], resources: ['*'], principals: [{ type: '*', value: '*' }], conditions: [{ op: 'StringEquals', key: 'lambda:FunctionUrlAuthType', values: ['AWS_IAM'] }] }]);
  b.policy('resource', 'Bucket', [{ actions: ['s3:GetObject'], resources: ['*'], principals: [{ type: '*', value: '*' }] }]);
  b.policy('resource', 'Denied', [{ effect: 'Deny', actions: ['lambda:InvokeFunction'], resources: ['*'], principals: [{ type: '*', value: '*' }] }]);
  assert.deepEqual(run(lg006PublicInvoke, b.model).map((f) => f.resource), ['Open']);
});

test('LG006: a public principal from one !If branch is reported for that branch', () => {
  const b = new ModelBuilder();
  b.permission({ principal: b.str('*', 'Public=true') });
  b.permission({ principal: b.str('123456789012', 'Public=false') });
  const out = run(lg006PublicInvoke, b.model);
  assert.equal(out.length, 1);
  assert.equal(out[0].branch, 'Public=true');
});

test('LG006: a public function-URL permission is closed with AWS_IAM auth, not with SourceArn', () => {
  const b = new ModelBuilder();
  b.permission({ owner: 'UrlPerm', principal: '*', action: 'lambda:InvokeFunctionUrl', functionUrlAuthType: 'NONE' });
  const [f] = run(lg006PublicInvoke, b.model);
  assert.equal(f.message, 'Anyone may call lambda:InvokeFunctionUrl through its function URL: FunctionUrlAuthType NONE, no signature needed');
  assert.match(f.advice?.fix ?? '', /^Set FunctionUrlAuthType \(and the URL's AuthType\) to AWS_IAM/);
  assert.doesNotMatch(f.advice?.fix ?? '', /SourceArn/);
});
