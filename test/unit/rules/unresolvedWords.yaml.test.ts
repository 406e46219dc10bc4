import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { analyzeText } from '../../../src/core/scan/analyzeText';
import { scanPaths } from '../../../src/core/scan/scanPaths';

// A value the analyzer cannot know is named in words in every message: what the template wrote
// (`<unresolved AWS::Region>`, `<unresolved !Ref Stage>`), or `<unresolved>` when nothing names it.

const TEMPLATE = `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Region: { Type: String }
  Verb: { Type: String }
Resources:
  Perm:
    Type: AWS::Lambda::Permission
    Properties:
      Action: lambda:InvokeFunction
      FunctionName: f
      Principal: !Sub 'logs.\${AWS::Region}.amazonaws.com'
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: { Statement: [{ Effect: Allow, Principal: { Service: lambda.amazonaws.com }, Action: sts:AssumeRole }] }
      Policies:
        - PolicyName: p
          PolicyDocument:
            Statement:
              - Effect: Allow
                Action: dynamodb:PutItem
                Resource: !Sub 'arn:\${AWS::Partition}:dynamodb:\${AWS::Region}:\${AWS::AccountId}:table/*'
              - Effect: Allow
                Action: dynamodb:DeleteItem
                Resource: !Join ['', ['arn:aws:dynamodb:', !Ref Region, ':', !Ref 'AWS::AccountId', ':table/*']]
              - Effect: Allow
                Action: !Sub 'nosuchsvc:\${Verb}\${AWS::Region}'
                Resource: arn:aws:s3:::b
`;

test('unresolved parts of !Sub, !Join and !Ref read as words naming what the template wrote', () => {
  const messages = analyzeText(TEMPLATE, 't.yaml').findings.map((f) => `${f.ruleId} ${f.message}`);
  const has = (re: RegExp): void => assert.ok(messages.some((m) => re.test(m)), `${re}\n${messages.join('\n')}`);
  has(/^LG007 logs\.<unresolved AWS::Region>\.amazonaws\.com may invoke/);
  has(/^LG002 Resource 'arn:aws:dynamodb:<unresolved AWS::Region>:<unresolved AWS::AccountId>:table\/\*'/);
  has(/^LG002 Resource 'arn:aws:dynamodb:<unresolved !Ref Region>:<unresolved !Ref AWS::AccountId>:table\/\*'/);
  // Two unknowns side by side are one unknown stretch, named by both.
  has(/^LG012 .*'nosuchsvc:<unresolved Verb AWS::Region>'/);
});

test('no message of the examples or the acceptance sets shows a placeholder for an unknown value', async () => {
  const root = path.resolve(__dirname, '../../..');
  for (const dir of ['examples', 'test/acceptance', 'test/acceptance-2', 'test/acceptance-3', 'test/acceptance-cdk', 'test/acceptance-cdk-2', 'test/acceptance-cdk-3']) {
    const r = await scanPaths([dir], { cwd: root });
    for (const f of r.findings) assert.ok(!/\$\{\?\}|\uE000/.test(f.message), `${f.location?.file}:${f.location?.startLine} ${f.message}`);
  }
});

test('in CDK, an unknown part of a template literal is named by its source text', () => {
  const src = `import * as iam from 'aws-cdk-lib/aws-iam';
import { Stack } from 'aws-cdk-lib';
export class S extends Stack {
  make(role: iam.Role): void {
    role.addToPolicy(new iam.PolicyStatement({ actions: ['dynamodb:PutItem'], resources: [\`arn:aws:dynamodb:\${this.region}:\${this.account}:table/*\`] }));
  }
}
`;
  const lg002 = analyzeText(src, 'lib/s.ts').findings.find((f) => f.ruleId === 'LG002');
  assert.ok(lg002);
  assert.match(lg002.message, /^Resource 'arn:aws:dynamodb:<unresolved this\.region>:<unresolved this\.account>:table\/\*'/);
});
