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
      Events:
        Topic:
          Type: SNS
          Properties:
            Topic: !Ref Topic
        Upload:
          Type: S3
          Properties:
            Bucket: !Ref Bucket
            Events: s3:ObjectCreated:*
  ApiPermission:
    Type: AWS::Lambda::Permission
    Properties:
      Action: lambda:InvokeFunction
      FunctionName: !GetAtt Fn.Arn
      Principal: apigateway.amazonaws.com
  RulePermission:
    Type: AWS::Lambda::Permission
    Properties:
      Action: lambda:InvokeFunction
      FunctionName: !GetAtt Fn.Arn
      Principal: events.amazonaws.com
      SourceArn: !GetAtt Rule.Arn
  RotationPermission:
    Type: AWS::Lambda::Permission
    Properties:
      Action: lambda:InvokeFunction
      FunctionName: !GetAtt Fn.Arn
      Principal: secretsmanager.amazonaws.com
`;

test('LG007 (YAML): only the hand-written permission without a source; SAM events carry theirs; rotation exempt', () => {
  const findings = scan(T);
  assert.deepEqual(ruleLines(findings, 'LG007'), [lineOf(T, 'Principal: apigateway.amazonaws.com')]);
  const f = findings.find((x) => x.ruleId === 'LG007')!;
  assert.equal(f.resource, 'ApiPermission');
  assert.equal(f.fix?.kind, 'addSourceCondition');
});
