// The local evaluator against hand-written policies. Expected decisions follow the IAM User Guide,
// "Policy evaluation logic" (reference_policies_evaluation-logic*): explicit Deny > Allow > implicit deny;
// identity ∩ boundary; Resource/NotResource and Action/NotAction element semantics.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluateAccess, type PolicySet } from '../../../src/core/access/evaluatePolicies';
import { tagContext, withValues } from '../../../src/core/access/conditionEval';
import { allow, deny, doc, FN, policySet } from './builders';

const ORDERS = `${FN}orders`;

function decision(set: PolicySet, action: string, resource = ORDERS): string {
  return evaluateAccess({ action, resource }, set).decision;
}

test('explicit Deny wins over Allow; an Allow is needed; a Deny alone denies', () => {
  const set = policySet([doc(allow('lambda:*')), doc(deny('lambda:UpdateFunctionCode', ORDERS))]);
  assert.equal(decision(set, 'lambda:UpdateFunctionCode'), 'denied');
  assert.equal(decision(set, 'lambda:UpdateFunctionConfiguration'), 'allowed');
  // The Deny names `orders` only: another function is still allowed.
  assert.equal(decision(set, 'lambda:UpdateFunctionCode', `${FN}billing`), 'allowed');
  assert.deepEqual(evaluateAccess({ action: 'lambda:UpdateFunctionCode', resource: ORDERS }, set).deniedBy, ['policy 2, statement 1']);

  assert.equal(decision(policySet([doc(allow('s3:GetObject'))]), 'lambda:UpdateFunctionCode'), 'notAllowed');
  assert.equal(decision(policySet([]), 'lambda:UpdateFunctionCode'), 'notAllowed');
  assert.equal(decision(policySet([doc(deny('lambda:*'))]), 'lambda:InvokeFunction'), 'denied');
});

test('action names match case-insensitively, with * and ? wildcards', () => {
  assert.equal(decision(policySet([doc(allow('LAMBDA:updatefunctioncode'))]), 'lambda:UpdateFunctionCode'), 'allowed');
  const update = policySet([doc(allow('lambda:Update*'))]);
  assert.equal(decision(update, 'lambda:UpdateFunctionCode'), 'allowed');
  assert.equal(decision(update, 'lambda:AddPermission'), 'notAllowed');
  // `?` is exactly one character: `?nvokeFunction` is InvokeFunction, not InvokeFunctionUrl.
  const one = policySet([doc(allow('lambda:?nvokeFunction'))]);
  assert.equal(decision(one, 'lambda:InvokeFunction'), 'allowed');
  assert.equal(decision(one, 'lambda:InvokeFunctionUrl'), 'notAllowed');
  assert.equal(decision(policySet([doc(allow('lambda:Update?'))]), 'lambda:UpdateFunctionCode'), 'notAllowed');
  assert.equal(decision(policySet([doc(allow('*:UpdateFunctionCode'))]), 'lambda:UpdateFunctionCode'), 'allowed');
  assert.equal(decision(policySet([doc(allow('*'))]), 'iam:PassRole', 'arn:aws:iam::111111111111:role/r'), 'allowed');
});

test('NotAction: an Allow grants everything else; a Deny denies everything else', () => {
  const notIam = policySet([doc({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' })]);
  assert.equal(decision(notIam, 'lambda:UpdateFunctionCode'), 'allowed');
  assert.equal(decision(notIam, 'iam:PassRole', 'arn:aws:iam::111111111111:role/r'), 'notAllowed');
  const denyAllButRead = policySet([doc(allow('*'), { Effect: 'Deny', NotAction: ['lambda:Get*', 'lambda:List*'], Resource: '*' })]);
  assert.equal(decision(denyAllButRead, 'lambda:UpdateFunctionCode'), 'denied');
  assert.equal(decision(denyAllButRead, 'lambda:GetFunction'), 'allowed');
});

test('NotResource: an Allow covers every resource but the listed; a Deny every resource but the listed', () => {
  const notProd = policySet([doc({ Effect: 'Allow', Action: 'lambda:*', NotResource: `${FN}prod-*` })]);
  assert.equal(decision(notProd, 'lambda:UpdateFunctionCode', `${FN}dev-api`), 'allowed');
  assert.equal(decision(notProd, 'lambda:UpdateFunctionCode', `${FN}prod-api`), 'notAllowed');
  const sandboxOnly = policySet([doc(allow('lambda:*'), { Effect: 'Deny', Action: 'lambda:*', NotResource: `${FN}sandbox-*` })]);
  assert.equal(decision(sandboxOnly, 'lambda:UpdateFunctionCode'), 'denied');
  assert.equal(decision(sandboxOnly, 'lambda:UpdateFunctionCode', `${FN}sandbox-1`), 'allowed');
});

test('resource ARNs match case-sensitively, with * and ? kept inside their segment unless * ends it', () => {
  const d = (resource: string, target = ORDERS): string => decision(policySet([doc(allow('lambda:UpdateFunctionCode', resource))]), 'lambda:UpdateFunctionCode', target);
  assert.equal(d('arn:aws:lambda:*:111111111111:function:ord*'), 'allowed');
  assert.equal(d(`${FN}Orders`), 'notAllowed', 'function names are case-sensitive');
  assert.equal(d('ARN:AWS:LAMBDA:us-east-1:111111111111:function:orders'), 'notAllowed');
  assert.equal(d(`${FN}order?`), 'allowed');
  assert.equal(d(`${FN}order?`, `${FN}order`), 'notAllowed', '? is exactly one character');
  assert.equal(d('arn:aws:lambda:us-east-1:222222222222:function:*'), 'notAllowed', 'another account');
  // UpdateFunctionCode acts on the unqualified ARN: `orders:*` covers versions and aliases only.
  assert.equal(d(`${FN}orders:*`), 'notAllowed');
  assert.equal(d(`${FN}orders:*`, `${FN}orders:prod`), 'allowed');
  // A `*` that ends a segment may cross colons; one inside a segment may not.
  assert.equal(d(`${FN}*`, `${FN}orders:prod`), 'allowed');
  assert.equal(d(`${FN}o*s`, `${FN}orders:prods`), 'notAllowed');
  assert.equal(d(`${FN}o*s`, `${FN}orders`), 'allowed');
  assert.equal(d('arn:aws:lambda:*:*:*'), 'allowed');
});

test('a condition in an Allow makes the grant conditional, with the condition shown', () => {
  const cond = { StringEquals: { 'aws:RequestedRegion': 'us-east-1' } };
  const ev = evaluateAccess({ action: 'lambda:UpdateFunctionCode', resource: ORDERS }, policySet([doc(allow('lambda:*', '*', { Condition: cond }))]));
  assert.equal(ev.decision, 'conditional');
  assert.deepEqual(ev.conditions, [{ operator: 'StringEquals', key: 'aws:RequestedRegion', values: ['us-east-1'] }]);
  assert.deepEqual(ev.via, ['policy 1, statement 1']);
  // An unconditional Allow elsewhere makes it allowed outright.
  const both = evaluateAccess({ action: 'lambda:UpdateFunctionCode', resource: ORDERS }, policySet([doc(allow('lambda:*', '*', { Condition: cond })), doc(allow('lambda:UpdateFunctionCode'))]));
  assert.equal(both.decision, 'allowed');
  assert.deepEqual(both.conditions, []);
});

test('a conditional Deny makes an Allow conditional and says so', () => {
  const mfa = { Bool: { 'aws:MultiFactorAuthPresent': 'false' } };
  const ev = evaluateAccess({ action: 'lambda:UpdateFunctionCode', resource: ORDERS }, policySet([doc(allow('lambda:*'), deny('lambda:Update*', '*', { Sid: 'NoMfaNoDeploy', Condition: mfa }))]));
  assert.equal(ev.decision, 'conditional');
  assert.deepEqual(ev.conditions, []);
  assert.deepEqual(ev.denyConditions, [{ operator: 'Bool', key: 'aws:MultiFactorAuthPresent', values: ['false'] }]);
  assert.deepEqual(ev.deniedBy, ['policy 1, statement "NoMfaNoDeploy"']);
});

test('permissions boundary: identity ∩ boundary; a boundary grants nothing on its own', () => {
  const readBoundary = doc(allow(['lambda:Get*', 'lambda:List*']));
  const set = policySet([doc(allow('lambda:*'))], readBoundary);
  assert.equal(decision(set, 'lambda:UpdateFunctionCode'), 'notAllowed');
  assert.equal(decision(set, 'lambda:GetFunction'), 'allowed');
  assert.equal(decision(policySet([doc(allow('s3:*'))], doc(allow('*'))), 'lambda:UpdateFunctionCode'), 'notAllowed');
  assert.equal(decision(policySet([doc(allow('*'))], doc(allow('*'), deny('lambda:AddPermission'))), 'lambda:AddPermission'), 'denied');
});

test('a conditional boundary Allow makes the grant conditional; a missing boundary is reported unknown', () => {
  const tagged = doc(allow('lambda:*', '*', { Condition: { StringEquals: { 'aws:PrincipalTag/team': 'platform' } } }));
  const ev = evaluateAccess({ action: 'lambda:UpdateFunctionCode', resource: ORDERS }, policySet([doc(allow('lambda:UpdateFunctionCode'))], tagged));
  assert.equal(ev.decision, 'conditional');
  assert.deepEqual(ev.conditions, [{ operator: 'StringEquals', key: 'aws:PrincipalTag/team', values: ['platform'] }]);

  const missing: PolicySet = { ...policySet([doc(allow('lambda:*'))]), boundary: { missing: 'arn:aws:iam::111111111111:policy/Gone' } };
  const m = evaluateAccess({ action: 'lambda:UpdateFunctionCode', resource: ORDERS }, missing);
  assert.equal(m.decision, 'allowed');
  assert.deepEqual(m.unknownPolicies, ['arn:aws:iam::111111111111:policy/Gone']);
});

test('policy variables cannot be resolved statically: a match through one is conditional', () => {
  const pattern = `${FN}\${aws:username}-*`;
  const set = policySet([doc(allow('lambda:UpdateFunctionCode', pattern))]);
  const ev = evaluateAccess({ action: 'lambda:UpdateFunctionCode', resource: `${FN}bob-api` }, set);
  assert.equal(ev.decision, 'conditional');
  assert.deepEqual(ev.conditions, [{ operator: 'ResourceWithPolicyVariable', key: 'aws:username', values: [pattern] }]);
  // Whatever the user name, `orders` has no `-`: the pattern cannot match it.
  assert.equal(decision(set, 'lambda:UpdateFunctionCode'), 'notAllowed');
  // Before Version 2012-10-17 variables are literal text.
  const old = policySet([{ Version: '2008-10-17', Statement: [allow('lambda:UpdateFunctionCode', pattern)] }]);
  assert.equal(decision(old, 'lambda:UpdateFunctionCode', `${FN}bob-api`), 'notAllowed');
  assert.equal(decision(old, 'lambda:UpdateFunctionCode', `${FN}\${aws:username}-x`), 'allowed');
  // `${*}` is a literal star.
  const literal = policySet([doc(allow('lambda:UpdateFunctionCode', `${FN}a\${*}`))]);
  assert.equal(decision(literal, 'lambda:UpdateFunctionCode', `${FN}ab`), 'notAllowed');
  assert.equal(decision(literal, 'lambda:UpdateFunctionCode', `${FN}a*`), 'allowed');
  // NotResource with a variable: the Deny applies only when the name is not the user's: conditional.
  const own = policySet([doc(allow('lambda:*'), { Effect: 'Deny', Action: 'lambda:*', NotResource: `${FN}\${aws:username}` })]);
  const ownEv = evaluateAccess({ action: 'lambda:UpdateFunctionCode', resource: ORDERS }, own);
  assert.equal(ownEv.decision, 'conditional');
  assert.deepEqual(ownEv.denyConditions, [{ operator: 'NotResourceWithPolicyVariable', key: 'aws:username', values: [`${FN}\${aws:username}`] }]);
});

test('conditions on facts the snapshot knows (resource tags) are judged, and kept when met', () => {
  const set = policySet([doc(allow('lambda:UpdateFunctionCode', '*', { Condition: { StringEquals: { 'aws:ResourceTag/team': 'payments' } } }))]);
  const req = (tags?: Record<string, string>) => evaluateAccess({ action: 'lambda:UpdateFunctionCode', resource: ORDERS, context: tagContext(tags) }, set);
  const met = req({ Team: 'payments' });
  assert.equal(met.decision, 'allowed');
  assert.deepEqual(met.satisfiedConditions, [{ operator: 'StringEquals', key: 'aws:ResourceTag/team', values: ['payments'] }]);
  assert.equal(req({ team: 'web' }).decision, 'notAllowed');
  assert.equal(req({}).decision, 'notAllowed', 'an absent tag fails StringEquals');
  assert.equal(req(undefined).decision, 'conditional', 'tags not collected: unknown');
});

test('a Statement written as one object reads like a one-element array', () => {
  const single = policySet([{ Version: '2012-10-17', Statement: allow('lambda:UpdateFunctionCode', ORDERS) }]);
  assert.equal(decision(single, 'lambda:UpdateFunctionCode'), 'allowed');
  const strings = policySet([{ Version: '2012-10-17', Statement: { Effect: 'Allow', Action: 'lambda:UpdateFunctionCode', Resource: ORDERS } }]);
  assert.equal(decision(strings, 'lambda:UpdateFunctionCode'), 'allowed');
});

test('malformed statements grant and deny nothing, are reported, and never throw', () => {
  // `effect:` is not `Effect`: IAM element names are case-sensitive.
  const lower = policySet([doc({ effect: 'Allow', Action: 'lambda:*', Resource: '*' })]);
  assert.equal(decision(lower, 'lambda:UpdateFunctionCode'), 'notAllowed');
  assert.match(lower.identity[0].policy.problems[0], /statement 1: has "effect", not "Effect": IAM element names are case-sensitive/);
  assert.equal(decision(policySet([doc(allow('lambda:*', '*', { Effect: 'allow' }))]), 'lambda:UpdateFunctionCode'), 'notAllowed');
  assert.equal(decision(policySet([doc({ Effect: 'Allow', Action: 'lambda:*' })]), 'lambda:UpdateFunctionCode'), 'notAllowed');
  // A malformed Deny next to a good Allow: the Allow stands, the Deny is reported.
  const badDeny = policySet([doc(allow('lambda:*'), { Effect: 'Deny', Action: 'lambda:*', Resource: '*', Condtion: {} })]);
  assert.equal(decision(badDeny, 'lambda:UpdateFunctionCode'), 'allowed');
  assert.match(badDeny.identity[0].policy.problems[0], /statement 2: has an unknown element "Condtion"/);
  for (const broken of [null, 42, 'text', { Statement: 42 }, { Statement: ['x', null, { Effect: 'Allow', Action: 7, Resource: '*' }] }, { statement: [] }]) {
    const set = policySet([broken as never]);
    assert.equal(decision(set, 'lambda:UpdateFunctionCode'), 'notAllowed');
    assert.ok(set.identity[0].policy.problems.length > 0, JSON.stringify(broken));
  }
});

test('memoised evaluations never mix requests whose conditions came out differently', () => {
  // Two conditions on one statement: a tag (known from the function) and the URL auth type (known only
  // when the function has a URL). The same set is evaluated in alternation; each answer is worked out by hand.
  const cond = { StringEquals: { 'aws:ResourceTag/team': 'web', 'lambda:FunctionUrlAuthType': 'AWS_IAM' } };
  const set = policySet([doc(allow('lambda:InvokeFunctionUrl', '*', { Condition: cond }))]);
  const run = (tags: Record<string, string>, url?: string) =>
    evaluateAccess({ action: 'lambda:InvokeFunctionUrl', resource: ORDERS, context: url ? withValues({ 'lambda:functionurlauthtype': url }, tagContext(tags)) : tagContext(tags) }, set);
  const tagCond = { operator: 'StringEquals', key: 'aws:ResourceTag/team', values: ['web'] };
  const urlCond = { operator: 'StringEquals', key: 'lambda:FunctionUrlAuthType', values: ['AWS_IAM'] };
  for (let round = 0; round < 2; round++) {
    const both = run({ team: 'web' }, 'AWS_IAM');
    assert.equal(both.decision, 'allowed');
    assert.deepEqual(both.satisfiedConditions, [tagCond, urlCond]);
    const tagOnly = run({ team: 'web' });
    assert.equal(tagOnly.decision, 'conditional');
    assert.deepEqual(tagOnly.conditions, [urlCond]);
    assert.deepEqual(tagOnly.satisfiedConditions, [tagCond]);
    assert.equal(run({ team: 'web' }, 'NONE').decision, 'notAllowed');
    assert.equal(run({ team: 'api' }, 'AWS_IAM').decision, 'notAllowed');
  }
});
