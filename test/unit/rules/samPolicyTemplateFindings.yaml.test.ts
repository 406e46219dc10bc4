import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lineOf, ruleLines, scan } from './yamlSnippet';

const T = `Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Handler: index.handler
      Runtime: python3.12
      Policies:
        - SQSSendMessagePolicy:
            QueueName: !GetAtt Q.QueueName
        - SQSPollerPolicy:
            QueueName: !GetAtt Q.QueueName
        - TextractPolicy: {}
        - S3ReadPolicy:
            BucketName: '*'
        - Statement:
            - Effect: Allow
              Action:
                - sqs:DeleteMessageBatch
                - sqs:SendMessage*
              Resource: !GetAtt Q.Arn
            - Effect: Allow
              Action:
                - s3:GetObject
                - s3:GetObjectVersion
              Resource: arn:aws:s3:::*/*
`;

test('SAM policy templates: AWS wording is not reported (partial wildcards, batch action names) but svc:* is', () => {
  const f = scan(T);
  assert.deepEqual(ruleLines(f, 'LG001'), [lineOf(T, '- TextractPolicy'), lineOf(T, '- sqs:SendMessage*')]);
  assert.deepEqual(ruleLines(f, 'LG012'), [lineOf(T, '- sqs:DeleteMessageBatch')]);
});

test('a SAM policy template made broad by a parameter gets one LG002 and one LG011 on that parameter, naming every value and action', () => {
  const f = scan(T);
  const line = lineOf(T, "BucketName: '*'");
  assert.ok(!f.some((x) => x.location!.startLine === lineOf(T, '- S3ReadPolicy')), 'nothing on the template name');
  const on = f.filter((x) => x.location!.startLine === line);
  assert.deepEqual(on.map((x) => x.ruleId).sort(), ['LG002', 'LG011']);
  assert.match(on.find((x) => x.ruleId === 'LG002')!.message, /'arn:aws:s3:::\*' \(and 'arn:aws:s3:::\*\/\*'\)/);
  assert.match(on.find((x) => x.ruleId === 'LG011')!.message, /'s3:GetObject', 's3:GetObjectVersion' on/);
});

test('hand-written statements keep one LG011 per action line', () => {
  const f = scan(T);
  assert.deepEqual(ruleLines(f, 'LG011').filter((l) => l > lineOf(T, '- Statement:')), [lineOf(T, '- s3:GetObject'), lineOf(T, '- s3:GetObjectVersion')]);
});
