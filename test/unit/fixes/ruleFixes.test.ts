import { test } from 'node:test';
import assert from 'node:assert/strict';
import { quickFixes } from '../../../src/core/fixes/fixesFor';
import { apply, findingOf, fixesOf, load, stillReported, type Tpl } from './fixTestUtil';

// Each rule fix on YAML (block and flow, 2 and 4 spaces, quotes) and JSON (multi-line and compact):
// the fixed text re-parses to the original template with exactly the intended change, the finding
// is gone, and inserted lines follow the file's indentation.

const SAM = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Handler: index.handler
      Runtime: nodejs20.x
      Role: !GetAtt FnRole.Arn
      Code:
        ZipFile: exports.handler = 1
  FnRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal:
              Service: lambda.amazonaws.com
            Action: sts:AssumeRole
      Policies:
        - PolicyName: p
          PolicyDocument:
            Statement:
              - Effect: Allow
                Action: iam:PassRole
                Resource: '*'
              - Effect: Allow
                Action:
                  - secretsmanager:GetSecretValue
                Resource: '*'
              - Effect: Allow
                Action: s3:GetObjcet
                Resource: arn:aws:s3:::b/*
  Url:
    Type: AWS::Lambda::Url
    Properties:
      TargetFunctionArn: !GetAtt Fn.Arn
      AuthType: NONE
  TopicPerm:
    Type: AWS::Lambda::Permission
    Properties:
      Action: lambda:InvokeFunction
      FunctionName: !Ref Fn
      Principal: sns.amazonaws.com
  CodePerm:
    Type: AWS::Lambda::Permission
    Properties:
      Action: lambda:UpdateFunctionCode
      FunctionName: !Ref Fn
      Principal: events.amazonaws.com
      SourceAccount: !Ref AWS::AccountId
`;

function check(text: string, file: string, ruleId: string, change: (t: Tpl) => void, title?: RegExp): string {
  const f = findingOf(text, file, ruleId);
  const fixes = fixesOf(text, file, ruleId);
  const fix = title ? fixes.find((x) => title.test(x.title)) : fixes.find((x) => x.preferred) ?? fixes[0];
  assert.ok(fix, `${ruleId}: a fix${title ? ` matching ${title}` : ''} among ${fixes.map((x) => x.title).join(' | ')}`);
  const after = apply(text, fix);
  const expected = load(text) as Tpl;
  change(expected);
  assert.deepEqual(load(after), expected, `${ruleId}: the fixed template is the original with the intended change`);
  assert.equal(stillReported(after, file, f), false, `${ruleId}: finding gone`);
  return after;
}

const SUB = (s: string): Tpl => ({ 'Fn::Sub': s });

test('LG008: AuthType NONE becomes AWS_IAM, keeping the scalar style', () => {
  const after = check(SAM, 't.yaml', 'LG008', (t) => (t.Resources.Url.Properties.AuthType = 'AWS_IAM'));
  assert.match(after, /^ {6}AuthType: AWS_IAM$/m);
  const quoted = SAM.replace('AuthType: NONE', 'AuthType: "NONE"');
  assert.match(check(quoted, 't.yaml', 'LG008', (t) => (t.Resources.Url.Properties.AuthType = 'AWS_IAM')), /AuthType: "AWS_IAM"/);
});

test('LG007: a SourceArn (placeholder selected) or SourceAccount is added to the permission', () => {
  const after = check(SAM, 't.yaml', 'LG007', (t) => (t.Resources.TopicPerm.Properties.SourceArn = SUB('arn:${AWS::Partition}:sns:${AWS::Region}:${AWS::AccountId}:TOPIC_NAME')), /SourceArn/);
  assert.match(after, /^ {6}Principal: sns\.amazonaws\.com\n {6}SourceArn: !Sub 'arn:\$\{AWS::Partition\}:sns:/m);
  const fix = fixesOf(SAM, 't.yaml', 'LG007').find((x) => /SourceArn/.test(x.title))!;
  assert.equal(apply(SAM, fix).slice(fix.select!.start, fix.select!.end), 'TOPIC_NAME');
  check(SAM, 't.yaml', 'LG007', (t) => (t.Resources.TopicPerm.Properties.SourceAccount = { Ref: 'AWS::AccountId' }), /SourceAccount/);
});

test('LG004: an iam:PassedToService condition is added to the statement', () => {
  const after = check(SAM, 't.yaml', 'LG004', (t) => {
    t.Resources.FnRole.Properties.Policies[0].PolicyDocument.Statement[0].Condition = { StringEquals: { 'iam:PassedToService': 'lambda.amazonaws.com' } };
  });
  assert.match(after, /^ {16}Resource: '\*'\n {16}Condition:\n {18}StringEquals:\n {20}iam:PassedToService: lambda\.amazonaws\.com$/m);
});

test('LG004: an existing Condition block is extended, not duplicated', () => {
  const text = SAM.replace("                Action: iam:PassRole\n                Resource: '*'\n", "                Action: iam:PassRole\n                Resource: '*'\n                Condition:\n                  StringLike:\n                    iam:AssociatedResourceArn: arn:aws:lambda:*\n");
  check(text, 't.yaml', 'LG004', (t) => {
    t.Resources.FnRole.Properties.Policies[0].PolicyDocument.Statement[0].Condition.StringEquals = { 'iam:PassedToService': 'lambda.amazonaws.com' };
  });
});

test('LG002: Resource * becomes the ARN pattern of the resource type', () => {
  check(SAM, 't.yaml', 'LG002', (t) => {
    t.Resources.FnRole.Properties.Policies[0].PolicyDocument.Statement[1].Resource = SUB('arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:SECRET_ID');
  }, /Secret/);
});

test('LG012 and LG013: the value is replaced by the suggestion', () => {
  check(SAM, 't.yaml', 'LG012', (t) => (t.Resources.FnRole.Properties.Policies[0].PolicyDocument.Statement[2].Action = 's3:GetObject'));
  check(SAM, 't.yaml', 'LG013', (t) => (t.Resources.CodePerm.Properties.Action = 'lambda:InvokeFunction'));
});

const FOUR = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
    Fn:
        Type: AWS::Lambda::Function
        Properties:
            Handler: index.handler
            Runtime: nodejs20.x
            Role:
                Fn::GetAtt: [FnRole, Arn]
            Code:
                ZipFile: exports.handler = 1
    FnRole:
        Type: AWS::IAM::Role
        Properties:
            AssumeRolePolicyDocument:
                Statement:
                -   Effect: Allow
                    Principal:
                        Service: lambda.amazonaws.com
                    Action: sts:AssumeRole
            Policies:
            -   PolicyName: p
                PolicyDocument:
                    Statement:
                    -   Effect: Allow
                        Action: iam:PassRole
                        Resource: "*"
    TopicPerm:
        Type: AWS::Lambda::Permission
        Properties:
            Action: lambda:InvokeFunction
            FunctionName:
                Ref: Fn
            Principal: sns.amazonaws.com
`;

test('four-space indentation, flush sequences, double quotes and long-form intrinsics are kept', () => {
  const after = check(FOUR, 't.yaml', 'LG007', (t) => (t.Resources.TopicPerm.Properties.SourceAccount = { Ref: 'AWS::AccountId' }), /SourceAccount/);
  assert.match(after, /^ {12}SourceAccount:\n {16}Ref: AWS::AccountId$/m);
  const arn = check(FOUR, 't.yaml', 'LG007', (t) => (t.Resources.TopicPerm.Properties.SourceArn = SUB('arn:${AWS::Partition}:sns:${AWS::Region}:${AWS::AccountId}:TOPIC_NAME')), /SourceArn/);
  assert.match(arn, /^ {12}SourceArn:\n {16}Fn::Sub: "arn:/m);
  const cond = check(FOUR, 't.yaml', 'LG004', (t) => {
    t.Resources.FnRole.Properties.Policies[0].PolicyDocument.Statement[0].Condition = { StringEquals: { 'iam:PassedToService': 'lambda.amazonaws.com' } };
  });
  assert.match(cond, /^ {24}Resource: "\*"\n {24}Condition:\n {28}StringEquals:\n {32}iam:PassedToService: lambda\.amazonaws\.com$/m);
});

test('flow-style maps get flow-style entries', () => {
  const flow = SAM.replace('    Properties:\n      Action: lambda:InvokeFunction\n      FunctionName: !Ref Fn\n      Principal: sns.amazonaws.com\n', '    Properties: { Action: lambda:InvokeFunction, FunctionName: !Ref Fn, Principal: sns.amazonaws.com }\n');
  const after = check(flow, 't.yaml', 'LG007', (t) => (t.Resources.TopicPerm.Properties.SourceAccount = { Ref: 'AWS::AccountId' }), /SourceAccount/);
  assert.match(after, /Principal: sns\.amazonaws\.com, SourceAccount: !Ref AWS::AccountId \}/);
});

test('CRLF files stay CRLF', () => {
  const crlf = SAM.replace(/\n/g, '\r\n');
  const after = check(crlf, 't.yaml', 'LG007', (t) => (t.Resources.TopicPerm.Properties.SourceAccount = { Ref: 'AWS::AccountId' }), /SourceAccount/);
  assert.doesNotMatch(after.replace(/\r\n/g, ''), /\n/);
});

test('LG014: a literal secret becomes a Secrets Manager reference whose name is selected', () => {
  const text = `Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: index.handler\n      Runtime: nodejs20.x\n      Environment:\n        Variables:\n          STAGE: prod\n          DB_PASSWORD: hunter2-Secret!\n`;
  const after = check(text, 't.yaml', 'LG014', (t) => (t.Resources.Fn.Properties.Environment.Variables.DB_PASSWORD = '{{resolve:secretsmanager:DB_PASSWORD}}'));
  assert.match(after, /^ {10}DB_PASSWORD: '\{\{resolve:secretsmanager:DB_PASSWORD\}\}'$/m);
  assert.doesNotMatch(after, /hunter2/);
  const fix = fixesOf(text, 't.yaml', 'LG014')[0];
  assert.equal(apply(text, fix).slice(fix.select!.start, fix.select!.end), 'DB_PASSWORD');
  // In an !If, only the branch holding the secret changes.
  const branch = text.replace('DB_PASSWORD: hunter2-Secret!', "DB_PASSWORD: !If [IsProd, 'hunter2-Secret!', !Ref AWS::NoValue]").replace('Resources:', 'Conditions:\n  IsProd: !Equals [a, a]\nResources:');
  const inBranch = check(branch, 't.yaml', 'LG014', (t) => (t.Resources.Fn.Properties.Environment.Variables.DB_PASSWORD['Fn::If'][1] = '{{resolve:secretsmanager:DB_PASSWORD}}'));
  assert.match(inBranch, /DB_PASSWORD: !If \[IsProd, '\{\{resolve:secretsmanager:DB_PASSWORD\}\}', !Ref AWS::NoValue\]/);
});

test('LG010: another account is pinned with sts:ExternalId (selected) in a trust policy, PrincipalOrgID on a permission', () => {
  const text = `Resources:
  PartnerRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Principal:
              AWS: arn:aws:iam::210987654321:root
            Action: sts:AssumeRole
  PartnerInvoke:
    Type: AWS::Lambda::Permission
    Properties:
      Action: lambda:InvokeFunction
      FunctionName: fn
      Principal: '210987654321'
`;
  const after = check(text, 't.yaml', 'LG010', (t) => (t.Resources.PartnerRole.Properties.AssumeRolePolicyDocument.Statement[0].Condition = { StringEquals: { 'sts:ExternalId': 'EXTERNAL_ID' } }));
  assert.match(after, /^ {12}Condition:\n {14}StringEquals:\n {16}sts:ExternalId: EXTERNAL_ID$/m);
  const fix = fixesOf(text, 't.yaml', 'LG010').find((x) => x.preferred)!;
  assert.equal(apply(text, fix).slice(fix.select!.start, fix.select!.end), 'EXTERNAL_ID');
  const f = findingOf(text, 't.yaml', 'LG010', 1);
  assert.equal(f.resource, 'PartnerInvoke');
  const [perm] = quickFixes({ text, file: 't.yaml', finding: f });
  const fixed = apply(text, perm);
  assert.equal((load(fixed) as Tpl).Resources.PartnerInvoke.Properties.PrincipalOrgID, 'o-EXAMPLE');
  assert.equal(stillReported(fixed, 't.yaml', f), false);
});

test('LG011 and LG005 (on the action): a statement of one service gets its Resource * scoped to the ARN pattern', () => {
  const text = `Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Handler: index.handler
      Runtime: nodejs20.x
      Policies:
        - Statement:
            - Effect: Allow
              Action:
                - secretsmanager:GetSecretValue
              Resource: '*'
            - Effect: Allow
              Action: lambda:UpdateFunctionCode
              Resource: '*'
            - Effect: Allow
              Action: [kms:Decrypt, logs:CreateLogGroup]
              Resource: '*'
`;
  const after = check(text, 't.yaml', 'LG011', (t) => (t.Resources.Fn.Properties.Policies[0].Statement[0].Resource = { 'Fn::Sub': 'arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:SECRET_ID' }));
  const fix = fixesOf(text, 't.yaml', 'LG011')[0];
  assert.equal(apply(text, fix).slice(fix.select!.start, fix.select!.end), 'SECRET_ID');
  assert.match(after, /^ {14}Resource: !Sub 'arn:\$\{AWS::Partition\}:secretsmanager:/m);
  check(text, 't.yaml', 'LG005', (t) => (t.Resources.Fn.Properties.Policies[0].Statement[1].Resource = { 'Fn::Sub': 'arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:FUNCTION_NAME' }));
  // kms:Decrypt shares its statement with a logs action: scoping '*' to a key would cut the other grant.
  const kms = findingOf(text, 't.yaml', 'LG011', 1);
  assert.match(kms.message, /kms:Decrypt/);
  assert.deepEqual(quickFixes({ text, file: 't.yaml', finding: kms }), []);
});
