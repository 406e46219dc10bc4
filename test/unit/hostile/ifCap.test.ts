import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeText } from '../../../src/core/scan/analyzeText';
import { ifTree } from './hostileHarness';

// Past the cap, the remaining `!If` combinations are judged together and never more mildly than one of
// them would be: an unrestricted branch that comes last is still found.


test('statement: the one Allow without iam:PassedToService is the last of 65,536 combinations, and is still reported', () => {
  const last = 255;
  const effect = ifTree(8, 'E', (i) => (i === last ? '"Allow"' : '"Deny"'));
  const cond = ifTree(8, 'C', (i) => (i === last ? '{ "StringEquals": { "aws:SourceAccount": "1" } }' : '{ "StringEquals": { "iam:PassedToService": "lambda.amazonaws.com" } }'));
  const text = `{ "Resources": { "P": { "Type": "AWS::IAM::ManagedPolicy", "Properties": { "PolicyDocument": { "Statement": [
{ "Effect": ${effect}, "Action": "iam:PassRole", "Resource": "*", "Condition": ${cond} }
] } } } } }`;
  const r = analyzeText(text, 'p.json');
  assert.deepEqual(r.errors, []);
  assert.deepEqual(r.findings.map((f) => [f.ruleId, f.location!.startLine]), [['LG004', 2]]);
  assert.equal(r.notices?.length, 1);
  assert.equal(r.notices![0].line, 2);
});

test('statement under the cap: every combination judged on its own, no notice', () => {
  const text = `Resources:
  P:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Statement:
          - Effect: !If [E, Allow, Deny]
            Action: iam:PassRole
            Resource: '*'
            Condition: !If [C, { StringEquals: { iam:PassedToService: lambda.amazonaws.com } }, !Ref AWS::NoValue]
`;
  const r = analyzeText(text, 'p.yaml');
  assert.equal(r.notices, undefined);
  // Allow without the condition: E=true & C=false only.
  assert.deepEqual(r.findings.map((f) => [f.ruleId, f.branch]), [['LG004', 'E=true & C=false']]);
});

test('Lambda permission: the combination without any restriction comes after the first 16 and is still reported', () => {
  const noValue = '!Ref AWS::NoValue';
  const text = `Resources:
  P:
    Type: AWS::Lambda::Permission
    Properties:
      Action: lambda:InvokeFunction
      FunctionName: f
      Principal: '*'
      SourceArn: !If [A, 'arn:aws:s3:::b', ${noValue}]
      SourceAccount: !If [B, '123456789012', ${noValue}]
      PrincipalOrgID: !If [C, o-abc, ${noValue}]
      EventSourceToken: !If [D, t, ${noValue}]
      FunctionUrlAuthType: !If [F, AWS_IAM, ${noValue}]
`;
  const r = analyzeText(text, 'perm.yaml');
  assert.deepEqual(r.errors, []);
  assert.ok(r.findings.some((f) => f.ruleId === 'LG006' && f.location!.startLine === 7), JSON.stringify(r.findings.map((f) => [f.ruleId, f.location?.startLine, f.branch])));
  // The notice points at the resource's body (its first line).
  assert.deepEqual(r.notices?.map((n) => n.line), [3]);
});

test('a 300-deep !If chain is analysed to its last branch; 10,000-deep nesting is an error, not a crash', () => {
  let chain = "'sqs:*'";
  for (let i = 0; i < 300; i++) chain = `!If [C${i}, 's3:GetObject', ${chain}]`;
  const text = `Resources:\n  P:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument:\n        Statement:\n          - Effect: Allow\n            Action: ${chain}\n            Resource: '*'\n`;
  const r = analyzeText(text, 'chain.yaml');
  assert.deepEqual(r.errors, []);
  const sqs = r.findings.find((f) => f.ruleId === 'LG001' && f.message.includes('sqs:*'));
  assert.ok(sqs, 'the innermost branch is reached');
  // The innermost value holds when every condition of the chain is false.
  assert.equal(sqs.branch?.split(' & ').length, 300);
  assert.ok(sqs.branch?.split(' & ').every((p) => /^C\d+=false$/.test(p)));
  const deep = analyzeText(`Resources:\n  R:\n    Type: AWS::IAM::Role\n    Properties:\n      X: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`, 'deep.yaml');
  assert.equal(deep.findings.length, 0);
  assert.equal(deep.errors.length, 1);
});
