import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lineOf, ruleLines, scan } from './yamlSnippet';

const T = `Resources:
  Policy:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Statement:
          - Effect: Allow
            Action: [s3:GetObjcet, 'Polly:SynthesizeSpeech', !Sub '\${AWS::NoSuch}:Get']
            Resource: '*'
          - Effect: Deny
            Action: iam:DeleteRoel
            Resource: '*'
`;

test('LG012 (YAML): typos in Allow and Deny are reported with suggestions; valid mixed case and unknown values are not', () => {
  const findings = scan(T);
  assert.deepEqual(ruleLines(findings, 'LG012'), [lineOf(T, 's3:GetObjcet'), lineOf(T, 'iam:DeleteRoel')]);
  assert.match(findings.filter((f) => f.ruleId === 'LG012')[0].message, /Did you mean s3:GetObject\?/);
});
