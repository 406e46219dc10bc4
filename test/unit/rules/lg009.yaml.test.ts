import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lineOf, ruleLines, scan } from './yamlSnippet';

const T = `Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: nodejs20.x
      Handler: index.handler
      CodeUri: src/
      Policies:
        - AWSLambdaBasicExecutionRole
        - AmazonS3FullAccess
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal: { Service: lambda.amazonaws.com }
            Action: sts:AssumeRole
      ManagedPolicyArns:
        - !Sub 'arn:\${AWS::Partition}:iam::aws:policy/AdministratorAccess'
        - arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole
`;

test('LG009 (YAML): SAM short name is a warning, the !Sub AdministratorAccess ARN an error', () => {
  const findings = scan(T);
  assert.deepEqual(ruleLines(findings, 'LG009'), [lineOf(T, '- AmazonS3FullAccess'), lineOf(T, 'policy/AdministratorAccess')]);
  assert.deepEqual(findings.filter((f) => f.ruleId === 'LG009').map((f) => f.severity), ['warning', 'error']);
});
