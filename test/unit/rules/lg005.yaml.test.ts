import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lineOf, ruleLines, scan } from './yamlSnippet';

const T = `Resources:
  Ops:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Statement:
          - Effect: Allow
            Action:
              - lambda:UpdateFunctionCode
              - lambda:GetFunction
            Resource: !Sub 'arn:aws:lambda:\${AWS::Region}:\${AWS::AccountId}:function:*'
          - Effect: Allow
            Action: iam:AttachRolePolicy
            Resource: !Sub 'arn:aws:iam::\${AWS::AccountId}:role/app-*'
          - Effect: Allow
            Action: iam:PutRolePolicy
            Resource: '*'
`;

test('LG005 (YAML): escalation on all functions and on * are reported; a role-name prefix is a scope', () => {
  const findings = scan(T);
  assert.deepEqual(ruleLines(findings, 'LG005'), [lineOf(T, 'lambda:UpdateFunctionCode'), lineOf(T, 'iam:PutRolePolicy')]);
});
