import { test } from 'node:test';
import assert from 'node:assert/strict';
import { managedPolicyHover } from '../../../src/core/hover/managedPolicyHover';
import { managedPolicyDataset } from '../../../src/core/iam/managedPolicyData';
import { analyzeText } from '../../../src/core/scan/analyzeText';
import { lineOf } from '../rules/yamlSnippet';

const T = `Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: nodejs20.x
      Handler: index.handler
      CodeUri: src/
      Policies:
        - AWSLambdaRole
        - arn:aws:iam::aws:policy/AWSLambdaBasicExecutionRole
        - AWSLambdaFullAccess
`;

test('hovering a managed-policy reference shows its document and the dataset version, or why it attaches nothing', () => {
  const model = analyzeText(T, 'template.yaml').model!;
  const source = managedPolicyDataset()!.source;
  const role = managedPolicyHover(model, lineOf(T, '- AWSLambdaRole'), 12)!;
  assert.ok(role.startsWith(`**AWS managed policy AWSLambdaRole** — version v1, per ${source}`), role);
  assert.ok(role.includes('{"Effect":"Allow","Action":["lambda:InvokeFunction"],"Resource":["*"]}'), role);
  assert.match(managedPolicyHover(model, lineOf(T, 'policy/AWSLambdaBasicExecutionRole'), 20)!, /The policy is `arn:aws:iam::aws:policy/);
  assert.match(managedPolicyHover(model, lineOf(T, '- AWSLambdaFullAccess'), 12)!, /successor is `AWSLambda\\_FullAccess`/);
  // Outside a reference: nothing.
  assert.equal(managedPolicyHover(model, lineOf(T, 'Handler:'), 8), undefined);
});
