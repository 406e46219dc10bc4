import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lg001WildcardAction } from '../../../src/core/rules/lg001WildcardAction';
import { ModelBuilder, run, UNKNOWN } from './modelBuilder';

test('LG001: Action * is an error on the action value', () => {
  const b = new ModelBuilder();
  const star = b.str('*');
  b.identity('FnRole', { actions: [star], resources: ['*'] });
  const [f, ...rest] = run(lg001WildcardAction, b.model);
  assert.equal(rest.length, 0);
  assert.equal(f.severity, 'error');
  assert.deepEqual(f.range, star.range);
  assert.equal(f.resource, 'FnRole');
  assert.match(f.message, /every action of every service/);
});

test('LG001: service:* is a warning with a narrowServiceWildcard fix, whatever the resource', () => {
  const b = new ModelBuilder();
  const s3 = b.str('s3:*');
  const logs = b.str('Logs:*');
  b.identity('FnRole', { actions: [s3], resources: ['arn:aws:s3:::my-bucket/*'] }, { actions: [logs], resources: ['arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/fn:*'] });
  const out = run(lg001WildcardAction, b.model);
  assert.equal(out.length, 2);
  assert.equal(out[0].severity, undefined);
  assert.deepEqual(out[0].range, s3.range);
  assert.deepEqual(out[0].fix, { kind: 'narrowServiceWildcard', service: 's3', pattern: 's3:*' });
  assert.equal(out[1].fix?.service, 'logs', 'service prefixes are case-insensitive');
});

test('LG001: partial wildcard covering write actions is reported, read-only wildcards are not', () => {
  const b = new ModelBuilder();
  const update = b.str('dynamodb:Update*');
  b.identity('FnRole', { actions: ['s3:Get*', 'logs:Describe*', 'dynamodb:List*', update], resources: ['*'] });
  const out = run(lg001WildcardAction, b.model);
  assert.equal(out.length, 1);
  assert.deepEqual(out[0].range, update.range);
  assert.match(out[0].message, /covers \d+ write or permissions-management actions \(dynamodb:Update\w+, /);
});

test('LG001: Deny, unknown effect, NotAction and specific actions are not reported', () => {
  const b = new ModelBuilder();
  b.identity(
    'FnRole',
    { effect: 'Deny', actions: ['*'], resources: ['*'] },
    { effect: 'Unknown', actions: ['*'], resources: ['*'] },
    { actions: ['s3:GetObject', 's3:PutObject'], resources: ['*'] },
  );
  assert.deepEqual(run(lg001WildcardAction, b.model), []);
});

test('LG001: values with an unknown part are never wildcards; unknown services are left to LG012', () => {
  const b = new ModelBuilder();
  b.identity('FnRole', { actions: [UNKNOWN, `${UNKNOWN}:*`, `s3:${UNKNOWN}`, 'nosuchservice:*'], resources: ['*'] });
  assert.deepEqual(run(lg001WildcardAction, b.model), []);
});

test('LG001: trust policies are checked, resource policies are not', () => {
  const b = new ModelBuilder();
  b.policy('trust', 'FnRole', [{ actions: ['*'], principals: [{ type: 'Service', value: 'lambda.amazonaws.com' }] }]);
  b.policy('resource', 'KeyPolicy', [{ actions: ['kms:*'], resources: ['*'], principals: [{ type: 'AWS', value: UNKNOWN }] }]);
  const out = run(lg001WildcardAction, b.model);
  assert.equal(out.length, 1);
  assert.equal(out[0].resource, 'FnRole');
  assert.equal(out[0].severity, undefined, 'a trust-policy * is a warning, not an admin grant');
  assert.match(out[0].message, /Trust policy allows every action/);
});

test('LG001: a finding from one !If branch says so; the same value in both branches is reported once', () => {
  const b = new ModelBuilder();
  const onlyProd = b.str('*', 'IsProd=true');
  b.identity('FnRole', { actions: [onlyProd], resources: ['*'] });
  const shared = b.str('ec2:*');
  b.identity('Other', { actions: [shared], resources: ['*'], branch: 'C=true' }, { actions: [shared], resources: ['*'], branch: 'C=false' });
  const out = run(lg001WildcardAction, b.model);
  assert.equal(out.length, 2);
  assert.equal(out[0].branch, 'IsProd=true');
  assert.match(out[0].message, /when IsProd=true/);
  assert.equal(out[1].branch, undefined);
  assert.doesNotMatch(out[1].message, /when/);
});

test('LG001: *:* counts as full admin', () => {
  const b = new ModelBuilder();
  b.identity('FnRole', { actions: ['*:*'], resources: ['*'] });
  assert.equal(run(lg001WildcardAction, b.model)[0].severity, 'error');
});
