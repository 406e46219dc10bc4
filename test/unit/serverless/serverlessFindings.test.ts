import { test } from 'node:test';
import assert from 'node:assert/strict';
import { quickFixes } from '../../../src/core/fixes/fixesFor';
import { applyEdits } from '../../../src/core/fixes/fixTypes';
import { analyzeText } from '../../../src/core/scan/analyzeText';
import { lineOf, scan } from '../rules/yamlSnippet';

// The same rules on a Serverless Framework service, on the lines the user wrote, with unknown values in
// words and the suppressions and quick fixes that make sense there.

const S = `service: payments
frameworkVersion: '4'
custom:
  apiKey: \${opt:api-key, 'sk_live_51HbXyzAbCdEfGhIjKlMnOp'}
provider:
  name: aws
  environment:
    STAGE_SECRET: \${ssm:/payments/secret}
  iam:
    role:
      statements:
        - Effect: Allow
          Action: dynamodb:*
          Resource: arn:aws:dynamodb:\${aws:region}:\${aws:accountId}:table/*
        - Effect: Allow
          Action: lambda:UpdateFunctionCode
          Resource: arn:aws:lambda:\${opt:region}:*:function:*
      managedPolicies:
        - arn:aws:iam::aws:policy/service-role/AWSLambdaRole
        - arn:aws:iam::aws:policy/AWSLambdaBasicExecutionRole
functions:
  checkout:
    handler: checkout.handler
    url: true
    environment:
      API_KEY: \${self:custom.apiKey}
    events:
      - httpApi: 'POST /checkout'
  # lambda-guard-ignore LG008: the status page is public on purpose
  status:
    handler: status.handler
    url:
      cors: true
  skill:
    handler: skill.handler
    events:
      - alexaSkill
    iamRoleStatements:
      - Effect: Allow
        Action: iam:PassRole
        Resource: '*'
resources:
  Resources:
    StatusErrors:
      Type: AWS::CloudWatch::Alarm
      Properties:
        Namespace: AWS/Lambda
        MetricName: Errors
        Dimensions:
          - Name: FunctionName
            Value: !Ref StatusLambdaFunction
`;

test('the rules fire on the lines written in serverless.yml', () => {
  const got = scan(S, 'serverless.yml').map((f) => `${f.ruleId}:${f.location?.startLine}:${f.resource}${f.suppressed ? ':suppressed' : ''}`);
  assert.deepEqual(got, [
    `LG001:${lineOf(S, 'Action: dynamodb:*')}:IamRoleLambdaExecution`,
    `LG011:${lineOf(S, 'Action: dynamodb:*')}:IamRoleLambdaExecution`,
    `LG002:${lineOf(S, 'table/*')}:IamRoleLambdaExecution`,
    `LG005:${lineOf(S, 'lambda:UpdateFunctionCode')}:IamRoleLambdaExecution`,
    `LG002:${lineOf(S, 'function:*')}:IamRoleLambdaExecution`,
    `LG002:${lineOf(S, 'service-role/AWSLambdaRole')}:IamRoleLambdaExecution`,
    `LG016:${lineOf(S, 'policy/AWSLambdaBasicExecutionRole')}:IamRoleLambdaExecution`,
    `LG015:${lineOf(S, '  checkout:')}:checkout`,
    `LG008:${lineOf(S, 'url: true')}:checkout`,
    `LG014:${lineOf(S, 'API_KEY:')}:checkout`,
    `LG008:${lineOf(S, '    url:', 1)}:status:suppressed`,
    `LG007:${lineOf(S, '- alexaSkill')}:skill`,
    `LG004:${lineOf(S, 'Action: iam:PassRole')}:SkillIamRoleLambdaExecution`,
  ]);
});

test('messages name unknown values by the variable as written, and say it the Serverless way', () => {
  const byRule = new Map(scan(S, 'serverless.yml').map((f) => [`${f.ruleId}:${f.location?.startLine}`, f.message]));
  assert.match(byRule.get(`LG002:${lineOf(S, 'table/*')}`)!, /^Resource 'arn:aws:dynamodb:<unresolved \$\{aws:region\}>:<unresolved \$\{aws:accountId\}>:table\/\*' lets /);
  assert.match(byRule.get(`LG005:${lineOf(S, 'lambda:UpdateFunctionCode')}`)!, /on 'arn:aws:lambda:<unresolved \$\{opt:region\}>:\*:function:\*' in provider\.iam\.role\.statements/);
  assert.equal(byRule.get(`LG008:${lineOf(S, 'url: true')}`), 'Function URL without authorizer: aws_iam: anyone on the internet can invoke the function');
  assert.match(byRule.get(`LG007:${lineOf(S, '- alexaSkill')}`)!, /\(Serverless event alexaSkill of function skill\)$/);
  assert.match(byRule.get(`LG015:${lineOf(S, '  checkout:')}`)!, /a function URL, an API Gateway trigger/);
  for (const m of byRule.values()) assert.ok(!/\$\{\?\}|\uE000/.test(m), m);
});

test('LG014 sees the literal fallback of a variable; a value from SSM is unknown, not a secret in the file', () => {
  const f = scan(S, 'serverless.yml').filter((x) => x.ruleId === 'LG014');
  assert.equal(f.length, 1);
  assert.match(f[0].message, /^Environment variable API_KEY holds what looks like a Stripe live key/);
});

test('quick fixes: url: true gets authorizer: aws_iam, a url map gets the entry, an alarm goes into resources.Resources', () => {
  const findings = analyzeText(S, 'serverless.yml').findings;
  const fixOf = (ruleId: string, line: number): string => {
    const f = findings.find((x) => x.ruleId === ruleId && x.location?.startLine === line)!;
    const [fix] = quickFixes({ text: S, file: 'serverless.yml', finding: f });
    return applyEdits(S, fix.edits);
  };
  assert.ok(fixOf('LG008', lineOf(S, 'url: true')).includes('    url: { authorizer: aws_iam }\n'));
  assert.ok(fixOf('LG008', lineOf(S, '    url:', 1)).includes('    url:\n      cors: true\n      authorizer: aws_iam\n'));
  const alarmed = fixOf('LG015', lineOf(S, '  checkout:'));
  assert.ok(alarmed.includes('            Value: !Ref CheckoutLambdaFunction'), alarmed);
  assert.deepEqual(scan(alarmed, 'serverless.yml').filter((x) => x.ruleId === 'LG015'), []);
});

test('a suppression comment works above the line; Metadata works on resources.Resources', () => {
  const t = `service: s
provider:
  name: aws
  iam:
    role:
      statements:
        # lambda-guard-ignore LG001: the migration job owns every table
        - Effect: Allow
          Action: dynamodb:*
          Resource: arn:aws:dynamodb:us-east-1:111122223333:table/Orders
resources:
  Resources:
    Topic:
      Type: AWS::SNS::TopicPolicy
      Metadata:
        lambda-guard:
          ignore:
            - id: LG007
              reason: the rule's source is checked by the subscriber
      Properties:
        Topics: [t]
        PolicyDocument:
          Statement:
            - Effect: Allow
              Principal: { Service: events.amazonaws.com }
              Action: sns:Publish
              Resource: '*'
`;
  const f = scan(t, 'serverless.yml');
  assert.deepEqual(f.map((x) => `${x.ruleId}:${x.suppressed}:${x.suppression?.kind}`), ['LG001:true:comment', 'LG007:true:metadata']);
});

test('a plain-text secret in provider.environment is one finding on its line, not one per function', () => {
  const t = `service: s
provider:
  name: aws
  environment:
    SLACK_TOKEN: xoxb-1234567890-abcdefghij
functions:
  a: { handler: a.h }
  b: { handler: b.h }
  c:
    handler: c.h
    environment:
      SLACK_TOKEN: \${ssm:/s/slack}
`;
  const f = scan(t, 'serverless.yml').filter((x) => x.ruleId === 'LG014');
  assert.deepEqual(f.map((x) => [x.location?.startLine, x.resource]), [[lineOf(t, 'SLACK_TOKEN: xoxb'), 'provider']]);
  assert.equal(f[0].message, 'Environment variable SLACK_TOKEN (in provider.environment: every function gets it) holds what looks like a Slack token: anyone who can read the template or the function configuration can read it');
});
