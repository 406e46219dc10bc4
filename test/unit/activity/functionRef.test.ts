import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildFunctionIndex } from '../../../src/core/activity/functionIndex';
import { functionOfEvent, parseFunctionRef } from '../../../src/core/activity/functionRef';
import type { LiveFunction } from '../../../src/core/inventory/accountModel';
import type { TrailEvent } from '../../../src/core/inventory/telemetryModel';

test('parseFunctionRef reads names, qualified names, partial and full ARNs', () => {
  assert.deepEqual(parseFunctionRef('orders-api'), { name: 'orders-api' });
  assert.deepEqual(parseFunctionRef('orders-api:PROD'), { name: 'orders-api', qualifier: 'PROD' });
  assert.deepEqual(parseFunctionRef('123456789012:function:orders-api'), { name: 'orders-api', accountId: '123456789012' });
  assert.deepEqual(parseFunctionRef('123456789012:function:orders-api:7'), { name: 'orders-api', accountId: '123456789012', qualifier: '7' });
  assert.deepEqual(parseFunctionRef('arn:aws:lambda:eu-west-1:123456789012:function:orders-api'), {
    name: 'orders-api',
    region: 'eu-west-1',
    accountId: '123456789012',
  });
  assert.deepEqual(parseFunctionRef('arn:aws:lambda:eu-west-1:123456789012:function:orders-api:$LATEST'), {
    name: 'orders-api',
    region: 'eu-west-1',
    accountId: '123456789012',
    qualifier: '$LATEST',
  });
  assert.deepEqual(parseFunctionRef('arn:aws-cn:lambda:cn-north-1:123456789012:function:f'), { name: 'f', region: 'cn-north-1', accountId: '123456789012' });
});

test('parseFunctionRef rejects what is not a function', () => {
  assert.equal(parseFunctionRef('arn:aws:lambda:us-east-1:123456789012:layer:deps:3'), undefined);
  assert.equal(parseFunctionRef('arn:aws:sqs:us-east-1:123456789012:queue'), undefined);
  assert.equal(parseFunctionRef('not a name'), undefined);
  assert.equal(parseFunctionRef(''), undefined);
});

function event(over: Partial<TrailEvent>): TrailEvent {
  return { eventId: 'e1', time: '2026-01-05T10:00:00.000Z', eventSource: 'lambda.amazonaws.com', eventName: 'X', region: 'us-east-1', userIdentity: {}, ...over };
}

test('functionOfEvent takes the region from the ARN, else from the event', () => {
  assert.deepEqual(functionOfEvent(event({ requestParameters: { functionName: 'arn:aws:lambda:eu-west-1:123456789012:function:billing:live' } })), {
    name: 'billing',
    region: 'eu-west-1',
    accountId: '123456789012',
    qualifier: 'live',
  });
  assert.deepEqual(functionOfEvent(event({ requestParameters: { functionName: 'billing' } })), { name: 'billing', region: 'us-east-1' });
});

test('functionOfEvent reads tag calls, resources[] and event source mapping UUIDs', () => {
  const tag = event({ eventName: 'TagResource20170331v2', requestParameters: { resource: 'arn:aws:lambda:us-east-1:123456789012:function:tagged', tags: { a: '1' } } });
  assert.equal(functionOfEvent(tag)?.name, 'tagged');
  const viaResources = event({ resources: [{ arn: 'arn:aws:lambda:us-west-2:123456789012:function:listed', type: 'AWS::Lambda::Function' }] });
  assert.deepEqual(functionOfEvent(viaResources), { name: 'listed', region: 'us-west-2', accountId: '123456789012' });
  const fn: LiveFunction = {
    name: 'consumer',
    arn: 'arn:aws:lambda:us-east-1:123456789012:function:consumer',
    region: 'us-east-1',
    role: 'arn:aws:iam::123456789012:role/r',
    tags: {},
    environment: {},
    layers: [],
    eventSourceMappings: [{ uuid: 'a1b2c3d4-0000-1111-2222-333344445555' }],
  };
  const del = event({ eventName: 'DeleteEventSourceMapping20150331', requestParameters: { uUID: 'a1b2c3d4-0000-1111-2222-333344445555' } });
  assert.equal(functionOfEvent(del), undefined, 'without the index a UUID names nothing');
  assert.deepEqual(functionOfEvent(del, buildFunctionIndex([fn])), { name: 'consumer', region: 'us-east-1' });
  const viaResponse = event({ requestParameters: { uUID: 'x' }, responseElements: { functionArn: 'arn:aws:lambda:us-east-1:123456789012:function:consumer' } });
  assert.equal(functionOfEvent(viaResponse)?.name, 'consumer');
});
