import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalizeTrailRecord, normalizeTrailRecords, TrailRecordError } from '../../../src/core/activity/normalizeTrailRecord';

// A record as a trail delivers it (shape from the CloudTrail record contents documentation).
const RECORD = {
  eventVersion: '1.08',
  userIdentity: {
    type: 'AssumedRole',
    principalId: 'AROAEXAMPLE:ci-run-17',
    arn: 'arn:aws:sts::123456789012:assumed-role/ci-deploy/ci-run-17',
    accountId: '123456789012',
    sessionContext: { sessionIssuer: { type: 'Role', arn: 'arn:aws:iam::123456789012:role/deploy/ci-deploy', userName: 'ci-deploy' } },
  },
  eventTime: '2026-03-02T14:05:09Z',
  eventSource: 'lambda.amazonaws.com',
  eventName: 'UpdateFunctionCode20150331v2',
  awsRegion: 'eu-west-1',
  sourceIPAddress: '198.51.100.23',
  userAgent: 'aws-cli/2.15.0',
  requestParameters: { functionName: 'orders-api', publish: false },
  responseElements: { functionName: 'orders-api', codeSha256: 'n3wSha256Base64=', version: '$LATEST' },
  eventID: '0f6c1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b',
  readOnly: false,
  resources: [{ accountId: '123456789012', type: 'AWS::Lambda::Function', ARN: 'arn:aws:lambda:eu-west-1:123456789012:function:orders-api' }],
};

const EXPECTED = {
  eventId: '0f6c1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b',
  time: '2026-03-02T14:05:09.000Z',
  eventSource: 'lambda.amazonaws.com',
  eventName: 'UpdateFunctionCode20150331v2',
  region: 'eu-west-1',
  userIdentity: {
    type: 'AssumedRole',
    arn: 'arn:aws:sts::123456789012:assumed-role/ci-deploy/ci-run-17',
    principalId: 'AROAEXAMPLE:ci-run-17',
    accountId: '123456789012',
    sessionIssuerArn: 'arn:aws:iam::123456789012:role/deploy/ci-deploy',
  },
  sourceIp: '198.51.100.23',
  userAgent: 'aws-cli/2.15.0',
  readOnly: false,
  requestParameters: { functionName: 'orders-api', publish: false },
  responseElements: { functionName: 'orders-api', codeSha256: 'n3wSha256Base64=', version: '$LATEST' },
  resources: [{ arn: 'arn:aws:lambda:eu-west-1:123456789012:function:orders-api', type: 'AWS::Lambda::Function' }],
};

test('a trail record (object or JSON text) becomes a TrailEvent', () => {
  assert.deepEqual(normalizeTrailRecord(RECORD), EXPECTED);
  assert.deepEqual(normalizeTrailRecord(JSON.stringify(RECORD)), EXPECTED);
});

test('a LookupEvents Event is read through its CloudTrailEvent string', () => {
  const lookup = {
    EventId: RECORD.eventID,
    EventName: RECORD.eventName,
    ReadOnly: 'false',
    EventTime: new Date('2026-03-02T14:05:09Z'),
    EventSource: RECORD.eventSource,
    Username: 'ci-run-17',
    Resources: [{ ResourceType: 'AWS::Lambda::Function', ResourceName: 'orders-api' }],
    CloudTrailEvent: JSON.stringify(RECORD),
  };
  assert.deepEqual(normalizeTrailRecord(lookup), EXPECTED);
});

test('readOnly as text, errorCode, and the fallback region', () => {
  const { awsRegion: _r, ...noRegion } = RECORD;
  const e = normalizeTrailRecord({ ...noRegion, readOnly: 'true', errorCode: 'AccessDenied' }, 'us-east-2');
  assert.equal(e.region, 'us-east-2');
  assert.equal(e.readOnly, true);
  assert.equal(e.errorCode, 'AccessDenied');
});

test('bad records give specific errors', () => {
  assert.throws(() => normalizeTrailRecord('{not json'), (e: unknown) => e instanceof TrailRecordError && /not valid JSON/.test(e.message));
  assert.throws(() => normalizeTrailRecord([1, 2]), /not a JSON object/);
  const { eventName: _n, ...noName } = RECORD;
  assert.throws(() => normalizeTrailRecord(noName), /has no eventName/);
  assert.throws(() => normalizeTrailRecord({ ...RECORD, eventTime: 'yesterday' }), /unreadable eventTime: "yesterday"/);
  const { awsRegion: _r, ...noRegion } = RECORD;
  assert.throws(() => normalizeTrailRecord(noRegion), /has no awsRegion/);
});

test('normalizeTrailRecords reads a log file object and keeps the good records', () => {
  const { events, problems } = normalizeTrailRecords({ Records: [RECORD, { eventTime: '2026-03-02T00:00:00Z' }, RECORD] });
  assert.equal(events.length, 2);
  assert.deepEqual(problems, [{ index: 1, message: 'CloudTrail record has no eventID' }]);
});
