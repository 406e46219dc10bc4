import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeText } from '../../../src/core/scan/analyzeText';
import { lineOf, ruleLines, scan } from './yamlSnippet';

// A restriction present in one `!If` branch only (`AWS::NoValue` in the other), an environment value
// behind `!If`, YAML merge keys, and grants that meet on a role through stand-alone policies.

const IFS = `Conditions:
  HasExternalId: !Not [!Equals [!Ref ExternalId, '']]
  IsProd: !Equals [!Ref Stage, prod]
Parameters:
  ExternalId: { Type: String, Default: '' }
  Stage: { Type: String }
Resources:
  PartnerRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal:
              AWS: arn:aws:iam::210987654321:root
            Action: sts:AssumeRole
            Condition: !If
              - HasExternalId
              - StringEquals: { sts:ExternalId: !Ref ExternalId }
              - !Ref AWS::NoValue
  PublicPerm:
    Type: AWS::Lambda::Permission
    Properties:
      Action: lambda:InvokeFunction
      FunctionName: fn
      Principal: '*'
      SourceAccount: !If [IsProd, !Ref AWS::AccountId, !Ref AWS::NoValue]
  ScopedPerm:
    Type: AWS::Lambda::Permission
    Properties:
      Action: lambda:InvokeFunction
      FunctionName: fn
      Principal: '*'
      SourceAccount: !Ref AWS::AccountId
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Handler: index.handler
      Runtime: nodejs20.x
      Role: !GetAtt PartnerRole.Arn
      Code: { ZipFile: x }
      Environment:
        Variables:
          LEDGER_API_TOKEN:
            Fn::If:
              - IsProd
              - '{{resolve:secretsmanager:ledger/token}}'
              - tok-live-8e2f0c9a7b6d5e4f
`;

test('a trust condition present in one !If branch only leaves the other branch reported, naming it', () => {
  const f = scan(IFS).filter((x) => x.ruleId === 'LG010');
  assert.deepEqual(f.map((x) => x.location!.startLine), [lineOf(IFS, 'AWS: arn:aws:iam::210987654321:root')]);
  assert.match(f[0].message + (f[0].branch ?? ''), /HasExternalId=false/);
});

test('a SourceAccount present in one !If branch only: the other branch is public (LG006), the plain one is not', () => {
  const f = scan(IFS).filter((x) => x.ruleId === 'LG006');
  assert.deepEqual(f.map((x) => x.resource), ['PublicPerm']);
  assert.match(f[0].message + (f[0].branch ?? ''), /IsProd=false/);
});

test('an environment value behind !If is judged per branch (LG014 on the literal branch)', () => {
  const f = scan(IFS).filter((x) => x.ruleId === 'LG014');
  assert.deepEqual(f.map((x) => x.location!.startLine), [lineOf(IFS, 'LEDGER_API_TOKEN:')]);
  assert.match(f[0].message + (f[0].branch ?? ''), /IsProd=false/);
});

test('YAML merge keys: merged entries are seen with their own lines; keys written beside them win', () => {
  const t = `x-defaults: &defaults
  Handler: index.handler
  Environment:
    Variables:
      ADMIN_PASSWORD: Hunter2-Admin!
Resources:
  A:
    Type: AWS::Serverless::Function
    Properties:
      <<: *defaults
      Runtime: python3.12
  B:
    Type: AWS::Serverless::Function
    Properties:
      <<: [*defaults]
      Environment:
        Variables:
          STAGE: prod
`;
  const f = scan(t).filter((x) => x.ruleId === 'LG014');
  assert.deepEqual(f.map((x) => [x.resource, x.location!.startLine]), [['A', lineOf(t, 'ADMIN_PASSWORD')]]);
  // A quoted '<<' is an ordinary key.
  assert.equal(scan(t.replace('<<: *defaults', "'<<': *defaults")).filter((x) => x.ruleId === 'LG014').length, 0);
});

test('lambda:CreateFunction escalates when iam:PassRole reaches the same role through another policy (Roles:)', () => {
  const t = `Resources:
  DeployRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement: [{ Effect: Allow, Principal: { Service: codebuild.amazonaws.com }, Action: sts:AssumeRole }]
  CreatePolicy:
    Type: AWS::IAM::Policy
    Properties:
      PolicyName: create
      Roles: [!Ref DeployRole]
      PolicyDocument:
        Statement:
          - Effect: Allow
            Action: lambda:CreateFunction
            Resource: '*'
  PassPolicy:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      Roles: [!Ref DeployRole]
      PolicyDocument:
        Statement:
          - Effect: Allow
            Action: iam:PassRole
            Resource: !Sub arn:aws:iam::\${AWS::AccountId}:role/app-*
`;
  assert.deepEqual(ruleLines(scan(t), 'LG005'), [lineOf(t, 'Action: lambda:CreateFunction')]);
  // Attached to different roles: no escalation through a passed role.
  const apart = t.replace('Roles: [!Ref DeployRole]\n      PolicyDocument:\n        Statement:\n          - Effect: Allow\n            Action: iam:PassRole', 'Roles: [OtherRole]\n      PolicyDocument:\n        Statement:\n          - Effect: Allow\n            Action: iam:PassRole');
  assert.notEqual(apart, t);
  assert.deepEqual(ruleLines(scan(apart), 'LG005'), []);
});

test('a service principal granted another action is described as such (LG007 beside LG013)', () => {
  const t = `Resources:
  P:
    Type: AWS::Lambda::Permission
    Properties:
      Action: lambda:GetFunction
      FunctionName: fn
      Principal: replicator.lambda.amazonaws.com
`;
  const f = scan(t);
  assert.match(f.find((x) => x.ruleId === 'LG007')!.message, /may call lambda:GetFunction on the function/);
  assert.ok(f.some((x) => x.ruleId === 'LG013'));
});

test('a JSON template with a trailing comma is an error on its line, as CloudFormation rejects it', () => {
  const t = '{\n  "Resources": {\n    "P": {\n      "Type": "AWS::Lambda::Permission",\n      "Properties": { "Principal": "*", }\n    }\n  }\n}\n';
  const r = analyzeText(t, 't.json');
  assert.equal(r.findings.length, 0);
  assert.equal(r.errors.length, 1);
  assert.equal(r.errors[0].line, 5);
  assert.match(r.errors[0].message, /trailing comma/);
});

test('a policy written as JSON inside !Sub is read on its own lines; !Sub service principals are service principals', () => {
  const t = `Resources:
  R:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement: [{ Effect: Allow, Principal: { Service: lambda.amazonaws.com }, Action: sts:AssumeRole }]
      Policies:
        - PolicyName: p
          PolicyDocument: !Sub |
            {
              "Statement": [
                { "Effect": "Allow", "Action": "lambda:UpdateFunctionCode", "Resource": "arn:aws:lambda:\${AWS::Region}:\${AWS::AccountId}:function:*" },
                { "Effect": "Allow", "Action": "dynamodb:Querry", "Resource": "*" }
              ]
            }
  Logs:
    Type: AWS::Lambda::Permission
    Properties:
      Action: lambda:InvokeFunction
      FunctionName: fn
      Principal: !Sub logs.\${AWS::Region}.amazonaws.com
`;
  const f = scan(t);
  assert.deepEqual(ruleLines(f, 'LG005'), [lineOf(t, 'lambda:UpdateFunctionCode')]);
  assert.deepEqual(ruleLines(f, 'LG012'), [lineOf(t, 'dynamodb:Querry')]);
  const lg007 = f.filter((x) => x.ruleId === 'LG007');
  assert.deepEqual(lg007.map((x) => x.location!.startLine), [lineOf(t, 'Principal: !Sub logs')]);
  assert.match(lg007[0].message, /^logs\.<unresolved AWS::Region>\.amazonaws\.com may invoke/);
});

test('IAM element names are case-sensitive: a lower-case statement grants nothing', () => {
  const t = `Resources:
  P:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Statement:
          - effect: Allow
            action: lambda:*
            resource: '*'
`;
  assert.deepEqual(scan(t).map((x) => x.ruleId), []);
  assert.ok(scan(t.replace('- effect', '- Effect').replace('action:', 'Action:').replace('resource:', 'Resource:')).some((x) => x.ruleId === 'LG001'));
});

test('branches that need one condition both true and false are dropped; labels are not repeated', () => {
  const t = `Conditions:
  IsProd: !Equals [a, b]
Resources:
  Nightly:
    Type: AWS::Lambda::Permission
    Properties:
      Action: lambda:InvokeFunction
      FunctionName: fn
      Principal: !If [IsProd, events.amazonaws.com, '*']
      SourceArn: !If [IsProd, arn:aws:events:eu-west-1:123456789012:rule/nightly, !Ref AWS::NoValue]
`;
  const f = scan(t);
  assert.deepEqual(f.filter((x) => x.ruleId === 'LG007'), [], 'events with its SourceArn (IsProd=true) is fine');
  const lg006 = f.filter((x) => x.ruleId === 'LG006');
  assert.equal(lg006.length, 1);
  assert.doesNotMatch(lg006[0].message + (lg006[0].branch ?? ''), /IsProd=false & IsProd=false|IsProd=true & IsProd=false/);
});
