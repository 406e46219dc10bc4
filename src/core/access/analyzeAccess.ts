import type { AccountSnapshot, IamRole, LiveFunction } from '../inventory/accountModel';
import { MODIFY_ACTIONS, type FunctionAccess } from './accessModel';
import { tagContext, withValues } from './conditionEval';
import { evaluateAccess, statementsFor, type Evaluation } from './evaluatePolicies';
import { GrantCollector } from './grantCollector';
import { bothNeeded, evaluateCreateFunction, evaluatePassRole, PASS_ROLE_CREATE } from './passRoleCreate';
import { parsePolicy, type ParsedPolicy } from './policyParse';
import { classifyPrincipal, statementCovers, type Grantee } from './principalMatch';
import { buildPrincipals, type IdentityPrincipal, type PrincipalIndex } from './principalPolicies';
import { resourcePolicyGrants } from './resourcePolicyGrants';
import { actionApplies, type AccessRequest } from './statementMatch';

// Who can modify / who can invoke each deployed function (issue 8, "Analysis"). Pure: reads a snapshot.
//
// Scale: identity policies are indexed once per principal and action (`statementsFor`), so for each
// function only the principals with some Allow for the action are evaluated, against their few
// relevant statements; a principal whose relevant statements name `*` and test no per-function fact is
// evaluated once per action for the whole account. PassRole is evaluated once per role, CreateFunction
// once per principal.

interface Shared {
  partition: string;
  account: string;
  index: PrincipalIndex;
  roles: Map<string, IamRole>;
  candidates: Map<string, IdentityPrincipal[]>;
  sameEverywhere: Map<string, Evaluation>;
  create: Map<IdentityPrincipal, Evaluation>;
  passRole: Map<string, Evaluation>;
}

/** Condition keys whose value depends on the function (or role) and that the analysis resolves. */
function perResourceKey(keyLower: string): boolean {
  return keyLower.startsWith('aws:resourcetag/') || keyLower.startsWith('iam:resourcetag/') || keyLower === 'lambda:functionurlauthtype' || keyLower === 'iam:passedtoservice';
}

/** The function ARN without a version or alias: the resource that UpdateFunctionCode & co. act on. */
export function unqualifiedArn(arn: string): string {
  const parts = arn.split(':');
  return parts.length > 7 && parts[5] === 'function' ? parts.slice(0, 7).join(':') : arn;
}

function candidatesFor(sh: Shared, actionLower: string): IdentityPrincipal[] {
  let list = sh.candidates.get(actionLower);
  if (!list) sh.candidates.set(actionLower, (list = sh.index.principals.filter((p) => statementsFor(p.set, actionLower).allows.length > 0)));
  return list;
}

/** Evaluates without the resource policy, once per account when the answer cannot depend on the function. */
function evaluateIdentity(sh: Shared, req: AccessRequest, p: IdentityPrincipal, actionLower: string): Evaluation {
  const f = statementsFor(p.set, actionLower);
  const all = [...f.allows, ...f.denies, ...f.boundaryAllows];
  const uniform = all.every(({ st }) => st.resources?.every((r) => r.tokens.every((t) => t.t === 'star')) && st.conditions.every((c) => !perResourceKey(c.key.toLowerCase())));
  if (!uniform) return evaluateAccess(req, p.set);
  const key = `${p.arn}\u0000${actionLower}`;
  let ev = sh.sameEverywhere.get(key);
  if (!ev) sh.sameEverywhere.set(key, (ev = evaluateAccess(req, p.set)));
  return ev;
}

function grantAction(out: GrantCollector, sh: Shared, req: AccessRequest, rp: ParsedPolicy | undefined, named: IdentityPrincipal[], publicNote?: string): void {
  const actionLower = req.action.toLowerCase();
  const rpStatements = rp ? rp.statements.filter((st) => actionApplies(st, actionLower)) : [];
  const seen = new Set<IdentityPrincipal>();
  for (const p of [...candidatesFor(sh, actionLower), ...named]) {
    if (seen.has(p)) continue;
    seen.add(p);
    const touched = rp !== undefined && rpStatements.some((st) => statementCovers(st, p.grantee, sh.partition) !== 'none');
    const ev = touched ? evaluateAccess(req, p.set, { policy: rp, caller: p.grantee, partition: sh.partition, grants: 'named' }) : evaluateIdentity(sh, req, p, actionLower);
    out.add(p.grantee, req.action, ev);
  }
  if (!rp || rpStatements.length === 0) return;
  const own = (g: Grantee): boolean => (g.kind === 'user' || g.kind === 'role') && sh.index.byArn.has(g.principal);
  for (const g of resourcePolicyGrants(rp, req, sh.partition, own)) {
    const ev = publicNote && g.grantee.kind === 'public' ? { ...g.evaluation, via: [...g.evaluation.via, publicNote] } : g.evaluation;
    out.add(g.grantee, req.action, ev);
  }
}

/** The account's own roles and users that the resource policy names in an Allow (they may need no identity Allow). */
function namedIdentities(rp: ParsedPolicy | undefined, sh: Shared): IdentityPrincipal[] {
  const out = new Set<IdentityPrincipal>();
  for (const st of rp?.statements ?? []) {
    if (st.effect !== 'Allow') continue;
    for (const e of st.principals ?? []) {
      const p = sh.index.byArn.get(classifyPrincipal(e, sh.partition).principal);
      if (p) out.add(p);
    }
  }
  return [...out];
}

function grantPassRoleCreate(out: GrantCollector, sh: Shared, fn: LiveFunction): void {
  const creators = new Set(candidatesFor(sh, 'lambda:createfunction'));
  for (const p of candidatesFor(sh, 'iam:passrole')) {
    if (!creators.has(p)) continue;
    let create = sh.create.get(p);
    if (!create) sh.create.set(p, (create = evaluateCreateFunction(p.set, sh.partition, sh.account)));
    if (create.decision !== 'allowed' && create.decision !== 'conditional') continue;
    const key = `${p.arn}\u0000${fn.role}`;
    let pass = sh.passRole.get(key);
    if (!pass) sh.passRole.set(key, (pass = evaluatePassRole(p.set, fn.role, sh.roles.get(fn.role))));
    const pair = bothNeeded(pass, create);
    if (pair) out.add(p.grantee, PASS_ROLE_CREATE, pair);
  }
}

function analyzeFunction(fn: LiveFunction, sh: Shared): FunctionAccess {
  const resource = unqualifiedArn(fn.arn);
  const rp = fn.resourcePolicy ? parsePolicy(fn.resourcePolicy, 'resource policy', 'resource') : undefined;
  const named = namedIdentities(rp, sh);
  const tags = tagContext(fn.tags);
  const modify = new GrantCollector();
  for (const action of MODIFY_ACTIONS) grantAction(modify, sh, { action, resource, context: tags }, rp, named);
  grantPassRoleCreate(modify, sh, fn);
  const invoke = new GrantCollector();
  grantAction(invoke, sh, { action: 'lambda:InvokeFunction', resource, context: tags }, rp, named);
  // The URL's auth type is known: a `lambda:FunctionUrlAuthType` condition is judged against it.
  const urlContext = fn.url ? withValues({ 'lambda:functionurlauthtype': fn.url.authType }, tags) : tags;
  const publicNote = fn.url?.authType === 'NONE' ? `function URL ${fn.url.url} (AuthType NONE: callable without AWS credentials)` : undefined;
  grantAction(invoke, sh, { action: 'lambda:InvokeFunctionUrl', resource, context: urlContext }, rp, named, publicNote);
  const access: FunctionAccess = { functionArn: fn.arn, whoCanModify: modify.grants(), whoCanInvoke: invoke.grants() };
  if (sh.index.unknownPolicies.length > 0) access.unknownPolicies = sh.index.unknownPolicies;
  const problems = [...(rp?.problems ?? []), ...sh.index.problems];
  if (problems.length > 0) access.problems = problems;
  return access;
}

/** Who can modify and who can invoke each function of the snapshot, keyed by `LiveFunction.arn`, sorted by ARN. */
export function analyzeAccess(snapshot: AccountSnapshot): Map<string, FunctionAccess> {
  const account = snapshot.account.id;
  const sh: Shared = {
    partition: snapshot.account.partition || 'aws',
    account,
    index: buildPrincipals(snapshot.iam, account),
    roles: new Map(snapshot.iam.roles.map((r) => [r.arn, r])),
    candidates: new Map(),
    sameEverywhere: new Map(),
    create: new Map(),
    passRole: new Map(),
  };
  const result = new Map<string, FunctionAccess>();
  const functions = [...snapshot.functions].sort((a, b) => (a.arn < b.arn ? -1 : a.arn > b.arn ? 1 : 0));
  for (const fn of functions) result.set(fn.arn, analyzeFunction(fn, sh));
  return result;
}
