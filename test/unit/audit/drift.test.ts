import { test } from 'node:test';
import assert from 'node:assert/strict';
import { auditSnapshot } from '../../../src/core/audit/auditAccount';
import { createSourceIndex, functionResources } from '../../../src/core/audit/sourceIndex';
import { emptySnapshot, type LiveFunction } from '../../../src/core/inventory/accountModel';
import { analyzeText } from '../../../src/core/scan/analyzeText';
import { ALL_RULES } from '../../../src/core/rules/registry';

// LG017 by hand: a SAM template and the function deployed from it, with one change made outside the
// template for each kind the rule knows. Each expectation says which live part is not in the source.

const A = '123456789012';
const TEMPLATE = `AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Resources:
  Api:
    Type: AWS::Serverless::Function
    Properties:
      Handler: i.h
      Runtime: nodejs20.x
      FunctionUrlConfig:
        AuthType: AWS_IAM
      Policies:
        - DynamoDBReadPolicy:
            TableName: orders
      Events:
        Upload:
          Type: S3
          Properties:
            Bucket: !Ref Bucket
            Events: s3:ObjectCreated:*
  PartnerInvoke:
    Type: AWS::Lambda::Permission
    Properties:
      Action: lambda:InvokeFunction
      FunctionName: !Ref Api
      Principal: '444455556666'
  Bucket:
    Type: AWS::S3::Bucket
`;

function account(fn: Partial<LiveFunction>, inline: string[]) {
  const s = emptySnapshot({ id: A, partition: 'aws' }, ['us-east-1'], { kind: 'snapshot' });
  const role = `arn:aws:iam::${A}:role/stack-ApiRole-1`;
  s.iam.roles.push({ arn: role, name: 'stack-ApiRole-1', trustPolicy: {}, inlinePolicies: inline.map((name) => ({ name, document: { Statement: [] } })), attachedPolicies: [] });
  s.functions.push({
    name: 'stack-Api-XYZ',
    arn: `arn:aws:lambda:us-east-1:${A}:function:stack-Api-XYZ`,
    region: 'us-east-1',
    role,
    tags: { 'aws:cloudformation:logical-id': 'Api', 'aws:cloudformation:stack-name': 'stack' },
    environment: {},
    layers: [],
    eventSourceMappings: [],
    ...fn,
  });
  return s;
}

const stmt = (sid: string, principal: unknown, action: string, cond?: unknown) => ({ Sid: sid, Effect: 'Allow', Principal: principal, Action: action, Resource: '*', ...(cond ? { Condition: cond } : {}) });

function drift(fn: Partial<LiveFunction>, inline: string[] = ['ApiRolePolicy0']): string[] {
  const model = analyzeText(TEMPLATE, 'app/template.yaml').model!;
  const index = createSourceIndex(functionResources(model, ['stack']));
  return auditSnapshot(account(fn, inline), ALL_RULES.map((r) => r.meta), { sourceIndex: index })
    .findings.filter((f) => f.ruleId === 'LG017')
    .map((f) => f.resource ?? '');
}

test('LG017: nothing when the deployed function is what the template declares', () => {
  const policy = {
    Statement: [
      stmt('s3-upload', { Service: 's3.amazonaws.com' }, 'lambda:InvokeFunction', { StringEquals: { 'AWS:SourceAccount': A } }),
      stmt('partner', { AWS: 'arn:aws:iam::444455556666:root' }, 'lambda:InvokeFunction'),
      stmt('FunctionURLAllowPublicAccess', '*', 'lambda:InvokeFunctionUrl', { StringEquals: { 'lambda:FunctionUrlAuthType': 'AWS_IAM' } }),
    ],
  };
  assert.deepEqual(drift({ resourcePolicy: policy, url: { url: 'https://x', authType: 'AWS_IAM' } }), []);
});

test('LG017: a permission for a principal the template never names is an out-of-band change', () => {
  const policy = { Statement: [stmt('debug', { AWS: 'arn:aws:iam::777788889999:root' }, 'lambda:InvokeFunction'), stmt('partner-more', { AWS: 'arn:aws:iam::444455556666:root' }, 'lambda:UpdateFunctionCode')] };
  // 777788889999 is in no permission; 444455556666 is, but for InvokeFunction only.
  assert.deepEqual(drift({ resourcePolicy: policy }).sort(), ['permission debug', 'permission partner-more']);
});

test('LG017: a URL with another AuthType, or an inline policy SAM would not have written', () => {
  assert.deepEqual(drift({ url: { url: 'https://x', authType: 'NONE' } }), ['function URL']);
  assert.deepEqual(drift({}, ['ApiRolePolicy0', 'quick-fix']), ['inline policy quick-fix']);
});

test('LG017: a function the sources do not declare is not compared', () => {
  const policy = { Statement: [stmt('debug', '*', 'lambda:InvokeFunction')] };
  assert.deepEqual(drift({ resourcePolicy: policy, tags: { 'aws:cloudformation:logical-id': 'Other' } }), []);
});

function driftIn(template: string, fn: Partial<LiveFunction>) {
  const model = analyzeText(template, 'app/template.yaml').model!;
  const index = createSourceIndex(functionResources(model, ['stack']));
  return auditSnapshot(account(fn, ['ApiRolePolicy0']), ALL_RULES.map((r) => r.meta), { sourceIndex: index }).findings.filter((f) => f.ruleId === 'LG017');
}

test('LG017: the template can accept the change on the resource — Metadata or a comment above it — and the finding stays, suppressed', () => {
  const url = { url: 'https://x', authType: 'NONE' };
  const withMetadata = TEMPLATE.replace("    Type: AWS::Serverless::Function\n", "    Type: AWS::Serverless::Function\n    Metadata:\n      lambda-guard:\n        ignore:\n          - id: LG017\n            reason: URL opened for the partner demo until Friday\n");
  const [m] = driftIn(withMetadata, { url });
  assert.equal(m.suppressed, true);
  assert.deepEqual(m.suppression, { kind: 'metadata', reason: 'URL opened for the partner demo until Friday' });

  const withComment = TEMPLATE.replace('  Api:\n', '  # lambda-guard-ignore LG017: managed by the platform team\n  Api:\n');
  const [c] = driftIn(withComment, { url });
  assert.equal(c.suppressed, true);
  assert.equal(c.suppression?.reason, 'managed by the platform team');

  // A comment for another rule, or one on a statement inside the resource, does not cover the resource.
  const otherRule = TEMPLATE.replace('  Api:\n', '  # lambda-guard-ignore LG003: reads are fine\n  Api:\n');
  assert.equal(driftIn(otherRule, { url })[0].suppressed, false);
  const inside = TEMPLATE.replace('        - DynamoDBReadPolicy:\n', '        # lambda-guard-ignore LG017: not here\n        - DynamoDBReadPolicy:\n');
  assert.equal(driftIn(inside, { url })[0].suppressed, false);
});
