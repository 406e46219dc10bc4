import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lineOf, ruleLines, scan } from './yamlSnippet';

const T = `Resources:
  CrossRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal:
              AWS:
                - !Sub 'arn:aws:iam::\${AWS::AccountId}:root'
                - arn:aws:iam::111122223333:root
            Action: sts:AssumeRole
  PartnerRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal: { AWS: '444455556666' }
            Action: sts:AssumeRole
            Condition:
              StringEquals: { 'sts:ExternalId': partner-7 }
`;

test('LG010 (YAML): a literal other account in a trust policy; own account and ExternalId trust are not reported', () => {
  const findings = scan(T);
  assert.deepEqual(ruleLines(findings, 'LG010'), [lineOf(T, 'arn:aws:iam::111122223333:root')]);
});
