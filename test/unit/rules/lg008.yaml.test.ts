import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lineOf, ruleLines, scan } from './yamlSnippet';

const T = `Transform: AWS::Serverless-2016-10-31
Parameters:
  UrlAuth: { Type: String }
Conditions:
  Public: !Equals [!Ref UrlAuth, open]
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: nodejs20.x
      Handler: index.handler
      CodeUri: src/
      FunctionUrlConfig:
        AuthType: NONE
  Fn2Url:
    Type: AWS::Lambda::Url
    Properties:
      TargetFunctionArn: !GetAtt Fn2.Arn
      AuthType: !If [Public, NONE, AWS_IAM]
  Fn3Url:
    Type: AWS::Lambda::Url
    Properties:
      TargetFunctionArn: !GetAtt Fn3.Arn
      AuthType: !Ref UrlAuth
`;

test('LG008 (YAML): SAM FunctionUrlConfig NONE and the NONE branch of !If; a parameter is unknown', () => {
  const findings = scan(T);
  assert.deepEqual(ruleLines(findings, 'LG008'), [lineOf(T, 'AuthType: NONE'), lineOf(T, 'AuthType: !If')]);
  const branch = findings.filter((f) => f.ruleId === 'LG008')[1];
  assert.match(branch.message, /when Public=true/);
});
