import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isAllResources, resourceMatchesService, splitArn } from '../../../src/core/iam/resourcePattern';
import { HOLE } from '../../../src/core/model/value';

test('isAllResources: wildcards that reach every resource of a type', () => {
  const positives = [
    '*',
    '**',
    'arn:aws:s3:::*',
    'arn:*:s3:::*/*',
    'arn:aws:dynamodb:*:*:table/*',
    'arn:aws:dynamodb:us-east-1:123456789012:table/*/index/*',
    'arn:aws:dynamodb:*:*:table*',
    'arn:aws:lambda:us-east-1:123456789012:function:*',
    'arn:aws:lambda:*:*:function:*:*',
    'arn:aws:iam::*:role/*',
    'arn:aws:iam::123456789012:role/*/*',
    'arn:aws:logs:*:*:*',
    'arn:aws:logs:*:*:log-group:*',
    'arn:aws:logs:*:*:log-group:*:log-stream:*',
    'arn:aws:secretsmanager:*:*:secret:*',
    'arn:aws:ssm:*:*:parameter/*',
    'arn:aws:sqs:*:*:*',
    'arn:aws:*:*:*:*',
    'arn:aws:*',
    `arn:${HOLE}:sqs:${HOLE}:${HOLE}:*`,
    `arn:${HOLE}:dynamodb:${HOLE}:${HOLE}:table/*`,
  ];
  for (const r of positives) assert.equal(isAllResources(r), true, r.split(HOLE).join('<HOLE>'));
});

test('isAllResources: named, prefixed, path-scoped and unresolved resources are not all', () => {
  const negatives = [
    'arn:aws:s3:::my-bucket/*',
    'arn:aws:s3:::my-bucket',
    'arn:aws:s3:::my-*',
    'arn:aws:dynamodb:*:*:table/Orders',
    'arn:aws:dynamodb:*:*:table/Orders*',
    'arn:aws:dynamodb:*:*:table/Orders/index/*',
    'arn:aws:lambda:us-east-1:123456789012:function:my-fn',
    'arn:aws:lambda:us-east-1:123456789012:function:my-fn:*',
    'arn:aws:lambda:*:*:function/*',
    'arn:aws:iam::123456789012:role/service-role/*',
    'arn:aws:logs:*:*:log-group:/aws/lambda/*',
    'arn:aws:ssm:*:*:parameter/prod/*',
    'arn:aws:sqs:*:*:???',
    'arn:aws:s3:::',
    'arn:aws:*:*:*:table/*',
    'not-an-arn',
    '',
    HOLE,
    `arn:aws:sqs:*:*:${HOLE}`,
    `arn:aws:s3:::${HOLE}/*`,
    `arn:aws:dynamodb:*:*:table/${HOLE}`,
    `arn:aws:dynamodb:*:*:table/${HOLE}*`,
    `arn:aws:${HOLE}:*:*:${HOLE}`,
  ];
  for (const r of negatives) assert.equal(isAllResources(r), false, r.split(HOLE).join('<HOLE>'));
});

test('splitArn keeps colons of the resource part', () => {
  assert.deepEqual(splitArn('arn:aws:logs:us-east-1:1:log-group:g:log-stream:s'), ['arn', 'aws', 'logs', 'us-east-1', '1', 'log-group:g:log-stream:s']);
  assert.deepEqual(splitArn('arn:aws:*'), ['arn', 'aws', '*']);
});

test('resourceMatchesService', () => {
  assert.ok(resourceMatchesService('*', 's3'));
  assert.ok(resourceMatchesService('arn:aws:s3:::b/*', 's3'));
  assert.ok(resourceMatchesService('arn:aws:S3:::b/*', 'S3'));
  assert.equal(resourceMatchesService('arn:aws:s3:::b/*', 'dynamodb'), false);
  assert.ok(resourceMatchesService('arn:aws:*:*:*:*', 'dynamodb'));
  assert.ok(resourceMatchesService('arn:aws:dynamo*:*:*:table/*', 'dynamodb'));
  // sts:AssumeRole is granted on IAM role ARNs.
  assert.ok(resourceMatchesService('arn:aws:iam::123456789012:role/x', 'sts'));
  assert.equal(resourceMatchesService('arn:aws:iam::123456789012:role/x', 'lambda'), false);
  assert.equal(resourceMatchesService(`arn:aws:${HOLE}:*:*:x`, 's3'), false);
  assert.equal(resourceMatchesService(HOLE, 's3'), false);
  assert.equal(resourceMatchesService('bucket-name', 's3'), false);
});
