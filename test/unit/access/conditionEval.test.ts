// Condition keys the snapshot knows are judged with IAM's operator semantics (IAM User Guide,
// reference_policies_elements_condition_operators): negated operators hold when the key is absent,
// ...IfExists holds when it is absent, ForAnyValue fails and ForAllValues holds on an absent key.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluateConditions, tagContext, withValues } from '../../../src/core/access/conditionEval';

const known = withValues({ 'lambda:functionurlauthtype': 'NONE', 'aws:sourcevpc': null });
const judge = (operator: string, key: string, values: string[]): string => {
  const out = evaluateConditions([{ operator, key, values }], known);
  return out === undefined ? 'fails' : out.satisfied.length === 1 ? 'holds' : 'unknown';
};

test('string operators on a known value', () => {
  assert.equal(judge('StringEquals', 'lambda:FunctionUrlAuthType', ['NONE']), 'holds');
  assert.equal(judge('StringEquals', 'lambda:FunctionUrlAuthType', ['none']), 'fails', 'StringEquals is case-sensitive');
  assert.equal(judge('StringEqualsIgnoreCase', 'lambda:FunctionUrlAuthType', ['none']), 'holds');
  assert.equal(judge('StringNotEquals', 'lambda:FunctionUrlAuthType', ['AWS_IAM']), 'holds');
  assert.equal(judge('StringNotEquals', 'lambda:FunctionUrlAuthType', ['NONE']), 'fails');
  assert.equal(judge('StringLike', 'lambda:FunctionUrlAuthType', ['N?N*']), 'holds');
  assert.equal(judge('StringNotLike', 'lambda:FunctionUrlAuthType', ['AWS*']), 'holds');
  assert.equal(judge('StringEquals', 'LAMBDA:FUNCTIONURLAUTHTYPE', ['NONE']), 'holds', 'key names are case-insensitive');
  assert.equal(judge('ForAnyValue:StringEquals', 'lambda:FunctionUrlAuthType', ['AWS_IAM', 'NONE']), 'holds');
});

test('operators on a key known to be absent', () => {
  assert.equal(judge('StringEquals', 'aws:SourceVpc', ['vpc-1']), 'fails');
  assert.equal(judge('StringNotEquals', 'aws:SourceVpc', ['vpc-1']), 'holds');
  assert.equal(judge('StringEqualsIfExists', 'aws:SourceVpc', ['vpc-1']), 'holds');
  assert.equal(judge('ForAnyValue:StringEquals', 'aws:SourceVpc', ['vpc-1']), 'fails');
  assert.equal(judge('ForAllValues:StringEquals', 'aws:SourceVpc', ['vpc-1']), 'holds');
  assert.equal(judge('Null', 'aws:SourceVpc', ['true']), 'holds');
  assert.equal(judge('Null', 'aws:SourceVpc', ['false']), 'fails');
});

test('unknown keys, operators this module does not judge, and policy variables stay unresolved', () => {
  assert.equal(judge('StringEquals', 'aws:PrincipalOrgID', ['o-1']), 'unknown');
  assert.equal(judge('ArnLike', 'lambda:FunctionUrlAuthType', ['NONE']), 'unknown');
  assert.equal(judge('StringEquals', 'lambda:FunctionUrlAuthType', ['${aws:username}']), 'unknown');
});

test('a statement with several conditions: one that fails sinks it; the rest are split', () => {
  const c = (operator: string, key: string, value: string) => ({ operator, key, values: [value] });
  assert.equal(evaluateConditions([c('StringEquals', 'lambda:FunctionUrlAuthType', 'AWS_IAM'), c('Bool', 'aws:SecureTransport', 'true')], known), undefined);
  assert.deepEqual(evaluateConditions([c('StringEquals', 'lambda:FunctionUrlAuthType', 'NONE'), c('Bool', 'aws:SecureTransport', 'true')], known), {
    satisfied: [c('StringEquals', 'lambda:FunctionUrlAuthType', 'NONE')],
    unresolved: [c('Bool', 'aws:SecureTransport', 'true')],
  });
});

test('tag context: aws:ResourceTag and the service own key, tag keys case-insensitive', () => {
  const ctx = tagContext({ Team: 'payments' }, 'iam');
  assert.equal(ctx('aws:resourcetag/team'), 'payments');
  assert.equal(ctx('iam:resourcetag/team'), 'payments');
  assert.equal(ctx('aws:resourcetag/owner'), null);
  assert.equal(ctx('aws:principaltag/team'), undefined);
  assert.equal(tagContext(undefined)('aws:resourcetag/team'), undefined);
});
