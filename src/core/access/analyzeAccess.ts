import type { AccountSnapshot, IamRole, LiveFunction } from '../inventory/accountModel';
import { MODIFY_ACTIONS, type AccessGrant, type FunctionAccess } from './accessModel';
import { buildCandidateIndex, candidatesOf, type CandidateIndex, type Profile } from './candidateIndex';
import { tagContext, withValues } from './conditionEval';
import { evaluateAccess, evaluatePrefiltered, statementsFor, type Evaluation } from './evaluatePolicies';
import { GrantCollector, mergeByPrincipal, newGrantCache, type GrantCache } from './grantCollector';
import { bothNeeded, evaluateCreateFunction, evaluatePassRole, PASS_ROLE_CREATE } from './passRoleCreate';
import { parsePolicy, type ParsedPolicy, type ParsedStatement } from './policyParse';
import { classifyPrincipal, statementCovers, type Grantee } from './principalMatch';
import { buildPrincipals, type IdentityPrincipal, type PrincipalIndex } from './principalPolicies';
import { resourcePolicyGrants } from './resourcePolicyGrants';
import { actionApplies, type AccessRequest } from './statementMatch';

// Who can modify / who can invoke each deployed function (issue 8, "Analysis"). Pure: reads a snapshot.
//
// Scale (bench/access: 1,000 functions, 300 roles, 200 users): identity policies are indexed once per
// principal and action (`statementsFor`); principals with the same statements for an action form one
// profile, and profiles are indexed by the function names their Allow statements can cover
// (`candidateIndex`). Each function evaluates only the profiles that may be allowed — once per analysis
// for a profile that cannot tell functions apart — and evaluations are memoised, so functions that get
// the same answers share one assembled grant list (`GrantCollector`). The PassRole + CreateFunction pairs
// are worked out once per execution role.

interface Shared {
  partition: string;
  account: string;
  index: PrincipalIndex;
  roles: Map<string, IamRole>;
  byName: Map<string, CandidateIndex>;
  /** Principals allowed some iam:PassRole and allowed to create a function. */
  creators?: { p: IdentityPrincipal; create: Evaluation }[];
  pairMemo: Map<Evaluation, Map<Evaluation, Evaluation | undefined>>;
  /** Per execution role: who may pass it to a new function they may create. */
  pairs: Map<string, { grantee: Grantee; evaluation: Evaluation }[]>;
  /** Grants already assembled, shared by the functions' collectors. */
  grants: GrantCache;
}

/** The function ARN without a version or alias: the resource that UpdateFunctionCode & co. act on. */
export function unqualifiedArn(arn: string): string {
  const parts = arn.split(':');
  return parts.length > 7 && parts[5] === 'function' ? parts.slice(0, 7).join(':') : arn;
}

const NO_MEMBERS: IdentityPrincipal[] = [];

/** Condition keys whose value the analysis takes from the function (or the role): they vary per function. */
function perResourceKey(keyLower: string): boolean {
  return keyLower.startsWith('aws:resourcetag/') || keyLower.startsWith('iam:resourcetag/') || keyLower === 'lambda:functionurlauthtype' || keyLower === 'iam:passedtoservice';
}

/**
 * A profile's answer for one function. When none of its statements for the action can tell functions
 * apart (every Resource is `*`, no policy variable, no condition on a per-function key), the answer is
 * the same for all: it is worked out once.
 */
function evaluateProfile(profile: Profile, req: AccessRequest): Evaluation {
  if (profile.constant === undefined) {
    const { allows, denies, boundaryAllows } = profile.filtered;
    const uniform = [...allows, ...denies, ...boundaryAllows].every(
      ({ st }) =>
        st.resources !== undefined &&
        st.resources.every((r) => r.variables.length === 0 && r.tokens.every((t) => t.t === 'star')) &&
        st.conditions.every((c) => !perResourceKey(c.key.toLowerCase())),
    );
    profile.constant = uniform ? evaluatePrefiltered(req, profile.set, profile.filtered) : null;
  }
  return profile.constant ?? evaluatePrefiltered(req, profile.set, profile.filtered);
}

function candidateIndex(sh: Shared, actionLower: string): CandidateIndex {
  let index = sh.byName.get(actionLower);
  if (!index) sh.byName.set(actionLower, (index = buildCandidateIndex(sh.index.principals, actionLower)));
  return index;
}

/**
 * A function's grants, in two parts: the account's identities, whose evaluations are memoised (their list
 * is reused between functions that receive the same ones), and the resource policy's other grantees.
 */
interface Collectors {
  identity: GrantCollector;
  others: GrantCollector;
}

function collectors(sh: Shared): Collectors {
  return { identity: new GrantCollector(sh.grants, true), others: new GrantCollector(sh.grants, false) };
}

function grantsOf(c: Collectors): AccessGrant[] {
  return mergeByPrincipal(c.identity.grants(), c.others.grants());
}

/**
 * One action on the function: the account's identities (a profile at a time; a member the resource policy
 * names or denies is evaluated on its own, with that policy), then the resource policy's other grantees.
 */
function grantAction(out: Collectors, sh: Shared, req: AccessRequest, rp: ParsedPolicy | undefined, named: IdentityPrincipal[], publicNote?: string): void {
  const actionLower = req.action.toLowerCase();
  const rpStatements = rp ? rp.statements.filter((st) => actionApplies(st, actionLower)) : [];
  // The resource policy matters to a member only through a Deny that covers it or an Allow naming it
  // (an Allow to `*` or to the account is listed apart): such a member is evaluated on its own.
  const alone = (p: IdentityPrincipal): boolean =>
    rpStatements.some((st) => (st.effect === 'Deny' ? statementCovers(st, p.grantee, sh.partition) !== 'none' : named.includes(p) && namesPrincipal(st, p, sh.partition)));
  const evaluateAlone = (p: IdentityPrincipal): void => {
    out.identity.add(p.grantee, req.action, evaluateAccess(req, p.set, rp && { policy: rp, caller: p.grantee, partition: sh.partition, grants: 'named' }));
  };
  const done = named.length > 0 ? new Set<IdentityPrincipal>() : undefined;
  for (const profile of candidatesOf(candidateIndex(sh, actionLower), req.resource)) {
    if (done) for (const p of profile.members) done.add(p);
    const solo = rpStatements.length > 0 ? profile.members.filter(alone) : NO_MEMBERS;
    if (solo.length === 0) {
      out.identity.addGroup(profile.name, profile.grantees, req.action, evaluateProfile(profile, req));
      continue;
    }
    let shared: Evaluation | undefined;
    for (const p of profile.members) {
      if (solo.includes(p)) evaluateAlone(p);
      else out.identity.add(p.grantee, req.action, (shared ??= evaluateProfile(profile, req)));
    }
  }
  for (const p of named) if (!done?.has(p)) evaluateAlone(p);
  if (!rp || rpStatements.length === 0) return;
  const own = (g: Grantee): boolean => (g.kind === 'user' || g.kind === 'role') && sh.index.byArn.has(g.principal);
  for (const g of resourcePolicyGrants(rp, req, sh.partition, own)) {
    const ev = publicNote && g.grantee.kind === 'public' ? { ...g.evaluation, via: [...g.evaluation.via, publicNote] } : g.evaluation;
    out.others.add(g.grantee, req.action, ev);
  }
}

function namesPrincipal(st: ParsedStatement, p: IdentityPrincipal, partition: string): boolean {
  return (st.principals ?? []).some((e) => classifyPrincipal(e, partition).principal === p.arn);
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

/** Principals that may create some function (evaluated once each), with that evaluation. */
function creators(sh: Shared): { p: IdentityPrincipal; create: Evaluation }[] {
  if (!sh.creators) {
    sh.creators = [];
    for (const p of sh.index.principals) {
      if (statementsFor(p.set, 'lambda:createfunction').allows.length === 0 || statementsFor(p.set, 'iam:passrole').allows.length === 0) continue;
      const create = evaluateCreateFunction(p.set, sh.partition, sh.account);
      if (create.decision === 'allowed' || create.decision === 'conditional') sh.creators.push({ p, create });
    }
  }
  return sh.creators;
}

/** Who may pass the role to a function they create: worked out once per role. */
function pairsFor(sh: Shared, roleArn: string): { grantee: Grantee; evaluation: Evaluation }[] {
  let list = sh.pairs.get(roleArn);
  if (!list) {
    list = [];
    for (const { p, create } of creators(sh)) {
      // Both evaluations are memoised: the same two give the same pair object, for the grant caches.
      const pass = evaluatePassRole(p.set, roleArn, sh.roles.get(roleArn));
      let byPass = sh.pairMemo.get(create);
      if (!byPass) sh.pairMemo.set(create, (byPass = new Map()));
      if (!byPass.has(pass)) byPass.set(pass, bothNeeded(pass, create));
      const pair = byPass.get(pass);
      if (pair) list.push({ grantee: p.grantee, evaluation: pair });
    }
    sh.pairs.set(roleArn, list);
  }
  return list;
}

function analyzeFunction(fn: LiveFunction, sh: Shared): FunctionAccess {
  const resource = unqualifiedArn(fn.arn);
  const rp = fn.resourcePolicy ? parsePolicy(fn.resourcePolicy, 'resource policy', 'resource') : undefined;
  const named = namedIdentities(rp, sh);
  const tags = tagContext(fn.tags);
  const modify = collectors(sh);
  for (const action of MODIFY_ACTIONS) grantAction(modify, sh, { action, resource, context: tags }, rp, named);
  for (const { grantee, evaluation } of pairsFor(sh, fn.role)) modify.identity.add(grantee, PASS_ROLE_CREATE, evaluation);
  const invoke = collectors(sh);
  grantAction(invoke, sh, { action: 'lambda:InvokeFunction', resource, context: tags }, rp, named);
  // The URL's auth type is known: a `lambda:FunctionUrlAuthType` condition is judged against it.
  const urlContext = fn.url ? withValues({ 'lambda:functionurlauthtype': fn.url.authType }, tags) : tags;
  const publicNote = fn.url?.authType === 'NONE' ? `function URL ${fn.url.url} (AuthType NONE: callable without AWS credentials)` : undefined;
  grantAction(invoke, sh, { action: 'lambda:InvokeFunctionUrl', resource, context: urlContext }, rp, named, publicNote);
  const access: FunctionAccess = { functionArn: fn.arn, whoCanModify: grantsOf(modify), whoCanInvoke: grantsOf(invoke) };
  if (sh.index.unknownPolicies.length > 0) access.unknownPolicies = [...sh.index.unknownPolicies];
  const problems = [...(rp?.problems ?? []), ...sh.index.problems];
  if (problems.length > 0) access.problems = problems;
  return access;
}

/** Who can modify and who can invoke each function of the snapshot, keyed by `LiveFunction.arn`, sorted by ARN. */
export function analyzeAccess(snapshot: AccountSnapshot): Map<string, FunctionAccess> {
  // The account id comes from STS; if that call failed, the function ARNs still carry it.
  const account = snapshot.account.id || (snapshot.functions[0]?.arn.split(':')[4] ?? '');
  const sh: Shared = {
    partition: snapshot.account.partition || 'aws',
    account,
    index: buildPrincipals(snapshot.iam, account),
    roles: new Map(snapshot.iam.roles.map((r) => [r.arn, r])),
    byName: new Map(),
    pairs: new Map(),
    pairMemo: new Map(),
    grants: newGrantCache(),
  };
  const result = new Map<string, FunctionAccess>();
  const functions = [...snapshot.functions].sort((a, b) => (a.arn < b.arn ? -1 : a.arn > b.arn ? 1 : 0));
  for (const fn of functions) result.set(fn.arn, analyzeFunction(fn, sh));
  return result;
}
