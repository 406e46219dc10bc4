import { test } from 'node:test';
import assert from 'node:assert/strict';
import { permissionsFromResourcePolicy } from '../../../src/core/audit/resourcePolicyPermissions';
import { ACCOUNT, doc, FN } from './auditBuilders';

// Statements as Lambda's GetPolicy returns them after AddPermission / CreateFunctionUrlConfig: each must
// come back as the AWS::Lambda::Permission properties that would have written it. Anything AddPermission
// cannot write must stay aside (`unmapped`) and never turn into a permission without its restriction.

const RESOURCE = `${FN}report`;
const invoke = (principal: unknown, condition?: unknown, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  Sid: 'sid-1',
  Effect: 'Allow',
  Principal: principal,
  Action: 'lambda:InvokeFunction',
  Resource: RESOURCE,
  ...(condition ? { Condition: condition } : {}),
  ...extra,
});

test('a service principal with ArnLike AWS:SourceArn and StringEquals AWS:SourceAccount keeps both restrictions', () => {
  const st = invoke({ Service: 's3.amazonaws.com' }, { StringEquals: { 'AWS:SourceAccount': ACCOUNT }, ArnLike: { 'AWS:SourceArn': 'arn:aws:s3:::uploads' } });
  assert.deepEqual(permissionsFromResourcePolicy(doc(st)), {
    permissions: [
      {
        sid: 'sid-1',
        properties: { Action: 'lambda:InvokeFunction', Principal: 's3.amazonaws.com', SourceAccount: ACCOUNT, SourceArn: 'arn:aws:s3:::uploads' },
      },
    ],
    unmapped: [],
  });
});

test('a public function-URL statement keeps FunctionUrlAuthType (what tells NONE from AWS_IAM)', () => {
  const st = {
    Sid: 'FunctionURLAllowPublicAccess',
    Effect: 'Allow',
    Principal: '*',
    Action: 'lambda:InvokeFunctionUrl',
    Resource: RESOURCE,
    Condition: { StringEquals: { 'lambda:FunctionUrlAuthType': 'NONE' } },
  };
  const r = permissionsFromResourcePolicy(doc(st));
  const properties = { Action: 'lambda:InvokeFunctionUrl', Principal: '*', FunctionUrlAuthType: 'NONE' };
  assert.deepEqual(r.permissions, [{ sid: 'FunctionURLAllowPublicAccess', properties }]);
  assert.deepEqual(r.unmapped, []);
});

test('a cross-account root principal, PrincipalOrgID and an Alexa EventSourceToken map to their properties', () => {
  const r = permissionsFromResourcePolicy(
    doc(
      { ...invoke({ AWS: 'arn:aws:iam::444455556666:root' }), Sid: 'partner' },
      { ...invoke('*', { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } }), Sid: 'org' },
      { ...invoke({ Service: 'alexa-appkit.amazon.com' }, { StringEquals: { 'lambda:EventSourceToken': 'amzn1.ask.skill.123' } }), Sid: 'alexa' },
    ),
  );
  assert.deepEqual(r.permissions, [
    { sid: 'partner', properties: { Action: 'lambda:InvokeFunction', Principal: 'arn:aws:iam::444455556666:root' } },
    { sid: 'org', properties: { Action: 'lambda:InvokeFunction', Principal: '*', PrincipalOrgID: 'o-a1b2c3d4e5' } },
    { sid: 'alexa', properties: { Action: 'lambda:InvokeFunction', Principal: 'alexa-appkit.amazon.com', EventSourceToken: 'amzn1.ask.skill.123' } },
  ]);
  assert.deepEqual(r.unmapped, []);
});

test('condition keys are case-insensitive (GetPolicy writes AWS:SourceArn, people write aws:SourceArn)', () => {
  const st = invoke({ Service: 'sns.amazonaws.com' }, { ArnLike: { 'aws:sourcearn': 'arn:aws:sns:us-east-1:111122223333:topic' } });
  const r = permissionsFromResourcePolicy(doc(st));
  assert.equal(r.permissions[0].properties.SourceArn, 'arn:aws:sns:us-east-1:111122223333:topic');
});

test('a Deny, a NotPrincipal, NotAction and an unknown condition key stay unmapped: none becomes a permission', () => {
  const deny = { ...invoke('*'), Effect: 'Deny' };
  const notPrincipal = { Effect: 'Allow', NotPrincipal: { AWS: 'arn:aws:iam::444455556666:root' }, Action: 'lambda:InvokeFunction', Resource: RESOURCE };
  const notAction = { Sid: 'na', Effect: 'Allow', Principal: '*', NotAction: 'lambda:DeleteFunction', Resource: RESOURCE };
  // Restricted by caller IP: as a permission without the condition it would read as public.
  const sourceIp = invoke('*', { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } });
  // A known operator with a key AddPermission never writes.
  const vpc = invoke('*', { StringEquals: { 'aws:SourceVpc': 'vpc-1' } });
  const statements = [deny, notPrincipal, notAction, sourceIp, vpc];
  const r = permissionsFromResourcePolicy(doc(...statements));
  assert.deepEqual(r.permissions, []);
  assert.deepEqual(r.unmapped, statements);
});

test('a statement with one mappable and one unknown condition is unmapped as a whole (the known part alone would widen it)', () => {
  const st = invoke('*', { StringEquals: { 'AWS:SourceAccount': ACCOUNT }, IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } });
  assert.deepEqual(permissionsFromResourcePolicy(doc(st)), { permissions: [], unmapped: [st] });
});

test('multi-valued conditions (an OR a permission cannot hold) are unmapped', () => {
  const twoArns = invoke({ Service: 's3.amazonaws.com' }, { ArnLike: { 'AWS:SourceArn': ['arn:aws:s3:::a', 'arn:aws:s3:::b'] } });
  const twoAccounts = invoke('*', { StringEquals: { 'AWS:SourceAccount': [ACCOUNT, '444455556666'] } });
  const r = permissionsFromResourcePolicy(doc(twoArns, twoAccounts));
  assert.deepEqual(r.permissions, []);
  assert.deepEqual(r.unmapped, [twoArns, twoAccounts]);
});

test('two SourceArn tests in one statement (both must hold) cannot be one permission: unmapped, not reduced to the last, wider one', () => {
  // Only arn:aws:s3:::ab may invoke; keeping just the ArnLike test would show every a* bucket as allowed.
  const st = invoke({ Service: 's3.amazonaws.com' }, { ArnEquals: { 'AWS:SourceArn': 'arn:aws:s3:::ab' }, ArnLike: { 'AWS:SourceArn': 'arn:aws:s3:::a*' } });
  assert.deepEqual(permissionsFromResourcePolicy(doc(st)), { permissions: [], unmapped: [st] });
});

test('several principals × actions split into one permission each, every one with the statement restriction and its own id', () => {
  const st = {
    Sid: 'multi',
    Effect: 'Allow',
    Principal: { Service: ['s3.amazonaws.com', 'sns.amazonaws.com'], AWS: 'arn:aws:iam::444455556666:root' },
    Action: ['lambda:InvokeFunction', 'lambda:GetFunction'],
    Resource: RESOURCE,
    Condition: { StringEquals: { 'AWS:SourceAccount': ACCOUNT } },
  };
  const r = permissionsFromResourcePolicy(doc(st));
  assert.deepEqual(r.unmapped, []);
  const pairs = r.permissions.map((p) => `${p.properties.Principal} ${p.properties.Action}`).sort();
  assert.deepEqual(pairs, [
    'arn:aws:iam::444455556666:root lambda:GetFunction',
    'arn:aws:iam::444455556666:root lambda:InvokeFunction',
    's3.amazonaws.com lambda:GetFunction',
    's3.amazonaws.com lambda:InvokeFunction',
    'sns.amazonaws.com lambda:GetFunction',
    'sns.amazonaws.com lambda:InvokeFunction',
  ]);
  for (const p of r.permissions) assert.equal(p.properties.SourceAccount, ACCOUNT, p.sid);
  assert.equal(new Set(r.permissions.map((p) => p.sid)).size, 6, 'each split permission needs its own logical id');
  for (const p of r.permissions) assert.ok(p.sid.startsWith('multi'), p.sid);
});

test('a principal type a permission cannot name (Federated, CanonicalUser) is unmapped', () => {
  const fed = invoke({ Federated: 'cognito-identity.amazonaws.com' });
  const mixed = invoke({ AWS: 'arn:aws:iam::444455556666:root', CanonicalUser: 'abc' });
  assert.deepEqual(permissionsFromResourcePolicy(doc(fed, mixed)), { permissions: [], unmapped: [fed, mixed] });
});

test('no policy, an empty policy and a single (non-array) statement; a statement without Sid is named by position', () => {
  assert.deepEqual(permissionsFromResourcePolicy(undefined), { permissions: [], unmapped: [] });
  assert.deepEqual(permissionsFromResourcePolicy({ Version: '2012-10-17', Statement: [] }), { permissions: [], unmapped: [] });
  const statement = { Effect: 'Allow', Principal: { Service: 'events.amazonaws.com' }, Action: 'lambda:InvokeFunction', Resource: RESOURCE };
  const single = { Version: '2012-10-17', Statement: statement };
  const properties = { Action: 'lambda:InvokeFunction', Principal: 'events.amazonaws.com' };
  assert.deepEqual(permissionsFromResourcePolicy(single).permissions, [{ sid: 'statement 1', properties }]);
});
