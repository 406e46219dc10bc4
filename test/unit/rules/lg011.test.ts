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
  assert.match(out[0].message, /^Data read: 's3:GetObject' on 'arn:aws:s3:::\*\/\*'/);
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

// The two risks are worded apart: a data read is never called a credential exposure, and each finding's
// advice names what to scope to (expectations written from the rule page, not from the code).
test('LG011: data reads are not credential exposure, and their advice names the tables and buckets', () => {
  const b = new ModelBuilder();
  const query = b.str('dynamodb:Query');
  const get = b.str('s3:GetObject');
  b.identity('FnRole', { actions: [query, get], resources: ['*'] });
  const out = run(lg011SensitiveAccess, b.model);
  assert.deepEqual(out.map((f) => f.message.split(' on ')[0]), ["Data read: 'dynamodb:Query'", "Data read: 's3:GetObject'"]);
  for (const f of out) {
    assert.ok(!/credential|secret/i.test(`${f.message} ${f.advice?.why} ${f.advice?.fix}`), f.message);
  }
  assert.equal(out[0].advice?.fix, 'Scope them to the ARNs of the tables (and their indexes and streams) the function reads.');
  assert.equal(out[1].advice?.fix, 'Scope them to the ARNs of the buckets (and object prefixes) the function reads.');
});

test('LG011: a credential action is a credential exposure with secret-scoping advice', () => {
  const b = new ModelBuilder();
  b.identity('FnRole', { actions: ['kms:Decrypt'], resources: ['*'] });
  const [f] = run(lg011SensitiveAccess, b.model);
  assert.match(f.message, /^Credential exposure: 'kms:Decrypt' on '\*'/);
  assert.equal(f.advice?.fix, 'Scope them to the ARNs of the secrets, parameters, keys or roles the function needs.');
});

test('LG011: one entry covering both risks says both, each with its own actions', () => {
  const b = new ModelBuilder();
  b.identity('FnRole', { actions: ['*'], resources: ['*'] });
  const [f] = run(lg011SensitiveAccess, b.model);
  assert.match(f.message, /^Credential exposure and data read: '\*' \(credentials: secretsmanager:GetSecretValue, .*; data: s3:GetObject, /);
  assert.match(f.advice?.fix ?? '', /secrets, keys or roles .* and the buckets \(and object prefixes\), tables/);
});
