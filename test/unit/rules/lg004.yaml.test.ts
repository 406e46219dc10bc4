import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lineOf, ruleLines, scan } from './yamlSnippet';

const T = `Resources:
  Deployer:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal: { Service: lambda.amazonaws.com }
            Action: sts:AssumeRole
      Policies:
        - PolicyName: pass
          PolicyDocument:
            Statement:
              - Effect: Allow
                Action: lambda:CreateFunction
                Resource: '*'
              - Effect: Allow
                Action: ['iam:Pass*']
                Resource: !Sub 'arn:aws:iam::\${AWS::AccountId}:role/*'
              - Effect: Allow
                Action: iam:PassRole
                Resource: !GetAtt WorkerRole.Arn
              - Effect: Allow
                Action: iam:PassRole
                Resource: '*'
                Condition:
                  StringEquals:
                    iam:PassedToService: lambda.amazonaws.com
`;

test('LG004 (YAML): PassRole via iam:Pass* on all roles is reported on the action line; named role and conditioned grant are not', () => {
  const findings = scan(T);
  assert.deepEqual(ruleLines(findings, 'LG004'), [lineOf(T, "'iam:Pass*'")]);
  assert.equal(findings.find((f) => f.ruleId === 'LG004')!.severity, 'error');
  // CreateFunction with PassRole on every role is the lambda privilege-escalation pair.
  assert.deepEqual(ruleLines(findings, 'LG005'), [lineOf(T, 'Action: lambda:CreateFunction')]);
});
