import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lineOf, ruleLines, scan } from './yamlSnippet';

const ROLE = `AWSTemplateFormatVersion: '2010-09-09'
Conditions:
  IsProd: !Equals [!Ref 'AWS::StackName', prod]
Resources:
  FnRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal: { Service: lambda.amazonaws.com }
            Action: sts:AssumeRole
      Policies:
        - PolicyName: app
          PolicyDocument:
            Statement:
              - Effect: Allow
                Action:
                  - s3:GetObject
                  - 'dynamodb:*'
                Resource: !Sub 'arn:aws:dynamodb:\${AWS::Region}:\${AWS::AccountId}:table/Orders'
              - Effect: Allow
                Action: !If [IsProd, 's3:GetObject', '*']
                Resource: '*'
              - Effect: Deny
                Action: '*'
                Resource: '*'
              - Effect: Allow
                Action: !Sub '\${AWS::Partition}:*'
                Resource: '*'
`;

test('LG001 (YAML): service wildcard line, !If branch, Deny ignored, unknown !Sub not a wildcard', () => {
  const findings = scan(ROLE);
  assert.deepEqual(ruleLines(findings, 'LG001'), [lineOf(ROLE, "'dynamodb:*'"), lineOf(ROLE, '!If [IsProd')]);
  const branchy = findings.find((f) => f.ruleId === 'LG001' && f.branch);
  assert.equal(branchy?.severity, 'error');
  assert.match(branchy!.message, /when IsProd=false/);
});

test('LG001 (JSON): action * in a JSON template', () => {
  const json = `{
  "Resources": {
    "Policy": {
      "Type": "AWS::IAM::ManagedPolicy",
      "Properties": {
        "PolicyDocument": {
          "Statement": [
            { "Effect": "Allow", "Action": ["s3:GetObject", "*"], "Resource": "*" }
          ]
        }
      }
    }
  }
}
`;
  const findings = scan(json, 'template.json');
  const f = findings.filter((x) => x.ruleId === 'LG001');
  assert.equal(f.length, 1);
  assert.equal(f[0].location!.startLine, lineOf(json, '"Action"'));
  assert.equal(f[0].location!.startColumn, json.split('\n')[lineOf(json, '"Action"') - 1].indexOf('"*"') + 1);
});

test('LG001 (YAML): a suppression comment marks the finding suppressed, not removed', () => {
  const yaml = `Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: nodejs20.x
      Handler: index.handler
      CodeUri: src/
      Policies:
        - Statement:
            # lambda-guard-ignore LG001: the function manages every queue by design
            - Effect: Allow
              Action: 'sqs:*'
              Resource: !GetAtt Queue.Arn
`;
  const findings = scan(yaml);
  assert.deepEqual(ruleLines(findings, 'LG001'), []);
  assert.deepEqual(ruleLines(findings, 'LG001', true), [lineOf(yaml, "'sqs:*'")]);
});
