import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lineOf, ruleLines, scan } from './yamlSnippet';

const T = `Resources:
  FnRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal: { Service: lambda.amazonaws.com }
            Action: sts:AssumeRole
      Policies:
        - PolicyName: secrets
          PolicyDocument:
            Statement:
              - Effect: Allow
                Action:
                  - secretsmanager:GetSecretValue
                  - ecr:GetAuthorizationToken
                Resource: '*'
              - Effect: Allow
                Action: ssm:GetParameter
                Resource: !Sub 'arn:aws:ssm:\${AWS::Region}:\${AWS::AccountId}:parameter/app/*'
`;

test('LG011 (YAML): GetSecretValue on * on its own line; wildcard-only and scoped parameters are not reported', () => {
  const findings = scan(T);
  assert.deepEqual(ruleLines(findings, 'LG011'), [lineOf(T, 'secretsmanager:GetSecretValue')]);
});
