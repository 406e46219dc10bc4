import { test } from 'node:test';
import assert from 'node:assert/strict';
import { quickFixes } from '../../../src/core/fixes/fixesFor';
import { applyEdits } from '../../../src/core/fixes/fixTypes';
import { managedPolicyDataset } from '../../../src/core/iam/managedPolicyData';
import { lineOf, ruleLines, scan } from './yamlSnippet';

const T = `Transform: AWS::Serverless-2016-10-31
Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: { Statement: [{ Effect: Allow, Principal: { Service: lambda.amazonaws.com }, Action: sts:AssumeRole }] }
      ManagedPolicyArns:
        - arn:aws:iam::aws:policy/AWSLambdaBasicExecutionRole
        - arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole
        - arn:aws:iam::123456789012:policy/AWSLambdaBasicExecutionRole
        - !Ref CustomPolicy
        - arn:aws-cn:iam::aws:policy/SomethingOnlyInChina
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: nodejs20.x
      Handler: index.handler
      CodeUri: src/
      Policies:
        - AWSLambdaFullAccess
        - AWSLamdaExecute
        - TotallyMadeUpPolicyName
  CustomPolicy:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument: { Statement: [{ Effect: Allow, Action: s3:GetObject, Resource: arn:aws:s3:::b/* }] }
`;

test('LG016: a missing path, a deprecated policy and unknown names are reported on the reference', () => {
  const f = scan(T).filter((x) => x.ruleId === 'LG016');
  assert.deepEqual(
    f.map((x) => x.location?.startLine),
    [lineOf(T, 'policy/AWSLambdaBasicExecutionRole'), lineOf(T, '- AWSLambdaFullAccess'), lineOf(T, '- AWSLamdaExecute'), lineOf(T, '- TotallyMadeUpPolicyName')],
  );
  assert.match(f[0].message, /the policy is arn:aws:iam::aws:policy\/service-role\/AWSLambdaBasicExecutionRole/);
  assert.match(f[1].message, /AWS deprecated the managed policy AWSLambdaFullAccess: .* its successor is AWSLambda_FullAccess/);
  assert.match(f[2].message, /Did you mean AWSLambdaExecute\?/);
  // The verdict depends on the dataset: the message names its version.
  assert.ok(f[3].message.includes(`is not an AWS managed policy in ${managedPolicyDataset()!.source}`), f[3].message);
  assert.equal(f[3].fix, undefined);
});

test('LG016: the quick fix writes the exact reference and the finding is gone', () => {
  const f = scan(T).find((x) => x.ruleId === 'LG016')!;
  const [fix] = quickFixes({ text: T, file: 'template.yaml', finding: f });
  assert.equal(fix.title, "Change to 'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole'");
  const fixed = applyEdits(T, fix.edits);
  assert.deepEqual(ruleLines(scan(fixed), 'LG016'), [lineOf(fixed, '- AWSLambdaFullAccess'), lineOf(fixed, '- AWSLamdaExecute'), lineOf(fixed, '- TotallyMadeUpPolicyName')]);
});

test('LG016: CDK fromAwsManagedPolicyName without the service-role/ path', () => {
  const src = `import * as iam from 'aws-cdk-lib/aws-iam';
import { Stack } from 'aws-cdk-lib';
export class S extends Stack {
  constructor() {
    super();
    const role = new iam.Role(this, 'Worker', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    role.addManagedPolicy(iam.ManagedPolicy.fromAwsManagedPolicyName('AWSLambdaVPCAccessExecutionRole'));
  }
}
`;
  const f = scan(src, 'stack.ts').filter((x) => x.ruleId === 'LG016');
  assert.deepEqual(f.map((x) => x.location?.startLine), [lineOf(src, "'AWSLambdaVPCAccessExecutionRole'")]);
  assert.match(f[0].message, /service-role\/AWSLambdaVPCAccessExecutionRole/);
});
