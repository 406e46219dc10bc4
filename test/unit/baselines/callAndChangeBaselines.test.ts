import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildFunctionIndex } from '../../../src/core/activity/functionIndex';
import { classifyChange } from '../../../src/core/activity/functionChanges';
import { attributeCall } from '../../../src/core/activity/roleSessions';
import { learnCalls, type CallModels } from '../../../src/core/baselines/callModel';
import { callSensitivity } from '../../../src/core/baselines/callSensitivity';
import { changeAlert, changeSeverity } from '../../../src/core/baselines/changeAlerts';
import { detectUnusualCalls, type AttributedCall } from '../../../src/core/baselines/unusualCalls';
import type { TrailEvent } from '../../../src/core/inventory/telemetryModel';
import { ACCOUNT, fixtureSnapshot, REGION, roleCall, T } from './accountFixture';

const index = buildFunctionIndex(fixtureSnapshot().functions);
const WIN_START = T('2026-03-02T00:00:00Z');
const TARGET = { functionName: 'api-a', region: REGION };
const ROLE = 'service-role/api-role';

function windowCalls(events: TrailEvent[]): AttributedCall[] {
  return events.flatMap((e) => {
    const who = attributeCall(e, index);
    return who && who.functions.some((f) => f.name === 'api-a') ? [{ event: e, session: who.session, functions: who.functions.map((f) => f.name) }] : [];
  });
}

const baselineEvents: TrailEvent[] = [];
for (let t = WIN_START - 4 * 86400; t < WIN_START; t += 3600) baselineEvents.push(roleCall('api-a', ROLE, 'kms.amazonaws.com', 'Decrypt', t));

test('callSensitivity: the short list, IAM writes and permissions management are sensitive', () => {
  assert.deepEqual(callSensitivity('secretsmanager:GetSecretValue').sensitive, true);
  assert.deepEqual(callSensitivity('iam:CreateUser'), { sensitive: true, accessLevels: ['Write'] });
  assert.equal(callSensitivity('iam:ListRoles').sensitive, false);
  assert.equal(callSensitivity('dynamodb:DescribeTable').sensitive, false);
  assert.equal(callSensitivity('s3:PutBucketPolicy').sensitive, true);
});

test('LG103: calls the role session never made are alerted once per call, sensitive ones as errors', () => {
  const models: CallModels = new Map();
  learnCalls(models, baselineEvents, index, WIN_START - 4 * 86400, WIN_START);
  assert.equal(models.get('us-east-1/api-a')?.get('kms.amazonaws.com Decrypt')?.count, 96);
  const t = (s: string): number => T(`2026-03-02T${s}:00Z`);
  const events = [
    roleCall('api-a', ROLE, 'kms.amazonaws.com', 'Decrypt', t('09:00')),
    roleCall('api-a', ROLE, 'iam.amazonaws.com', 'CreateUser', t('09:30'), { errorCode: 'AccessDenied' }),
    roleCall('api-a', ROLE, 'iam.amazonaws.com', 'CreateUser', t('09:31')),
    roleCall('api-a', ROLE, 'dynamodb.amazonaws.com', 'DescribeTable', t('11:00')),
    // Same session name under another role: not api-a's session.
    roleCall('api-a', 'worker-role', 's3.amazonaws.com', 'ListBuckets', t('12:00')),
  ];
  const { alerts, summary } = detectUnusualCalls(models.get('us-east-1/api-a'), windowCalls(events), TARGET, 4);
  assert.deepEqual(summary, { state: 'ready', historyDays: 4, calls: 4, newCalls: 2 });
  assert.deepEqual(
    alerts.map((a) => [a.evidence.action, a.severity, a.time, a.evidence.count]),
    [
      ['iam:CreateUser', 'error', '2026-03-02T09:30:00.000Z', 2],
      ['dynamodb:DescribeTable', 'warning', '2026-03-02T11:00:00.000Z', 1],
    ],
  );
  assert.deepEqual(alerts[0].evidence.errorCodes, { AccessDenied: 1 });
  assert.equal(alerts[0].evidence.identity, `arn:aws:sts::${ACCOUNT}:assumed-role/api-role/api-a`);
  assert.equal(alerts[0].evidence.roleArn, `arn:aws:iam::${ACCOUNT}:role/service-role/api-role`);
  assert.equal(alerts[0].evidence.knownCalls, 1);
  assert.match(alerts[0].message, /called iam:CreateUser \(Write, sensitive\) 2 times/);
});

test('LG103: suffixed Lambda event names compare by their plain name', () => {
  const models: CallModels = new Map();
  learnCalls(models, [roleCall('api-a', ROLE, 'lambda.amazonaws.com', 'ListFunctions20150331', WIN_START - 3600)], index, WIN_START - 86400, WIN_START);
  const { alerts } = detectUnusualCalls(models.get('us-east-1/api-a'), windowCalls([roleCall('api-a', ROLE, 'lambda.amazonaws.com', 'ListFunctions', WIN_START + 60)]), TARGET, 5);
  assert.equal(alerts.length, 0);
});

test('LG103 warm-up and no CloudTrail: no alert', () => {
  const calls = windowCalls([roleCall('api-a', ROLE, 'iam.amazonaws.com', 'CreateUser', WIN_START + 60)]);
  assert.equal(detectUnusualCalls(undefined, calls, TARGET, 2).summary.state, 'warming-up');
  assert.equal(detectUnusualCalls(undefined, calls, TARGET, 2).alerts.length, 0);
  assert.equal(detectUnusualCalls(undefined, calls, TARGET, undefined).summary.state, 'no-data');
  // Ready, and the function never called anything: the call is new.
  assert.equal(detectUnusualCalls(undefined, calls, TARGET, 3).alerts.length, 1);
});

function change(eventName: string, req: Record<string, unknown>, res?: Record<string, unknown>): NonNullable<ReturnType<typeof classifyChange>> {
  const e: TrailEvent = {
    eventId: 'ev-1',
    time: '2026-03-02T13:14:15.000Z',
    eventSource: 'lambda.amazonaws.com',
    eventName,
    region: REGION,
    userIdentity: { type: 'IAMUser', arn: `arn:aws:iam::${ACCOUNT}:user/mallory`, accountId: ACCOUNT },
    sourceIp: '198.51.100.66',
    userAgent: 'curl/8',
    requestParameters: req,
  };
  if (res) e.responseElements = res;
  const c = classifyChange(e, index);
  assert.ok(c);
  return c;
}

test('LG104: base severities by kind', () => {
  assert.equal(changeSeverity(change('UpdateFunctionCode20150331v2', { functionName: 'api-a' })), 'warning');
  assert.equal(changeSeverity(change('AddPermission20150331v2', { functionName: 'api-a', principal: '*', action: 'lambda:InvokeFunction' })), 'error');
  assert.equal(changeSeverity(change('AddPermission20150331v2', { functionName: 'api-a', principal: 's3.amazonaws.com' })), 'warning');
  assert.equal(changeSeverity(change('CreateFunctionUrlConfig', { functionName: 'api-a', authType: 'NONE' })), 'error');
  assert.equal(changeSeverity(change('UpdateFunctionConfiguration20150331v2', { functionName: 'api-a', role: 'arn:aws:iam::123456789012:role/admin' })), 'error');
  assert.equal(changeSeverity(change('UpdateFunctionConfiguration20150331v2', { functionName: 'api-a', timeout: 30 })), 'warning');
  assert.equal(changeSeverity(change('TagResource20170331v2', { resource: 'arn:aws:lambda:us-east-1:123456789012:function:api-a', tags: {} })), 'info');
});

test('LG104: the alert names who, from where, the new code SHA; an unseen identity raises the severity', () => {
  const c = change('UpdateFunctionCode20150331v2', { functionName: `arn:aws:lambda:${REGION}:${ACCOUNT}:function:api-a` }, { codeSha256: 'Zm9vYmFy' });
  const known = changeAlert(c, TARGET, true);
  assert.equal(known.ruleId, 'LG104');
  assert.equal(known.severity, 'warning');
  assert.equal(known.time, '2026-03-02T13:14:15.000Z');
  assert.equal(known.message, 'Code updated by user mallory from 198.51.100.66 (new code SHA-256 Zm9vYmFy).');
  assert.equal(known.evidence.codeSha256, 'Zm9vYmFy');
  assert.equal(known.evidence.eventName, 'UpdateFunctionCode');
  assert.equal(known.evidence.recordedEventName, 'UpdateFunctionCode20150331v2');
  assert.deepEqual(known.evidence.actor, { type: 'IAMUser', arn: `arn:aws:iam::${ACCOUNT}:user/mallory`, accountId: ACCOUNT, sourceIp: '198.51.100.66', userAgent: 'curl/8' });
  const unseen = changeAlert(c, TARGET, false);
  assert.equal(unseen.severity, 'error');
  assert.equal(unseen.evidence.actorSeenBefore, false);
  assert.match(unseen.message, /an identity that changed no function while learning/);
  // Without CloudTrail history nothing is said about the identity.
  assert.equal(changeAlert(c, TARGET, undefined).evidence.actorSeenBefore, undefined);
});

test('LG103: a call by the Lambda service with the execution role says so', () => {
  const e = roleCall('awslambda_812_20260302101500', 'api-b-role', 'sqs.amazonaws.com', 'SendMessage', WIN_START + 3600);
  const who = attributeCall(e, index);
  assert.deepEqual(who?.functions.map((f) => f.name), ['api-b']);
  const { alerts } = detectUnusualCalls(undefined, [{ event: e, session: who!.session, functions: ['api-b'] }], { functionName: 'api-b', region: REGION }, 5);
  assert.equal(alerts[0].evidence.serviceSession, true);
  assert.match(alerts[0].message, /^The Lambda service, acting with the execution role \(session awslambda_812_20260302101500\), called sqs:SendMessage/);
});
