import { test } from 'node:test';
import assert from 'node:assert/strict';
import { byRegionAndName, permissionSummaries, triggerSummaries, vpcSummary } from '../../../src/core/audit/functionSummary';
import { functionGroupsOf } from '../../../src/core/flows/functionGroups';
import { ACCOUNT, doc, fn, FN, lambdaEni, snapshot } from './auditBuilders';

// What invokes a function (mappings, permissions, URL) and which ENIs it uses: Lambda creates one ENI per
// subnet + security-group SET, shared by every function with the same set.

const QUEUE = `arn:aws:sqs:us-east-1:${ACCOUNT}:jobs`;
const BUCKET = 'arn:aws:s3:::uploads';

test('triggers: event source mappings, Allow permissions with their SourceArn, the URL; a Deny is no trigger', () => {
  const f = fn('worker', {
    eventSourceMappings: [
      { uuid: 'u-1', eventSourceArn: QUEUE, state: 'Enabled', batchSize: 10 },
      { uuid: 'u-2', selfManagedSource: 'b-1.kafka.example.com:9092' },
    ],
    resourcePolicy: doc(
      {
        Sid: 's3',
        Effect: 'Allow',
        Principal: { Service: 's3.amazonaws.com' },
        Action: 'lambda:InvokeFunction',
        Resource: `${FN}worker`,
        Condition: { StringEquals: { 'AWS:SourceAccount': ACCOUNT }, ArnLike: { 'AWS:SourceArn': BUCKET } },
      },
      { Sid: 'partner', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::444455556666:root' }, Action: 'lambda:InvokeFunction', Resource: `${FN}worker` },
      { Sid: 'no', Effect: 'Deny', Principal: '*', Action: 'lambda:InvokeFunction', Resource: `${FN}worker` },
    ),
    url: { url: 'https://w.lambda-url.us-east-1.on.aws/', authType: 'NONE' },
  });
  assert.deepEqual(triggerSummaries(f), [
    { kind: 'event-source-mapping', source: QUEUE, detail: 'Enabled' },
    { kind: 'event-source-mapping', source: 'b-1.kafka.example.com:9092' },
    { kind: 'permission', source: 's3.amazonaws.com', detail: BUCKET },
    { kind: 'permission', source: 'arn:aws:iam::444455556666:root' },
    { kind: 'url', source: 'https://w.lambda-url.us-east-1.on.aws/', detail: 'AuthType NONE' },
  ]);
  assert.deepEqual(triggerSummaries(fn('idle')), []);
});

test('permissions: every statement with sid, effect, principal, actions and conditions as written', () => {
  const cond = { ArnLike: { 'AWS:SourceArn': BUCKET } };
  const policy = doc(
    { Sid: 's3', Effect: 'Allow', Principal: { Service: 's3.amazonaws.com' }, Action: 'lambda:InvokeFunction', Resource: `${FN}w`, Condition: cond },
    { Effect: 'Allow', Principal: '*', Action: ['lambda:InvokeFunctionUrl', 'lambda:InvokeFunction'], Resource: `${FN}w` },
  );
  assert.deepEqual(permissionSummaries(policy), [
    { sid: 's3', effect: 'Allow', principal: 's3.amazonaws.com', actions: ['lambda:InvokeFunction'], conditions: cond },
    { effect: 'Allow', principal: '*', actions: ['lambda:InvokeFunctionUrl', 'lambda:InvokeFunction'], conditions: {} },
  ]);
  assert.deepEqual(permissionSummaries(undefined), []);
});

test('a NotPrincipal / NotAction statement is not summarised as if it named the principal and actions it excludes', () => {
  // Everyone except account 444455556666 may do everything except delete the function.
  const st = { Effect: 'Allow', NotPrincipal: { AWS: 'arn:aws:iam::444455556666:root' }, NotAction: 'lambda:DeleteFunction', Resource: `${FN}w` };
  const [p] = permissionSummaries(doc(st));
  assert.notEqual(p.principal, 'arn:aws:iam::444455556666:root', 'the one account that is excluded shown as the grantee');
  assert.notDeepEqual(p.actions, ['lambda:DeleteFunction'], 'the one action that is excluded shown as granted');
  const triggers = triggerSummaries(fn('w', { resourcePolicy: doc(st) }));
  assert.ok(!triggers.some((t) => t.source === 'arn:aws:iam::444455556666:root'), JSON.stringify(triggers));
});

// Two subnets, two security groups. ENIs of the set {sg-a, sg-b} in either order belong to "api".
const vpc = (subnetIds: string[], securityGroupIds: string[]) => ({ vpcId: 'vpc-1', subnetIds, securityGroupIds });
const api = fn('api', { vpc: vpc(['subnet-1', 'subnet-2'], ['sg-a', 'sg-b']) });
const twin = fn('twin', { vpc: vpc(['subnet-2', 'subnet-1'], ['sg-b', 'sg-a']) });
const narrower = fn('narrower', { vpc: vpc(['subnet-1', 'subnet-2'], ['sg-a']) });
const wider = fn('wider', { vpc: vpc(['subnet-1'], ['sg-a', 'sg-b', 'sg-c']) });
const elsewhere = {
  ...fn('elsewhere', { vpc: vpc(['subnet-1', 'subnet-2'], ['sg-a', 'sg-b']) }),
  region: 'eu-west-1',
  arn: `arn:aws:lambda:eu-west-1:${ACCOUNT}:function:elsewhere`,
};
const interfaces = [
  lambdaEni('eni-1', 'subnet-1', ['sg-b', 'sg-a']),
  // Found by its description alone (older collections have no interface type).
  lambdaEni('eni-2', 'subnet-2', ['sg-a', 'sg-b'], { interfaceType: undefined }),
  lambdaEni('eni-3', 'subnet-1', ['sg-a']),
  lambdaEni('eni-4', 'subnet-1', ['sg-a', 'sg-b', 'sg-c']),
  // Same subnet and groups but not Lambda's: an interface VPC endpoint.
  lambdaEni('eni-5', 'subnet-1', ['sg-a', 'sg-b'], { interfaceType: 'vpc_endpoint', description: 'VPC Endpoint Interface vpce-1' }),
  lambdaEni('eni-6', 'subnet-9', ['sg-a', 'sg-b']),
  lambdaEni('eni-7', 'subnet-1', ['sg-a', 'sg-b'], { region: 'eu-west-1' }),
];
const s = snapshot({ functions: [api, twin, narrower, wider, elsewhere], interfaces });
const groups = functionGroupsOf(s);

test('vpcSummary: the ENIs of the function subnet + security-group SET (order-insensitive), and the functions sharing them', () => {
  const config = { vpcId: 'vpc-1', subnetIds: ['subnet-1', 'subnet-2'], securityGroupIds: ['sg-a', 'sg-b'] };
  assert.deepEqual(vpcSummary(api, groups), { ...config, interfaces: ['eni-1', 'eni-2'], sharedWith: ['twin'] });
  assert.deepEqual(vpcSummary(twin, groups)?.sharedWith, ['api']);
  assert.deepEqual(vpcSummary(twin, groups)?.interfaces, ['eni-1', 'eni-2']);
});

test('vpcSummary: a subset or superset of the groups is a different ENI, not shared', () => {
  assert.deepEqual(vpcSummary(narrower, groups)?.interfaces, ['eni-3']);
  assert.deepEqual(vpcSummary(narrower, groups)?.sharedWith, []);
  assert.deepEqual(vpcSummary(wider, groups)?.interfaces, ['eni-4']);
  assert.deepEqual(vpcSummary(wider, groups)?.sharedWith, []);
});

test('vpcSummary: the same ids in another region are other ENIs and other functions', () => {
  const config = { vpcId: 'vpc-1', subnetIds: ['subnet-1', 'subnet-2'], securityGroupIds: ['sg-a', 'sg-b'] };
  assert.deepEqual(vpcSummary(elsewhere, groups), { ...config, interfaces: ['eni-7'], sharedWith: [] });
});

test('vpcSummary: no VPC, or a VPC config without subnets (detached), is null', () => {
  assert.equal(vpcSummary(fn('plain'), groups), null);
  assert.equal(vpcSummary(fn('detached', { vpc: { subnetIds: [], securityGroupIds: [] } }), groups), null);
});

test('byRegionAndName: region first, then name in code-unit order (uppercase before lowercase, no locale)', () => {
  const list = [
    { region: 'us-west-2', name: 'a' },
    { region: 'us-east-1', name: 'b' },
    { region: 'us-east-1', name: 'B' },
    { region: 'eu-west-1', name: 'z' },
  ];
  assert.deepEqual(
    [...list].sort(byRegionAndName).map((x) => `${x.region}/${x.name}`),
    ['eu-west-1/z', 'us-east-1/B', 'us-east-1/b', 'us-west-2/a'],
  );
});
