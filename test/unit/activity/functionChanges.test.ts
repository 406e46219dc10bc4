import { test } from 'node:test';
import assert from 'node:assert/strict';
import { changeActor } from '../../../src/core/activity/changeActor';
import { classifyChange } from '../../../src/core/activity/functionChanges';
import type { TrailEvent } from '../../../src/core/inventory/telemetryModel';

const CI = {
  type: 'AssumedRole',
  arn: 'arn:aws:sts::123456789012:assumed-role/ci-deploy/run-88',
  accountId: '123456789012',
  sessionIssuerArn: 'arn:aws:iam::123456789012:role/ci-deploy',
};

function lambdaEvent(eventName: string, requestParameters: Record<string, unknown>, over: Partial<TrailEvent> = {}): TrailEvent {
  return {
    eventId: `id-${eventName}`,
    time: '2026-03-02T10:00:00.000Z',
    eventSource: 'lambda.amazonaws.com',
    eventName,
    region: 'us-east-1',
    userIdentity: CI,
    sourceIp: '203.0.113.7',
    userAgent: 'aws-sdk-js/3',
    requestParameters,
    ...over,
  };
}

test('a code update: kind, function, actor and the new code SHA', () => {
  const c = classifyChange(
    lambdaEvent('UpdateFunctionCode20150331v2', { functionName: 'arn:aws:lambda:us-east-1:123456789012:function:orders' }, { responseElements: { codeSha256: 'abc=', version: '$LATEST' } }),
  );
  assert.ok(c);
  assert.equal(c.kind, 'code');
  assert.equal(c.eventName, 'UpdateFunctionCode');
  assert.equal(c.function.name, 'orders');
  assert.deepEqual(c.details, { codeSha256: 'abc=', version: '$LATEST' });
  assert.equal(c.actor.label, 'role ci-deploy (session run-88)');
  assert.equal(c.actor.key, 'arn:aws:iam::123456789012:role/ci-deploy');
  assert.equal(c.actor.sourceIp, '203.0.113.7');
});

test('each change family is classified', () => {
  const kinds = [
    ['CreateFunction20150331', 'created'],
    ['DeleteFunction20150331', 'deleted'],
    ['UpdateFunctionConfiguration20150331v2', 'configuration'],
    ['AddPermission20150331v2', 'permission-added'],
    ['RemovePermission20150331v2', 'permission-removed'],
    ['CreateFunctionUrlConfig', 'url-created'],
    ['UpdateFunctionUrlConfig', 'url-updated'],
    ['DeleteFunctionUrlConfig', 'url-deleted'],
    ['PutFunctionConcurrency20171031', 'concurrency'],
    ['PublishVersion20150331', 'version-published'],
    ['CreateAlias20150331', 'alias'],
    ['CreateEventSourceMapping20150331', 'event-source-mapping-created'],
    ['UpdateEventSourceMapping20150331', 'event-source-mapping-updated'],
    ['DeleteEventSourceMapping20150331', 'event-source-mapping-deleted'],
    ['PutFunctionEventInvokeConfig', 'destinations'],
  ] as const;
  for (const [name, kind] of kinds) assert.equal(classifyChange(lambdaEvent(name, { functionName: 'f' }))?.kind, kind, name);
});

test('permission, configuration and tag details', () => {
  const perm = classifyChange(lambdaEvent('AddPermission20150331v2', { functionName: 'f', statementId: 's1', action: 'lambda:InvokeFunction', principal: '*' }));
  assert.deepEqual(perm?.details, { statementId: 's1', action: 'lambda:InvokeFunction', principal: '*' });
  const conf = classifyChange(lambdaEvent('UpdateFunctionConfiguration20150331v2', { functionName: 'f', role: 'arn:aws:iam::123456789012:role/x', environment: {} }));
  assert.deepEqual(conf?.details, { role: 'arn:aws:iam::123456789012:role/x', changed: ['environment', 'role'] });
  const tags = classifyChange(lambdaEvent('TagResource20170331v2', { resource: 'arn:aws:lambda:us-east-1:123456789012:function:f', tags: { team: 'a', env: 'b' } }));
  assert.equal(tags?.kind, 'tags');
  assert.deepEqual(tags?.details, { tagKeys: ['env', 'team'] });
});

test('reads, failed calls and other services are not changes', () => {
  assert.equal(classifyChange(lambdaEvent('GetFunction20150331v2', { functionName: 'f' })), undefined);
  assert.equal(classifyChange(lambdaEvent('UpdateFunctionCode20150331v2', { functionName: 'f' }, { errorCode: 'AccessDeniedException' })), undefined);
  assert.equal(classifyChange(lambdaEvent('UpdateFunctionCode20150331v2', { functionName: 'f' }, { eventSource: 's3.amazonaws.com' })), undefined);
  assert.equal(classifyChange(lambdaEvent('UpdateFunctionCode20150331v2', {})), undefined, 'no function named');
});

test('actor labels for users, root and services', () => {
  const base = lambdaEvent('X', {});
  assert.equal(changeActor({ ...base, userIdentity: { type: 'IAMUser', arn: 'arn:aws:iam::123456789012:user/ops/alice' } }).label, 'user alice');
  assert.equal(changeActor({ ...base, userIdentity: { type: 'Root', arn: 'arn:aws:iam::123456789012:root' } }).label, 'the root user');
  assert.equal(changeActor({ ...base, userIdentity: { type: 'AWSService', invokedBy: 'cloudformation.amazonaws.com' } }).label, 'AWS service cloudformation.amazonaws.com');
});
