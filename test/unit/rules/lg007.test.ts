import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lg007ServicePrincipalNoSource } from '../../../src/core/rules/lg007ServicePrincipalNoSource';
import { ModelBuilder, run, UNKNOWN } from './modelBuilder';

test('LG007: a service principal without SourceArn/SourceAccount is reported on the principal', () => {
  const b = new ModelBuilder();
  const sns = b.str('sns.amazonaws.com');
  b.permission({ owner: 'TopicPerm', principal: sns });
  const out = run(lg007ServicePrincipalNoSource, b.model);
  assert.equal(out.length, 1);
  assert.deepEqual(out[0].range, sns.range);
  assert.deepEqual(out[0].fix, { kind: 'addSourceCondition', principal: 'sns.amazonaws.com' });
  assert.match(out[0].message, /sns\.amazonaws\.com may invoke/);
});

test('LG007: SourceArn or SourceAccount (even unknown values) clear it', () => {
  const b = new ModelBuilder();
  b.permission({ owner: 'Arn', principal: 's3.amazonaws.com', sourceArn: UNKNOWN });
  b.permission({ owner: 'Account', principal: 'events.amazonaws.com', sourceAccount: '123456789012' });
  b.permission({ owner: 'Both', principal: 'apigateway.amazonaws.com', sourceAccount: UNKNOWN, sourceArn: `arn:aws:execute-api:us-east-1:${UNKNOWN}:${UNKNOWN}/*` });
  assert.deepEqual(run(lg007ServicePrincipalNoSource, b.model), []);
});

test('LG007: Alexa (EventSourceToken) and Secrets Manager rotation are exempt', () => {
  const b = new ModelBuilder();
  b.permission({ principal: 'alexa-appkit.amazon.com', eventSourceToken: 'amzn1.ask.skill.123' });
  b.permission({ principal: 'secretsmanager.amazonaws.com' });
  assert.deepEqual(run(lg007ServicePrincipalNoSource, b.model), []);
});

test('LG007: Alexa without EventSourceToken and .amazonaws.com.cn principals are service principals', () => {
  const b = new ModelBuilder();
  b.permission({ owner: 'Alexa', principal: 'alexa-appkit.amazon.com' });
  b.permission({ owner: 'China', principal: 's3.amazonaws.com.cn' });
  assert.deepEqual(run(lg007ServicePrincipalNoSource, b.model).map((f) => f.resource), ['Alexa', 'China']);
});

test('LG007: accounts, * and unknown principals are other rules\' business', () => {
  const b = new ModelBuilder();
  b.permission({ principal: '*' });
  b.permission({ principal: '123456789012' });
  b.permission({ principal: UNKNOWN });
  assert.deepEqual(run(lg007ServicePrincipalNoSource, b.model), []);
});

test('LG007: SAM-generated permissions are reported with their origin when the model has no source', () => {
  const b = new ModelBuilder('sam');
  b.permission({ owner: 'FnTopicPermission', principal: 'sns.amazonaws.com', generatedBy: 'SAM event "Topic" (SNS) of function Fn' });
  b.permission({ owner: 'FnUploadPermission', principal: 's3.amazonaws.com', sourceAccount: UNKNOWN, generatedBy: 'SAM event "Upload" (S3) of function Fn' });
  const out = run(lg007ServicePrincipalNoSource, b.model);
  assert.equal(out.length, 1);
  assert.match(out[0].message, /SAM event "Topic"/);
});

test('LG007: resource-policy statements that grant a service anything need aws:SourceArn/aws:SourceAccount (confused deputy on any kind)', () => {
  const b = new ModelBuilder();
  b.policy('resource', 'Open', [{ actions: ['lambda:InvokeFunction'], principals: [{ type: 'Service', value: 's3.amazonaws.com' }] }]);
  b.policy('resource', 'Pinned', [{ actions: ['lambda:InvokeFunction'], principals: [{ type: 'Service', value: 's3.amazonaws.com' }], conditions: [{ op: 'ArnLike', key: 'AWS:SourceArn', values: ['arn:aws:s3:::b'] }] }]);
  b.policy('resource', 'Queue', [{ actions: ['sqs:SendMessage'], principals: [{ type: 'Service', value: 'sns.amazonaws.com' }] }]);
  const out = run(lg007ServicePrincipalNoSource, b.model);
  assert.deepEqual(out.map((f) => f.resource), ['Open', 'Queue']);
  assert.match(out[0].message, /^s3\.amazonaws\.com may invoke without/);
  assert.match(out[1].message, /^sns\.amazonaws\.com is granted 'sqs:SendMessage' without an aws:SourceArn/);
});
