// Properties: bad input never throws (it is reported), and the answer does not depend on the order in
// which the snapshot lists functions, roles, users, groups and policies.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyzeAccess } from '../../../src/core/access/analyzeAccess';
import { parsePolicy } from '../../../src/core/access/policyParse';
import { allow, doc, FN, fn, group, managed, POLICY, role, ROLE, snapshot, user } from './builders';

// Statement-shaped values: right and wrong element names, values of every JSON type.
const element = fc.constantFrom('Effect', 'effect', 'Action', 'NotAction', 'Resource', 'NotResource', 'Principal', 'NotPrincipal', 'Condition', 'Sid', 'Foo');
const value = fc.oneof(
  fc.constantFrom('Allow', 'Deny', '*', 'lambda:*', 'lambda:Update?unction*', `${FN}*`, `${FN}\${aws:username}`, 'arn:aws:iam::*:role/*'),
  fc.constantFrom({ AWS: '*' }, { Service: 's3.amazonaws.com' }, { StringEquals: { 'aws:SourceAccount': '1' } }, { Bool: 7 }, { AWS: [1] }),
  fc.jsonValue({ maxDepth: 2 }),
);
const statement = fc.oneof(fc.dictionary(element, value, { maxKeys: 6 }), fc.jsonValue({ maxDepth: 2 }));
const policyDoc = fc.oneof(
  fc.record({ Version: fc.constantFrom('2012-10-17', '2008-10-17'), Statement: fc.oneof(statement, fc.array(statement, { maxLength: 4 })) }),
  fc.jsonValue({ maxDepth: 3 }),
);

test('parsePolicy never throws, whatever the document', () => {
  fc.assert(
    fc.property(fc.anything(), (d) => {
      const p = parsePolicy(d, 'doc', 'resource');
      assert.ok(Array.isArray(p.statements) && Array.isArray(p.problems));
    }),
    { numRuns: 500 },
  );
});

test('analyzeAccess never throws on arbitrary identity and resource policies', () => {
  fc.assert(
    fc.property(policyDoc, policyDoc, policyDoc, (identity, resource, boundary) => {
      const s = snapshot({
        functions: [fn('f', { policy: resource as never })],
        roles: [role('r', { inline: { p: identity as never }, boundary: `${POLICY}B` })],
        users: [user('u', { groups: ['g', 'missing'] })],
        groups: [group('g', { inline: { p: identity as never } })],
        policies: [managed('B', boundary as never)],
      });
      const access = analyzeAccess(s).get(`${FN}f`);
      assert.ok(access && Array.isArray(access.whoCanModify) && Array.isArray(access.whoCanInvoke));
    }),
    { numRuns: 300 },
  );
});

function shuffled<T>(xs: T[], seed: number): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = (seed * (i + 7)) % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

test('the result does not depend on the order of the snapshot lists', () => {
  const parts = {
    functions: [fn('a'), fn('b', { policy: doc({ Effect: 'Allow', Principal: { Service: 'sns.amazonaws.com' }, Action: 'lambda:InvokeFunction', Resource: `${FN}b` }) }), fn('c')],
    roles: ['r1', 'r2', 'r3', 'r4'].map((n, i) => role(n, { inline: { p: doc(allow(i % 2 ? 'lambda:Invoke*' : 'lambda:Update*', `${FN}${'abc'[i % 3]}`)) } })),
    users: ['u1', 'u2', 'u3'].map((n) => user(n, { groups: ['g1', 'g2'] })),
    groups: [group('g1', { attached: [`${POLICY}P1`] }), group('g2', { inline: { q: doc(allow('iam:PassRole', `${ROLE}*`), allow('lambda:CreateFunction')) } })],
    policies: [managed('P1', doc(allow('lambda:AddPermission')))],
  };
  const expected = analyzeAccess(snapshot(parts));
  for (const seed of [3, 5, 11]) {
    const again = analyzeAccess(
      snapshot({
        functions: shuffled(parts.functions, seed),
        roles: shuffled(parts.roles, seed),
        users: shuffled(parts.users, seed),
        groups: shuffled(parts.groups, seed),
        policies: shuffled(parts.policies, seed),
      }),
    );
    assert.deepEqual([...again.entries()], [...expected.entries()]);
  }
  // And the map lists functions in ARN order.
  assert.deepEqual([...expected.keys()], [`${FN}a`, `${FN}b`, `${FN}c`]);
});

test('identical grants are shared between functions and frozen; each function has its own list', () => {
  const s = snapshot({ functions: [fn('a'), fn('b')], roles: [role('ops', { inline: { p: doc(allow('lambda:UpdateFunctionCode')) } })] });
  const result = analyzeAccess(s);
  const a = result.get(`${FN}a`)?.whoCanModify ?? [];
  const b = result.get(`${FN}b`)?.whoCanModify ?? [];
  assert.equal(a.length, 1);
  assert.equal(a[0], b[0], 'the same object');
  assert.notEqual(a, b, 'but not the same list');
  assert.ok(Object.isFrozen(a[0]) && Object.isFrozen(a[0].via) && Object.isFrozen(a[0].actions));
  assert.throws(() => (a[0].via as string[]).push('x'), TypeError);
  a.pop(); // the list itself is the function's own
  assert.equal(result.get(`${FN}b`)?.whoCanModify.length, 1);
});
