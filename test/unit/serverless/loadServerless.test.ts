import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadServerless } from '../../../src/core/iac/serverless/loadServerless';
import { isServerlessFileName } from '../../../src/core/iac/serverless/detectServerless';
import { loadSource } from '../../../src/core/scan/loadSource';
import { display, type Str } from '../../../src/core/model/value';
import { lineOf } from '../rules/yamlSnippet';

// The Serverless Framework loader, with ranges written by hand: every value must keep the line (and
// column) it has in the file, so findings land where the user wrote it.

const S = `service: shop
frameworkVersion: '3'
custom:
  bucket: shop-uploads
provider:
  name: aws
  stage: \${opt:stage, 'dev'}
  environment:
    SHARED: one
  iam:
    role:
      statements:
        - Effect: Allow
          Action: s3:GetObject
          Resource: arn:aws:s3:::\${self:custom.bucket}/*
      managedPolicies:
        - arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole
functions:
  api:
    handler: api.handler
    url: true
    environment:
      SHARED: two
      OWN: \${ssm:/shop/own}
    events:
      - http:
          path: orders
          method: get
      - httpApi:
          method: POST
          path: /orders
          authorizer:
            name: jwt
      - s3: \${self:custom.bucket}
      - sqs: arn:aws:sqs:us-east-1:111122223333:q
      - schedule: rate(5 minutes)
      - alexaSkill: amzn1.ask.skill.abc
  worker:
    handler: worker.handler
    role: WorkerRole
    url:
      authorizer: aws_iam
  solo:
    handler: solo.handler
    iamRoleStatements:
      - Effect: Allow
        Action: sqs:SendMessage
        Resource: '*'
resources:
  Resources:
    WorkerRole:
      Type: AWS::IAM::Role
      Properties:
        AssumeRolePolicyDocument: { Statement: [{ Effect: Allow, Principal: { Service: lambda.amazonaws.com }, Action: sts:AssumeRole }] }
    ApiErrors:
      Type: AWS::CloudWatch::Alarm
      Properties:
        Namespace: AWS/Lambda
        MetricName: Errors
        Dimensions:
          - Name: FunctionName
            Value: !Ref ApiLambdaFunction
`;

const line = (s: Str | undefined): number | undefined => s?.range.startLine;

test('serverless.yml / .yaml / .json (and serverless.<stage>.yml) are Serverless names; others are not', () => {
  for (const f of ['serverless.yml', 'svc/serverless.yaml', 'C:\\app\\serverless.json', 'serverless.prod.yml']) assert.ok(isServerlessFileName(f), f);
  for (const f of ['template.yaml', 'my-serverless.yml', 'serverless.ts', 'serverless.yml.bak']) assert.ok(!isServerlessFileName(f), f);
});

test('provider statements and managed policies belong to the shared role, on their own lines', () => {
  const m = loadServerless(S, 'serverless.yml').model!;
  assert.equal(m.format, 'serverless');
  const shared = m.policies.find((p) => p.owner === 'IamRoleLambdaExecution')!;
  assert.equal(shared.origin, 'provider.iam.role.statements (the role the functions share)');
  const st = shared.statements[0];
  assert.equal(line(st.actions![0]), lineOf(S, 'Action: s3:GetObject'));
  assert.equal(display(st.resources![0]), 'arn:aws:s3:::shop-uploads/*');
  assert.deepEqual(st.resources![0].range, { startLine: lineOf(S, 'Resource: arn:aws:s3'), startColumn: 21, endLine: lineOf(S, 'Resource: arn:aws:s3'), endColumn: 57 });
  assert.deepEqual(m.managedPolicies.map((p) => [p.owner, p.arn.text, line(p.arn)]), [
    ['IamRoleLambdaExecution', 'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole', lineOf(S, 'policy/service-role/AWSLambdaBasicExecutionRole')],
  ]);
});

test('functions: roles (shared, resources logical id, per-function plugin role), deployed names', () => {
  const m = loadServerless(S, 'serverless.yml').model!;
  assert.deepEqual(
    m.functions.map((f) => [f.owner, f.name, f.roleRef, f.logicalId, f.range.startLine]),
    [
      ['api', 'shop-dev-api', 'IamRoleLambdaExecution', 'ApiLambdaFunction', lineOf(S, '  api:')],
      ['worker', 'shop-dev-worker', 'WorkerRole', 'WorkerLambdaFunction', lineOf(S, '  worker:')],
      ['solo', 'shop-dev-solo', 'SoloIamRoleLambdaExecution', 'SoloLambdaFunction', lineOf(S, '  solo:')],
    ],
  );
  const solo = m.policies.find((p) => p.owner === 'SoloIamRoleLambdaExecution')!;
  assert.equal(solo.origin, 'iamRoleStatements of function solo (its own role, serverless-iam-roles-per-function)');
  assert.equal(line(solo.statements[0].actions![0]), lineOf(S, 'Action: sqs:SendMessage'));
});

test('url: true is AuthType NONE on the `true`; authorizer: aws_iam is AWS_IAM on its value', () => {
  const m = loadServerless(S, 'serverless.yml').model!;
  assert.deepEqual(
    m.functionUrls.map((u) => [u.owner, u.authType?.text, line(u.authType), u.authType?.range.startColumn]),
    [['api', 'NONE', lineOf(S, 'url: true'), 10], ['worker', 'AWS_IAM', lineOf(S, 'authorizer: aws_iam'), 19]],
  );
});

test('environment: provider values are read once (every function gets them), each function its own; unknown values are named holes', () => {
  const m = loadServerless(S, 'serverless.yml').model!;
  const env = m.envVars.map((e) => `${e.owner}.${e.name}=${display(e.value)}@${e.nameRange.startLine}`);
  assert.deepEqual(env, [`provider.SHARED=one@${lineOf(S, 'SHARED: one')}`, `api.SHARED=two@${lineOf(S, 'SHARED: two')}`, `api.OWN=<unresolved \${ssm:/shop/own}>@${lineOf(S, 'OWN:')}`]);
});

test('events: the permissions Serverless compiles, on the event key; poll-based sqs has none', () => {
  const m = loadServerless(S, 'serverless.yml').model!;
  assert.deepEqual(
    m.permissions.map((p) => [p.principal?.text, !!p.sourceArn, p.eventSourceToken?.text, line(p.principal), p.generatedBy]),
    [
      ['apigateway.amazonaws.com', true, undefined, lineOf(S, '- http:'), 'Serverless event http (get orders, no authorizer) of function api'],
      ['apigateway.amazonaws.com', true, undefined, lineOf(S, '- httpApi:'), 'Serverless event httpApi (POST /orders, authorizer jwt) of function api'],
      ['s3.amazonaws.com', true, undefined, lineOf(S, '- s3:'), 'Serverless event s3 of function api'],
      ['events.amazonaws.com', true, undefined, lineOf(S, '- schedule:'), 'Serverless event schedule of function api'],
      ['alexa-appkit.amazon.com', false, 'amzn1.ask.skill.abc', lineOf(S, '- alexaSkill:'), 'Serverless event alexaSkill of function api'],
    ],
  );
});

test('resources.Resources is CloudFormation; !Ref ApiLambdaFunction names the function api', () => {
  const m = loadServerless(S, 'serverless.yml').model!;
  assert.deepEqual(m.resources.map((r) => r.logicalId), ['WorkerRole', 'ApiErrors', 'IamRoleLambdaExecution', 'api', 'worker', 'solo', 'SoloIamRoleLambdaExecution']);
  assert.equal(m.alarms[0].metrics[0].dimensions[0].functionRef, 'api');
  assert.equal(m.policies.find((p) => p.owner === 'WorkerRole')?.kind, 'trust');
});

test('JSON services load the same way; legacy provider.iamRoleStatements and a custom provider role are read', () => {
  const json = JSON.stringify({
    service: 'legacy',
    provider: { name: 'aws', iamRoleStatements: [{ Effect: 'Allow', Action: 'kinesis:PutRecord', Resource: '*' }], iamManagedPolicies: ['arn:aws:iam::aws:policy/AWSLambdaExecute'] },
    functions: { f: { handler: 'h' } },
  }, null, 2);
  const m = loadServerless(json, 'serverless.json').model!;
  assert.equal(m.policies[0].origin, 'provider.iamRoleStatements (the role the functions share)');
  assert.equal(line(m.policies[0].statements[0].actions![0]), lineOf(json, '"Action": "kinesis:PutRecord"'));
  assert.deepEqual(m.managedPolicies.map((p) => line(p.arn)), [lineOf(json, 'AWSLambdaExecute')]);
  const custom = loadServerless('service: c\nprovider:\n  name: aws\n  iam:\n    role: arn:aws:iam::111122223333:role/ops\nfunctions:\n  f:\n    handler: h\n', 'serverless.yml').model!;
  assert.deepEqual([custom.policies.length, custom.functions[0].roleRef], [0, undefined]);
});

test('a serverless.yml without service and provider is not a Serverless service: tried as a template, else skipped', () => {
  assert.equal(loadServerless('name: not-a-service\n', 'serverless.yml').skipped, true);
  const cfn = 'Resources:\n  R:\n    Type: AWS::SNS::Topic\n';
  assert.equal(loadSource(cfn, 'serverless.yml', {}).model?.format, 'cloudformation');
  assert.deepEqual(loadSource('name: x\n', 'serverless.yml', {}), { errors: [], skipped: true });
  // A broken file that meant to be a service is an error, not a silent skip.
  const broken = loadServerless('service: s\nprovider:\n  name: [aws\n', 'serverless.yml');
  assert.equal(broken.skipped, false);
  assert.ok(broken.errors.length > 0);
});

test('a service of another provider (Google, Azure) is not Lambda: skipped, even with secrets in it', () => {
  const gcp = 'service: thumbs\nprovider:\n  name: google\n  environment:\n    DB_PASSWORD: hunter2\nfunctions:\n  f:\n    handler: h\n';
  assert.deepEqual(loadSource(gcp, 'serverless.yml', {}), { errors: [], skipped: true });
  // The provider name written through a variable is not known: judged as AWS, the only provider Lambda Guard reads.
  assert.equal(loadServerless(gcp.replace('google', '${opt:provider}'), 'serverless.yml').skipped, false);
});

test('a reference bomb (each level naming the next twice) is an error for the file, not a hang', () => {
  const levels = Array.from({ length: 30 }, (_, i) => `  l${i}:\n    - \${self:custom.l${i + 1}}\n    - \${self:custom.l${i + 1}}`).join('\n');
  const text = `service: bomb\nprovider:\n  name: aws\n  environment:\n    X: \${self:custom.l0}\ncustom:\n${levels}\n  l30: leaf\nfunctions:\n  f:\n    handler: h\n`;
  const r = loadServerless(text, 'serverless.yml');
  assert.equal(r.model, undefined);
  assert.match(r.errors[0].message, /expand to more than \d+ nodes/);
  // Strings nested the same way stay short: an overlong value is unknown.
  const strings = Array.from({ length: 14 }, (_, i) => `  s${i}: \${self:custom.s${i + 1}}\${self:custom.s${i + 1}}`).join('\n');
  const t2 = `service: s\nprovider:\n  name: aws\n  environment:\n    LONG: \${self:custom.s0}\ncustom:\n${strings}\n  s14: ${'x'.repeat(200)}\nfunctions:\n  f:\n    handler: h\n`;
  const m = loadServerless(t2, 'serverless.yml').model!;
  assert.ok(m.envVars[0].value.text.length < 70_000);
});
