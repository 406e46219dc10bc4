import { test } from 'node:test';
import assert from 'node:assert/strict';
import { awsManagedPolicyName } from '../../../src/core/iam/managedPolicyRef';
import { lg009AdminManagedPolicy } from '../../../src/core/rules/lg009AdminManagedPolicy';
import { HOLE } from '../../../src/core/model/value';
import { ModelBuilder, run, UNKNOWN } from './modelBuilder';

test('LG009: AdministratorAccess, PowerUserAccess and IAMFullAccess are errors on the ARN value', () => {
  const b = new ModelBuilder();
  const admin = b.str('arn:aws:iam::aws:policy/AdministratorAccess');
  b.managed('FnRole', admin);
  b.managed('FnRole', 'PowerUserAccess');
  b.managed('FnRole', `arn:${HOLE}:iam::aws:policy/IAMFullAccess`);
  const out = run(lg009AdminManagedPolicy, b.model);
  assert.equal(out.length, 3);
  assert.deepEqual(out[0].range, admin.range);
  assert.ok(out.every((f) => f.severity === 'error'));
  assert.match(out[2].message, /IAMFullAccess/);
});

test('LG009: other *FullAccess policies are warnings, by ARN (with path) or SAM short name', () => {
  const b = new ModelBuilder('sam');
  b.managed('Fn', 'AmazonS3FullAccess');
  b.managed('Fn', 'arn:aws:iam::aws:policy/AWSLambda_FullAccess');
  b.managed('Fn', 'arn:aws-us-gov:iam::aws:policy/service-role/AmazonDynamoDBFullAccess');
  const out = run(lg009AdminManagedPolicy, b.model);
  assert.equal(out.length, 3);
  assert.ok(out.every((f) => f.severity === 'warning'));
});

test('LG009: ordinary managed policies, customer policies and unknown ARNs are not reported', () => {
  const b = new ModelBuilder();
  b.managed('Fn', 'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole');
  b.managed('Fn', 'AWSLambdaVPCAccessExecutionRole');
  b.managed('Fn', 'arn:aws:iam::123456789012:policy/AdministratorAccess');
  b.managed('Fn', UNKNOWN);
  b.managed('Fn', `arn:aws:iam::aws:policy/${UNKNOWN}`);
  assert.deepEqual(run(lg009AdminManagedPolicy, b.model), []);
});

test('LG009: awsManagedPolicyName reads ARNs and bare names', () => {
  assert.equal(awsManagedPolicyName('arn:aws:iam::aws:policy/job-function/ViewOnlyAccess'), 'ViewOnlyAccess');
  assert.equal(awsManagedPolicyName(' AdministratorAccess '), 'AdministratorAccess');
  assert.equal(awsManagedPolicyName('arn:aws:iam::123456789012:policy/Mine'), undefined);
  assert.equal(awsManagedPolicyName('not a name'), undefined);
});
