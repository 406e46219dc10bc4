import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lg011SensitiveAccess } from '../../../src/core/rules/lg011SensitiveAccess';
import { ModelBuilder, run, UNKNOWN } from './modelBuilder';

test('LG011: credential-exposure actions on * are reported on the action value', () => {
  const b = new ModelBuilder();
  const get = b.str('secretsmanager:GetSecretValue');
  const key = b.str('iam:CreateAccessKey');
  b.identity('FnRole', { actions: [get, 's3:PutObject', key], resources: ['*'] });
  const out = run(lg011SensitiveAccess, b.model);
  assert.deepEqual(out.map((f) => f.range), [get.range, key.range]);
  assert.match(out[0].message, /^Credential exposure: 'secretsmanager:GetSecretValue' on '\*'/);
});

test('LG011: sensitive reads and wildcards covering them; ssm:GetParameter* on a parameter wildcard', () => {
  const b = new ModelBuilder();
  b.identity('A', { actions: ['s3:GetObject'], resources: ['arn:aws:s3:::*/*'] });
  b.identity('B', { actions: ['ssm:GetParameter*'], resources: ['arn:aws:ssm:us-east-1:123456789012:parameter/*'] });
  const out = run(lg011SensitiveAccess, b.model);
  assert.deepEqual(out.map((f) => f.resource), ['A', 'B']);
  assert.match(out[0].message, /^Sensitive read/);
  assert.match(out[1].message, /ssm:GetParameter/);
});

test('LG011: actions that accept only * (ecr:GetAuthorizationToken, sts:GetSessionToken) are not reported', () => {
  const b = new ModelBuilder();
  b.identity('FnRole', { actions: ['ecr:GetAuthorizationToken', 'sts:GetSessionToken', 'secretsmanager:ListSecrets'], resources: ['*'] });
  assert.deepEqual(run(lg011SensitiveAccess, b.model), []);
});

test('LG011: scoped resources, other services, unknown values and Deny are not reported', () => {
  const b = new ModelBuilder();
  b.identity(
    'FnRole',
    { actions: ['secretsmanager:GetSecretValue'], resources: [UNKNOWN, 'arn:aws:secretsmanager:us-east-1:123456789012:secret:db-*'] },
    { actions: ['kms:Decrypt'], resources: ['arn:aws:s3:::*'] },
    { effect: 'Deny', actions: ['kms:Decrypt'], resources: ['*'] },
    { actions: [UNKNOWN], resources: ['*'] },
  );
  assert.deepEqual(run(lg011SensitiveAccess, b.model), []);
});

test('LG011: a resource-tag condition lowers to info', () => {
  const b = new ModelBuilder();
  b.identity('FnRole', { actions: ['kms:Decrypt'], resources: ['*'], conditions: [{ op: 'StringEquals', key: 'aws:ResourceTag/app', values: ['x'] }] });
  const [f] = run(lg011SensitiveAccess, b.model);
  assert.equal(f.severity, 'info');
});
