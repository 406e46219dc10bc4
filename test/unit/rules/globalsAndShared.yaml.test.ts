import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lineOf, scan } from './yamlSnippet';

const SAM = `Transform: AWS::Serverless-2016-10-31
Globals:
  Function:
    Environment:
      Variables:
        SLACK_BOT_TOKEN: xoxb-2048-1024-AbCdEfGhIjKlMnOpQrStUvWx
    FunctionUrlConfig:
      AuthType: NONE
Resources:
  Reviewed:
    Type: AWS::Serverless::Function
    Metadata:
      lambda-guard:
        ignore: [{ id: LG014, reason: sandbox token }, { id: LG008, reason: public status page }]
    Properties: { Handler: a.h, Runtime: python3.12 }
  Other:
    Type: AWS::Serverless::Function
    Properties: { Handler: b.h, Runtime: python3.12 }
  Overrides:
    Type: AWS::Serverless::Function
    Properties:
      Handler: c.h
      Runtime: python3.12
      Environment:
        Variables:
          SLACK_BOT_TOKEN: '{{resolve:secretsmanager:slack:SecretString:token}}'
`;

test('a Globals value is a finding for each function that inherits it; one Metadata does not hide it for the others', () => {
  const f = scan(SAM);
  const at = (rule: string, line: number): string[] =>
    f.filter((x) => x.ruleId === rule && x.location!.startLine === line).map((x) => `${x.resource}${x.suppressed ? ':suppressed' : ''}`).sort();
  assert.deepEqual(at('LG014', lineOf(SAM, 'SLACK_BOT_TOKEN: xoxb')), ['Other', 'Reviewed:suppressed']);
  assert.deepEqual(at('LG008', lineOf(SAM, 'AuthType: NONE')), ['Other', 'Overrides', 'Reviewed:suppressed']);
  const other = f.find((x) => x.ruleId === 'LG014' && x.resource === 'Other')!;
  assert.match(other.message, /set in Globals, inherited by function Other/);
});

const ALIAS = `Resources:
  A:
    Type: AWS::IAM::Role
    Properties:
      Policies:
        - PolicyName: p
          PolicyDocument:
            Statement:
              - &Writes
                Effect: Allow
                Action: dynamodb:PutItem
                Resource: arn:aws:dynamodb:*:*:table/*
  B:
    Type: AWS::IAM::Role
    Metadata:
      lambda-guard:
        ignore: [{ id: LG002, reason: reviewed }]
    Properties:
      Policies:
        - PolicyName: p
          PolicyDocument:
            Statement:
              - *Writes
`;

test('a statement shared through a YAML alias is a finding for each role, each suppressible on its own', () => {
  const f = scan(ALIAS).filter((x) => x.ruleId === 'LG002');
  assert.deepEqual(f.map((x) => [x.location!.startLine, x.resource, x.suppressed]), [
    [lineOf(ALIAS, 'Resource: arn:aws:dynamodb'), 'A', false],
    [lineOf(ALIAS, 'Resource: arn:aws:dynamodb'), 'B', true],
  ]);
});
