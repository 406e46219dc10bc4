import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lineOf, ruleLines, scan } from './yamlSnippet';

const T = `Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: app.handler
      CodeUri: src/
      Policies:
        - Statement:
            - Effect: Allow
              Action: [xray:PutTraceSegments, xray:PutTelemetryRecords, logs:CreateLogStream, logs:PutLogEvents]
              Resource: '*'
            - Effect: Allow
              Action: [dynamodb:PutItem, dynamodb:DeleteItem]
              Resource:
                - !GetAtt Table.Arn
                - !Sub 'arn:\${AWS::Partition}:dynamodb:\${AWS::Region}:\${AWS::AccountId}:table/*'
            - Effect: Allow
              Action: sqs:SendMessage
              Resource: !Join ['', ['arn:aws:sqs:', !Ref 'AWS::Region', ':', !Ref 'AWS::AccountId', ':*']]
        - DynamoDBCrudPolicy:
            TableName: !Ref Table
`;

test('LG002 (SAM): the all-tables ARN from !Sub and the all-queues ARN from !Join are reported; wildcard-only and logging actions are not', () => {
  const findings = scan(T);
  assert.deepEqual(ruleLines(findings, 'LG002'), [lineOf(T, ':table/*'), lineOf(T, "!Join ['', ['arn:aws:sqs:'")]);
  const table = findings.find((f) => f.ruleId === 'LG002')!;
  assert.match(table.message, /dynamodb:DeleteItem, dynamodb:PutItem/);
  assert.equal(table.resource, 'Fn');
});
