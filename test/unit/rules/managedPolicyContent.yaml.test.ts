import { test } from 'node:test';
import assert from 'node:assert/strict';
import { quickFixes } from '../../../src/core/fixes/fixesFor';
import { findingHover } from '../../../src/core/hover/findingHover';
import { managedPolicyDataset, parseManagedPolicyDataset, useManagedPolicyDataset } from '../../../src/core/iam/managedPolicyData';
import { lineOf, ruleLines, scan } from './yamlSnippet';

// AWS managed policies judged by their documents (the shipped dataset): the same rules as inline
// statements, on the line that attaches the policy. Expectations come from the policies' documents as AWS
// publishes them (AWSLambdaRole: lambda:InvokeFunction on *; AWSLambdaExecute: logs:* on arn:aws:logs:*:*:*
// and s3:GetObject/PutObject on arn:aws:s3:::*), not from the analyzer.

const sam = (policies: string[]): string => `Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: nodejs20.x
      Handler: index.handler
      CodeUri: src/
      Policies:
${policies.map((p) => `        - ${p}`).join('\n')}
`;

test('the execution-role policies AWS attaches to functions stay quiet', () => {
  const t = sam([
    'AWSLambdaBasicExecutionRole',
    'AWSXRayDaemonWriteAccess',
    'arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole',
    'CloudWatchLambdaInsightsExecutionRolePolicy',
    'VPCAccessPolicy: {}',
  ]);
  assert.deepEqual(scan(t).map((f) => `${f.ruleId}:${f.location?.startLine}`), []);
});

test('AWSLambdaRole: invoking every function is LG002 on the name, naming the policy and the action', () => {
  const t = sam(['AWSLambdaRole']);
  const f = scan(t);
  assert.deepEqual(f.map((x) => `${x.ruleId}:${x.location?.startLine}`), [`LG002:${lineOf(t, '- AWSLambdaRole')}`]);
  assert.match(f[0].message, /lambda:InvokeFunction/);
  assert.match(f[0].message, /AWS managed policy AWSLambdaRole \(attached to Fn\)/);
  assert.equal(f[0].resource, 'Fn');
});

test('AWSLambdaExecute: S3 read and write on every object (LG002, LG011) and logs:* (LG001), once per rule on its line', () => {
  const t = sam(['AWSLambdaExecute']);
  const line = lineOf(t, '- AWSLambdaExecute');
  const f = scan(t);
  assert.deepEqual(f.map((x) => `${x.ruleId}:${x.location?.startLine}`).sort(), [`LG001:${line}`, `LG002:${line}`, `LG011:${line}`]);
  const lg011 = f.find((x) => x.ruleId === 'LG011')!;
  // Two statements of the policy give data reads (logs, S3): one finding that counts the other.
  assert.match(lg011.message, /\(\+1 more in this policy\)$/);
  assert.match(lg011.advice!.why!, /"Action":\["s3:GetObject","s3:PutObject"\],"Resource":"arn:aws:s3:::\*"/);
  assert.match(lg011.advice!.why!, /s3:GetObject' on 'arn:aws:s3:::\*'/);
  assert.match(f.find((x) => x.ruleId === 'LG001')!.message, /'logs:\*'/);
});

test('AmazonCognitoPowerUser is reported by content (service wildcards on *), not by its name', () => {
  const t = sam(['AmazonCognitoPowerUser']);
  const rules = new Set(scan(t).map((x) => x.ruleId));
  assert.ok(rules.has('LG001') && rules.has('LG002'), [...rules].join(','));
  assert.ok(!rules.has('LG009'));
});

test('administrative and *FullAccess policies stay LG009 only: their statements are not reported again', () => {
  const t = sam(['AdministratorAccess', 'AmazonS3FullAccess', 'arn:aws:iam::aws:policy/PowerUserAccess']);
  const f = scan(t);
  assert.deepEqual(f.map((x) => `${x.ruleId}:${x.severity}:${x.location?.startLine}`), [
    `LG009:error:${lineOf(t, '- AdministratorAccess')}`,
    `LG009:warning:${lineOf(t, '- AmazonS3FullAccess')}`,
    `LG009:error:${lineOf(t, 'policy/PowerUserAccess')}`,
  ]);
});

test('a managed-policy finding offers no edit of the reference (a managed policy cannot be narrowed) and its hover shows the statement and dataset', () => {
  const t = sam(['AWSLambdaRole']);
  const f = scan(t)[0];
  assert.deepEqual(f.fix, { kind: 'replaceManagedPolicy', policy: 'AWSLambdaRole' });
  assert.deepEqual(quickFixes({ text: t, file: 'template.yaml', finding: f }), []);
  const hover = findingHover(f, undefined);
  assert.ok(hover.includes(`AWSLambdaRole (v1, per ${managedPolicyDataset()!.source})`), hover);
  assert.ok(hover.includes('{"Effect":"Allow","Action":["lambda:InvokeFunction"],"Resource":["*"]}'), hover);
  assert.match(hover, /detach AWSLambdaRole/);
});

test('role ManagedPolicyArns (with !Sub partition and !If branches) are judged the same way; suppression comments apply', () => {
  const t = `Conditions:
  Prod: !Equals [!Ref AWS::AccountId, '111122223333']
Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: { Statement: [{ Effect: Allow, Principal: { Service: lambda.amazonaws.com }, Action: sts:AssumeRole }] }
      ManagedPolicyArns:
        - !Sub 'arn:\${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaRole'
        - !If [Prod, arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole, arn:aws:iam::aws:policy/AWSLambdaExecute]
        # lambda-guard-ignore LG002: the dispatcher invokes every worker function by design
        - arn:aws:iam::aws:policy/AWSLambdaInvocation-DynamoDB
`;
  const f = scan(t);
  assert.deepEqual(ruleLines(f, 'LG002'), [lineOf(t, 'service-role/AWSLambdaRole'), lineOf(t, '- !If [Prod')]);
  assert.ok(f.filter((x) => x.location?.startLine === lineOf(t, '- !If [Prod')).every((x) => x.branch === 'Prod=false'), 'only the AWSLambdaExecute branch');
  const suppressed = f.filter((x) => x.location?.startLine === lineOf(t, 'AWSLambdaInvocation-DynamoDB'));
  assert.ok(suppressed.length > 0 && suppressed.filter((x) => x.ruleId === 'LG002').every((x) => x.suppressed));
});

test('CDK: fromAwsManagedPolicyName is judged on its argument', () => {
  const src = `import * as iam from 'aws-cdk-lib/aws-iam';
import { Stack } from 'aws-cdk-lib';
export class S extends Stack {
  constructor() {
    super();
    const role = new iam.Role(this, 'Worker', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    role.addManagedPolicy(iam.ManagedPolicy.fromAwsManagedPolicyName('service-role/AWSLambdaRole'));
    role.addManagedPolicy(iam.ManagedPolicy.fromAwsManagedPolicyName('service-role/AWSLambdaBasicExecutionRole'));
  }
}
`;
  const f = scan(src, 'stack.ts');
  assert.deepEqual(f.map((x) => `${x.ruleId}:${x.location?.startLine}`), [`LG002:${lineOf(src, "'service-role/AWSLambdaRole'")}`]);
});

test('an administrative document under another name is LG009 (error); without a dataset, names alone decide and content is not judged', () => {
  const custom = parseManagedPolicyDataset(
    JSON.stringify({
      format: 'lambda-guard-aws-managed-policies',
      source: 'hand-written@3',
      policies: {
        'arn:aws:iam::aws:policy/OpsEverything': { versionId: 'v2', document: { Statement: [{ Effect: 'Allow', NotAction: ['iam:*'], Resource: '*' }] } },
        'arn:aws:iam::aws:policy/service-role/AWSLambdaRole': { versionId: 'v1', document: { Statement: [{ Effect: 'Allow', Action: 'lambda:InvokeFunction', Resource: '*' }] } },
      },
    }),
  );
  try {
    useManagedPolicyDataset(custom);
    const f = scan(sam(['OpsEverything']));
    assert.deepEqual(f.map((x) => `${x.ruleId}:${x.severity}`), ['LG009:error']);
    assert.match(f[0].message, /every action but iam:\* on every resource/);
    useManagedPolicyDataset(undefined);
    assert.deepEqual(scan(sam(['AWSLambdaRole', 'AdministratorAccess', 'NoSuchPolicy'])).map((x) => x.ruleId), ['LG009']);
  } finally {
    useManagedPolicyDataset('default');
  }
});
