import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lg002WildcardResource } from '../../../src/core/rules/lg002WildcardResource';
import { ModelBuilder, run, UNKNOWN } from './modelBuilder';

test('LG002: write action on Resource * is reported on the resource value, with a fix naming the ARN pattern', () => {
  const b = new ModelBuilder();
  const star = b.str('*');
  b.identity('FnRole', { actions: ['s3:PutObject'], resources: [star] });
  const out = run(lg002WildcardResource, b.model);
  assert.equal(out.length, 1);
  assert.deepEqual(out[0].range, star.range);
  assert.match(out[0].message, /s3:PutObject/);
  assert.equal(out[0].fix?.kind, 'replaceResourceWildcard');
  assert.equal(out[0].fix?.service, 's3');
  assert.ok((out[0].fix?.resourceTypes as string[]).includes('object'));
  assert.ok((out[0].fix?.arnPatterns as string[]).some((p) => p.startsWith('arn:${Partition}:s3:::')));
});

test('LG002: wildcard-only and baseline actions on * are not reported (xray, ec2 describe, metrics, the Lambda logging trio)', () => {
  const b = new ModelBuilder();
  b.identity('FnRole', {
    actions: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords', 'ec2:DescribeNetworkInterfaces', 'ec2:CreateNetworkInterface', 'cloudwatch:PutMetricData', 'logs:DescribeLogGroups', 'ecr:GetAuthorizationToken', 'logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents'],
    resources: ['*'],
  });
  assert.deepEqual(run(lg002WildcardResource, b.model), []);
});

test('LG002: iam:PassRole is left to LG004; other IAM writes are reported', () => {
  const b = new ModelBuilder();
  b.identity('A', { actions: ['iam:PassRole'], resources: ['*'] });
  b.identity('B', { actions: ['iam:PassRole', 'iam:TagRole'], resources: ['*'] });
  const out = run(lg002WildcardResource, b.model);
  assert.deepEqual(out.map((f) => f.resource), ['B']);
  assert.doesNotMatch(out[0].message, /PassRole/);
});

test('LG002: reads count only when sensitive', () => {
  const b = new ModelBuilder();
  b.identity('A', { actions: ['s3:ListBucket', 'dynamodb:DescribeTable'], resources: ['*'] });
  b.identity('B', { actions: ['secretsmanager:GetSecretValue'], resources: ['*'] });
  const out = run(lg002WildcardResource, b.model);
  assert.deepEqual(out.map((f) => f.resource), ['B']);
});

test('LG002: effectively-all ARNs are broad; named resources and prefixes are not', () => {
  const b = new ModelBuilder();
  const table = b.str('arn:aws:dynamodb:us-east-1:123456789012:table/*');
  const buckets = b.str('arn:aws:s3:::*');
  b.identity('FnRole', {
    actions: ['dynamodb:Update*', 's3:PutObject'],
    resources: [table, buckets, 'arn:aws:s3:::my-bucket/*', 'arn:aws:dynamodb:us-east-1:123456789012:table/Orders*'],
  });
  const out = run(lg002WildcardResource, b.model);
  assert.deepEqual(out.map((f) => f.range), [table.range, buckets.range]);
  assert.doesNotMatch(out[0].message, /s3:/, 'a table ARN only concerns dynamodb actions');
  assert.doesNotMatch(out[1].message, /dynamodb:/);
});

test('LG002: Action * on Resource * says every action', () => {
  const b = new ModelBuilder();
  b.identity('FnRole', { actions: ['*'], resources: ['*'] });
  const out = run(lg002WildcardResource, b.model);
  assert.equal(out.length, 1);
  assert.match(out[0].message, /every action/);
});

test('LG002: Deny, unknown resources and trust/resource policies are not reported', () => {
  const b = new ModelBuilder();
  b.identity('FnRole', { effect: 'Deny', actions: ['s3:PutObject'], resources: ['*'] }, { actions: ['s3:PutObject'], resources: [UNKNOWN, `arn:aws:s3:::${UNKNOWN}/*`] });
  b.policy('resource', 'KeyPolicy', [{ actions: ['kms:Decrypt'], resources: ['*'], principals: [{ type: 'AWS', value: UNKNOWN }] }]);
  assert.deepEqual(run(lg002WildcardResource, b.model), []);
});

test('LG002: a resource-tag condition lowers the finding to info', () => {
  const b = new ModelBuilder();
  b.identity('FnRole', { actions: ['ec2:TerminateInstances'], resources: ['*'], conditions: [{ op: 'StringEquals', key: 'aws:ResourceTag/team', values: ['payments'] }] });
  const out = run(lg002WildcardResource, b.model);
  assert.equal(out[0].severity, 'info');
  assert.match(out[0].message, /narrowed by aws:ResourceTag\/team/);
});

test('LG002: long action lists are capped in the message', () => {
  const b = new ModelBuilder();
  b.identity('FnRole', { actions: ['s3:PutObject', 's3:DeleteObject', 's3:PutBucketPolicy', 's3:DeleteBucket', 's3:PutObjectAcl', 's3:CreateBucket'], resources: ['*'] });
  const out = run(lg002WildcardResource, b.model);
  assert.match(out[0].message, /6 write.*\(\+2 more\)/);
});

test('LG002: a resource value from one !If branch carries the branch', () => {
  const b = new ModelBuilder();
  b.identity('FnRole', { actions: ['sqs:SendMessage'], resources: [b.str('*', 'UseAll=true'), b.str('arn:aws:sqs:us-east-1:123456789012:q', 'UseAll=false')] });
  const out = run(lg002WildcardResource, b.model);
  assert.equal(out.length, 1);
  assert.equal(out[0].branch, 'UseAll=true');
});

test('LG002: unknown region and account (${AWS::Region}) do not narrow an all-tables ARN', () => {
  const b = new ModelBuilder();
  const table = b.str(`arn:aws:dynamodb:${UNKNOWN}:${UNKNOWN}:table/*`);
  b.identity('FnRole', { actions: ['dynamodb:PutItem'], resources: [table] });
  const out = run(lg002WildcardResource, b.model);
  assert.deepEqual(out.map((f) => f.range), [table.range]);
  assert.match(out[0].message, /'arn:aws:dynamodb:<unresolved>:<unresolved>:table\/\*'/);
});
