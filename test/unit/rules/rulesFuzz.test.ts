import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ALL_RULES } from '../../../src/core/rules/registry';
import { HOLE } from '../../../src/core/model/value';
import { ModelBuilder, type StmtSpec } from './modelBuilder';

// Random models from a vocabulary of real and hostile values: every rule must return well-formed
// findings (its own id, a message, a range that exists in the model) and never throw.

const values = fc.constantFrom(
  '*', '*:*', 's3:*', 's3:Get*', 'iam:Pass*', 'iam:PassRole', 'lambda:UpdateFunctionCode', 'lambda:CreateFunction',
  'secretsmanager:GetSecretValue', 's3:GetObjcet', 'foo:Bar', '', ' ', ':', 'a:b:c', '**', '?', HOLE, `${HOLE}:*`, `s3:${HOLE}`,
  'arn:aws:s3:::*', 'arn:aws:iam::123456789012:role/*', 'arn:aws:iam::123456789012:root', '123456789012', 'arn:', 'arn:aws:*',
  `arn:aws:dynamodb:${HOLE}:${HOLE}:table/*`, 'sns.amazonaws.com', 'secretsmanager.amazonaws.com', 'NONE', 'AWS_IAM',
  'AKIAIOSFODNN7EXAMPLE', '{{resolve:ssm-secure:/x}}', 'arn:aws:iam::aws:policy/AdministratorAccess', 'AmazonS3FullAccess', '\u0000', 'x'.repeat(300),
);
const list = fc.option(fc.array(values, { maxLength: 4 }), { nil: undefined });
const principal = fc.record({ type: fc.constantFrom('AWS', 'Service', 'Federated', 'CanonicalUser', '*') as fc.Arbitrary<'AWS'>, value: values });
const stmt: fc.Arbitrary<StmtSpec> = fc.record({
  effect: fc.constantFrom('Allow', 'Deny', 'Unknown') as fc.Arbitrary<'Allow'>,
  actions: list,
  notActions: list,
  resources: list,
  notResources: list,
  principals: fc.option(fc.array(principal, { maxLength: 3 }), { nil: undefined }),
  conditions: fc.array(fc.record({ op: fc.constantFrom('StringEquals', 'StringNotEquals', 'ForAllValues:StringLike', 'Null', 'BoolIfExists', ''), key: fc.constantFrom('aws:SourceArn', 'iam:PassedToService', 'sts:ExternalId', 'aws:ResourceTag/x', ''), values: fc.array(values, { maxLength: 2 }) }), { maxLength: 2 }),
  conditionUnknown: fc.boolean(),
  branch: fc.option(fc.constantFrom('C=true', 'C=false'), { nil: undefined }),
});

test('rules: random models never make a rule throw, and findings are well-formed', () => {
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.constantFrom('identity', 'trust', 'resource') as fc.Arbitrary<'identity'>, fc.array(stmt, { maxLength: 3 })), { maxLength: 3 }),
      fc.array(fc.record({ principal: fc.option(values, { nil: undefined }), action: values, sourceArn: fc.option(values, { nil: undefined }), functionUrlAuthType: fc.option(values, { nil: undefined }) }), { maxLength: 3 }),
      fc.array(fc.tuple(values, values), { maxLength: 3 }),
      (policies, permissions, pairs) => {
        const b = new ModelBuilder();
        policies.forEach(([kind, sts], i) => b.policy(kind, `P${i}`, sts));
        for (const p of permissions) b.permission(p);
        for (const [n, v] of pairs) {
          b.env('Fn', n || 'X', v);
          b.managed('Fn', v);
          b.url('Url', v);
        }
        const lastLine = b.range().startLine;
        for (const rule of ALL_RULES) {
          for (const f of rule.check(b.model)) {
            assert.equal(f.ruleId, rule.meta.id);
            assert.ok(f.message.length > 0);
            assert.ok(f.range.startLine >= 1 && f.range.endLine < lastLine, `${rule.meta.id} range`);
            assert.ok(!f.message.includes(HOLE), `${rule.meta.id} message shows a raw hole: ${f.message}`);
          }
        }
      },
    ),
    { numRuns: 300, seed: 42 },
  );
});
