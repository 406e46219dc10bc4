// The shortcuts of analyzeAccess (profiles, the function-name index, memoised evaluations, grant
// templates) must not change any answer: compared with brute force, every principal × function × action
// evaluated on its own with fresh policy sets, on a generated account with every kind of policy the
// benchmark uses (admins, CI deployers by name prefix, ABAC, boundaries, PassRole builders, groups,
// resource policies, public URLs, a missing managed policy).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeAccess, unqualifiedArn } from '../../../src/core/access/analyzeAccess';
import { functionNamePrefix } from '../../../src/core/access/candidateIndex';
import { tagContext, withValues } from '../../../src/core/access/conditionEval';
import { evaluateAccess } from '../../../src/core/access/evaluatePolicies';
import { arnPattern } from '../../../src/core/access/globMatch';
import { bothNeeded, evaluateCreateFunction, evaluatePassRole, PASS_ROLE_CREATE } from '../../../src/core/access/passRoleCreate';
import { parsePolicy } from '../../../src/core/access/policyParse';
import { buildPrincipals } from '../../../src/core/access/principalPolicies';
import { generateAccount } from '../../../bench/access/generateAccount';

test('functionNamePrefix: the literal start a pattern imposes on an unqualified function name', () => {
  const prefix = (p: string): string | undefined => functionNamePrefix(arnPattern(p, true));
  assert.equal(prefix('arn:aws:lambda:*:123456789012:function:team-1-*'), 'team-1-');
  assert.equal(prefix('arn:aws:lambda:us-east-1:123456789012:function:orders'), 'orders');
  assert.equal(prefix('arn:aws:lambda:*:*:function:*'), '');
  assert.equal(prefix('arn:aws:lambda:*:*:function:${aws:username}'), '', 'a variable may be any name');
  assert.equal(prefix('*'), '');
  assert.equal(prefix('arn:aws:lambda:*'), '', 'fewer colons: the * may span the rest');
  assert.equal(prefix('arn:aws:lambda:us-east-1:123456789012:function:orders:*'), undefined, 'versions and aliases only');
});

type Row = [principal: string, action: string, conditional: boolean];

function bruteForce(snapshot: ReturnType<typeof generateAccount>): Map<string, { modify: Row[]; invoke: Row[] }> {
  const index = buildPrincipals(snapshot.iam, snapshot.account.id);
  const out = new Map<string, { modify: Row[]; invoke: Row[] }>();
  for (const fn of snapshot.functions) {
    const resource = unqualifiedArn(fn.arn);
    const rp = fn.resourcePolicy ? parsePolicy(fn.resourcePolicy, 'resource policy', 'resource') : undefined;
    const tags = tagContext(fn.tags);
    const modify: Row[] = [];
    const invoke: Row[] = [];
    for (const p of index.principals) {
      const path = rp && { policy: rp, caller: p.grantee, partition: 'aws', grants: 'named' as const };
      const add = (rows: Row[], action: string, context = tags): void => {
        const ev = evaluateAccess({ action, resource, context }, p.set, path);
        if (ev.decision === 'allowed' || ev.decision === 'conditional') rows.push([p.arn, action, ev.decision === 'conditional']);
      };
      for (const a of ['lambda:UpdateFunctionCode', 'lambda:UpdateFunctionConfiguration', 'lambda:AddPermission']) add(modify, a);
      const pair = bothNeeded(evaluatePassRole(p.set, fn.role, snapshot.iam.roles.find((r) => r.arn === fn.role)), evaluateCreateFunction(p.set, 'aws', snapshot.account.id));
      if (pair) modify.push([p.arn, PASS_ROLE_CREATE, pair.decision === 'conditional']);
      add(invoke, 'lambda:InvokeFunction');
      add(invoke, 'lambda:InvokeFunctionUrl', fn.url ? withValues({ 'lambda:functionurlauthtype': fn.url.authType }, tags) : tags);
    }
    out.set(fn.arn, { modify: modify.sort(), invoke: invoke.sort() });
  }
  return out;
}

test('the indexed analysis gives the brute-force answer for every identity, function and action', () => {
  const snapshot = generateAccount({ functions: 80, roles: 60, users: 40 });
  const expected = bruteForce(snapshot);
  const actual = analyzeAccess(snapshot);
  const own = new Set([...snapshot.iam.roles, ...snapshot.iam.users].map((p) => p.arn));
  const rows = (grants: { principal: string; actions: string[]; conditional: boolean; conditionalActions?: string[] }[]): Row[] =>
    grants
      .filter((g) => own.has(g.principal))
      .flatMap((g) => g.actions.map((a): Row => [g.principal, a, g.conditional || (g.conditionalActions ?? []).includes(a)]))
      .sort();
  let compared = 0;
  for (const [arn, want] of expected) {
    const got = actual.get(arn);
    assert.ok(got, arn);
    assert.deepEqual(rows(got.whoCanModify), want.modify, `who can modify ${arn}`);
    assert.deepEqual(rows(got.whoCanInvoke), want.invoke, `who can invoke ${arn}`);
    compared += want.modify.length + want.invoke.length;
  }
  // The account is not trivial: thousands of (principal, action) grants were compared.
  assert.ok(compared > 2000, `only ${compared} grants compared`);
});
