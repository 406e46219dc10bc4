import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lineOf, ruleLines, scan } from './yamlSnippet';

const T = `Resources:
  Policy:
    Type: AWS::IAM::Policy
    Properties:
      PolicyName: p
      Roles: [!Ref FnRole]
      PolicyDocument:
        Statement:
          - Effect: Allow
            NotAction: iam:*
            Resource: '*'
          - Effect: Deny
            NotAction: s3:GetObject
            NotResource: arn:aws:s3:::public/*
  Bucket:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref B
      PolicyDocument:
        Statement:
          - Effect: Allow
            Action: s3:GetObject
            Resource: arn:aws:s3:::b/*
            NotPrincipal:
              AWS: arn:aws:iam::111122223333:root
`;

test('LG003 (YAML): Allow+NotAction on the NotAction key; Deny+Not* ignored', () => {
  const findings = scan(T);
  const lines = ruleLines(findings, 'LG003');
  assert.ok(lines.includes(lineOf(T, 'NotAction: iam:*')));
  assert.ok(!lines.includes(lineOf(T, 'NotAction: s3:GetObject')));
  assert.ok(!lines.includes(lineOf(T, 'NotResource:')));
});
