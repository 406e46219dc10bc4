import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lg014PlaintextSecretEnv } from '../../../src/core/rules/lg014PlaintextSecretEnv';
import { isSecretName, nameWords } from '../../../src/core/rules/secretPatterns';
import { HOLE } from '../../../src/core/model/value';
import { ModelBuilder, run, UNKNOWN } from './modelBuilder';

test('LG014: a secret-looking name with a literal value is reported on the name, without echoing the value', () => {
  const b = new ModelBuilder();
  const v = b.env('Fn', 'DB_PASSWORD', 'hunter2');
  const out = run(lg014PlaintextSecretEnv, b.model);
  assert.equal(out.length, 1);
  assert.deepEqual(out[0].range, v.nameRange);
  assert.doesNotMatch(out[0].message, /hunter2/);
  assert.deepEqual(out[0].fix, { kind: 'useDynamicReference', name: 'DB_PASSWORD' });
});

test('LG014: dynamic references, intrinsics, empty values, ARNs, paths, numbers and placeholders are not secrets', () => {
  const b = new ModelBuilder();
  b.env('Fn', 'DB_PASSWORD', '{{resolve:secretsmanager:prod/db:SecretString:password}}');
  b.env('Fn', 'API_TOKEN', '{{resolve:ssm-secure:/prod/token}}');
  b.env('Fn', 'API_KEY', UNKNOWN);
  b.env('Fn', 'CLIENT_SECRET', `prefix-${HOLE}`);
  b.env('Fn', 'JWT_SECRET', '');
  b.env('Fn', 'SECRET', 'arn:aws:secretsmanager:us-east-1:123456789012:secret:x');
  b.env('Fn', 'PASSWORD', '/prod/db/password');
  b.env('Fn', 'MAX_TOKENS', '4096');
  b.env('Fn', 'AUTH_TOKEN', '<your token here>');
  assert.deepEqual(run(lg014PlaintextSecretEnv, b.model), []);
});

test('LG014: pointer names (SECRET_ARN, SECRET_NAME, TOKEN_TABLE, ACCESS_KEY_ID) are not secrets', () => {
  const b = new ModelBuilder();
  for (const name of ['GITHUB_WEBHOOK_SECRET_ARN', 'SECRET_NAME', 'TOKEN_TABLE', 'PASSWORD_PARAMETER', 'TOKEN_TTL', 'key', 'PGUSER', 'Variable1'])
    b.env('Fn', name, 'some-literal');
  assert.deepEqual(run(lg014PlaintextSecretEnv, b.model), []);
});

test('LG014: credential-shaped values are reported whatever the name', () => {
  const b = new ModelBuilder();
  b.env('Fn', 'key1', 'AKIAIOSFODNN7EXAMPLE');
  b.env('Fn', 'CONFIG', '-----BEGIN RSA PRIVATE KEY-----\nMIIE...');
  b.env('Fn', 'DATABASE_URL', 'postgres://app:s3cret@db.example.com/app');
  b.env('Fn', 'CONN', `postgres://${HOLE}:${HOLE}@db/app`);
  const out = run(lg014PlaintextSecretEnv, b.model);
  assert.equal(out.length, 3);
  assert.match(out[0].message, /AWS access key ID/);
  assert.match(out[1].message, /private key/);
  assert.match(out[2].message, /URL with an embedded password/);
});

test('LG014: name heuristics', () => {
  assert.deepEqual(nameWords('dbPassword'), ['db', 'password']);
  assert.deepEqual(nameWords('APIKey'), ['api', 'key']);
  for (const n of ['API_KEY', 'apiKey', 'STRIPE_SECRET_KEY', 'PRIVATE_KEY', 'AWS_SECRET_ACCESS_KEY', 'SLACK_TOKEN', 'DB_PASS', 'clientSecret'])
    assert.ok(isSecretName(n), n);
  for (const n of ['KEY', 'CACHE_KEY', 'S3_KEY_PREFIX', 'SECRET_ARN', 'TOKEN_ENDPOINT', 'ACCESS_KEY_ID', 'KMS_KEY_ID'])
    assert.equal(isSecretName(n), false, n);
});
