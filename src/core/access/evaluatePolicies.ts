import type { GrantCondition } from './accessModel';
import { conditionList } from './conditionList';
import type { ParsedPolicy, ParsedStatement } from './policyParse';
import { classifyPrincipal, statementCovers, type Grantee } from './principalMatch';
import { actionApplies, matchStatement, type AccessRequest } from './statementMatch';

// Local IAM policy evaluation for one principal of the account, after the AWS "policy evaluation logic"
// (IAM User Guide, reference_policies_evaluation-logic): an explicit Deny in any policy wins; otherwise
// an Allow is needed, from the identity policies (capped by the permissions boundary: identity ∩
// boundary) or from the resource policy. Within one account a resource policy that names a user ARN
// grants on its own; one that names a role ARN is still capped by the role's boundary (an implicit deny
// there limits it). SCPs, RCPs and session policies are not visible and not evaluated.

export type AccessDecision = 'allowed' | 'conditional' | 'notAllowed' | 'denied';

/** A policy of the principal; `through` says how it reaches the principal, e.g. `group deployers`. */
export interface PolicyRef {
  policy: ParsedPolicy;
  through?: string;
}

export interface PolicySet {
  /** Inline and attached policies, the user's groups' included. */
  identity: PolicyRef[];
  /** The permissions boundary, or the ARN of one whose document is missing; undefined when none is set. */
  boundary?: ParsedPolicy | { missing: string };
  /** Attached policies (or groups) whose documents are missing. */
  unknownPolicies: string[];
}

/** The function's resource policy, and who is calling (a role or user of the same account). */
export interface ResourcePolicyPath {
  policy: ParsedPolicy;
  caller: Grantee;
  partition: string;
  /** `named`: only statements naming the caller's ARN count (the analysis lists `*` and accounts apart). */
  grants: 'named' | 'named-or-public';
}

export interface Evaluation {
  decision: AccessDecision;
  /** Unresolved conditions the grant depends on (only when it is conditional through its Allow). */
  conditions: GrantCondition[];
  /** Conditions the snapshot shows are met. */
  satisfiedConditions: GrantCondition[];
  /** Conditions of Deny statements that may apply: when met, the grant is revoked. */
  denyConditions: GrantCondition[];
  /** The statements that allow it, and groups it comes through. */
  via: string[];
  /** The Deny statements that (may) apply. */
  deniedBy: string[];
  unknownPolicies: string[];
}

interface Scoped {
  st: ParsedStatement;
  via: string[];
}

interface Filtered {
  allows: Scoped[];
  denies: Scoped[];
  boundaryAllows: Scoped[];
}

/** level 2: allowed outright; 1: allowed under conditions; 0: not allowed. */
interface Path {
  level: 0 | 1 | 2;
  conditions: GrantCondition[];
  satisfied: GrantCondition[];
  via: string[];
}

const NONE: Path = { level: 0, conditions: [], satisfied: [], via: [] };
const OPEN: Path = { level: 2, conditions: [], satisfied: [], via: [] };

const filterCache = new WeakMap<PolicySet, Map<string, Filtered>>();

function scoped(policy: ParsedPolicy, st: ParsedStatement, through?: string, prefix = ''): Scoped {
  const via = [`${prefix}${policy.origin}, ${st.label}`];
  if (through) via.push(through);
  return { st, via };
}

/** The statements of a set that can concern an action: an index that keeps evaluation per resource cheap. */
export function statementsFor(set: PolicySet, actionLower: string): Filtered {
  let byAction = filterCache.get(set);
  if (!byAction) filterCache.set(set, (byAction = new Map()));
  let f = byAction.get(actionLower);
  if (!f) {
    f = { allows: [], denies: [], boundaryAllows: [] };
    for (const ref of set.identity) {
      for (const st of ref.policy.statements) {
        if (actionApplies(st, actionLower)) (st.effect === 'Allow' ? f.allows : f.denies).push(scoped(ref.policy, st, ref.through));
      }
    }
    const b = set.boundary;
    if (b && 'statements' in b) {
      for (const st of b.statements) {
        if (actionApplies(st, actionLower)) (st.effect === 'Allow' ? f.boundaryAllows : f.denies).push(scoped(b, st, undefined, 'permissions boundary: '));
      }
    }
    byAction.set(actionLower, f);
  }
  return f;
}

function allowPath(candidates: Scoped[], req: AccessRequest, actionLower: string): Path {
  let level: Path['level'] = 0;
  const conditions: GrantCondition[] = [];
  const satisfied: GrantCondition[] = [];
  const via: string[] = [];
  for (const c of candidates) {
    const hit = matchStatement(c.st, req, actionLower);
    if (!hit) continue;
    via.push(...c.via);
    satisfied.push(...hit.satisfied);
    if (hit.unresolved.length === 0) level = 2;
    else {
      if (level === 0) level = 1;
      conditions.push(...hit.unresolved);
    }
  }
  return level === 0 ? NONE : { level, conditions: level === 1 ? conditions : [], satisfied, via };
}

function both(a: Path, b: Path): Path {
  if (a.level === 0 || b.level === 0) return NONE;
  return { level: Math.min(a.level, b.level) as Path['level'], conditions: [...a.conditions, ...b.conditions], satisfied: [...a.satisfied, ...b.satisfied], via: [...a.via, ...b.via] };
}

function either(a: Path, b: Path): Path {
  if (a.level === 0) return b;
  if (b.level === 0) return a;
  const level = Math.max(a.level, b.level) as Path['level'];
  const conditions = level === 2 ? [] : [...a.conditions, ...b.conditions];
  return { level, conditions, satisfied: [...a.satisfied, ...b.satisfied], via: [...a.via, ...b.via] };
}

function boundaryPath(set: PolicySet, f: Filtered, req: AccessRequest, actionLower: string): Path {
  if (!set.boundary || !('statements' in set.boundary)) return OPEN; // none, or missing (reported as unknown)
  return allowPath(f.boundaryAllows, req, actionLower);
}

/**
 * Whether an Allow of the resource policy grants the caller on its own. An account principal does not: it
 * delegates to the account, whose identities still need an identity-policy Allow (IAM User Guide,
 * "AWS account principals"). `*` and NotPrincipal do, unless the analysis lists them apart (`named`).
 */
function grantsCaller(st: ParsedStatement, rp: ResourcePolicyPath): boolean {
  if (st.notPrincipals) return rp.grants === 'named-or-public';
  return (st.principals ?? []).some((e) => {
    const g = classifyPrincipal(e, rp.partition);
    return g.principal === rp.caller.principal || (rp.grants === 'named-or-public' && g.kind === 'public');
  });
}

function resourceStatements(rp: ResourcePolicyPath, actionLower: string, effect: 'Allow' | 'Deny'): Scoped[] {
  const out: Scoped[] = [];
  for (const st of rp.policy.statements) {
    if (st.effect !== effect || !actionApplies(st, actionLower)) continue;
    if (statementCovers(st, rp.caller, rp.partition) !== 'all') continue;
    if (effect === 'Allow' && !grantsCaller(st, rp)) continue;
    out.push(scoped(rp.policy, st));
  }
  return out;
}

/** Evaluates one request for one principal of the account. */
export function evaluateAccess(req: AccessRequest, set: PolicySet, rp?: ResourcePolicyPath): Evaluation {
  const actionLower = req.action.toLowerCase();
  const f = statementsFor(set, actionLower);
  const unknownPolicies = [...set.unknownPolicies];
  if (set.boundary && 'missing' in set.boundary) unknownPolicies.push(set.boundary.missing);
  const denyConditions: GrantCondition[] = [];
  const deniedBy: string[] = [];
  let denied = false;
  for (const d of rp ? [...f.denies, ...resourceStatements(rp, actionLower, 'Deny')] : f.denies) {
    const hit = matchStatement(d.st, req, actionLower);
    if (!hit) continue;
    deniedBy.push(...d.via);
    if (hit.unresolved.length === 0) denied = true;
    else denyConditions.push(...hit.unresolved);
  }
  const base = { satisfiedConditions: [] as GrantCondition[], denyConditions: conditionList(denyConditions), deniedBy, unknownPolicies };
  if (denied) return { ...base, decision: 'denied', conditions: [], via: [] };
  const bound = boundaryPath(set, f, req, actionLower);
  let allow = both(allowPath(f.allows, req, actionLower), bound);
  if (rp) {
    const fromResource = allowPath(resourceStatements(rp, actionLower, 'Allow'), req, actionLower);
    // A role ARN named in the resource policy stays capped by its boundary; a user ARN does not.
    allow = either(allow, rp.caller.kind === 'role' ? both(fromResource, bound) : fromResource);
  }
  if (allow.level === 0) return { ...base, decision: 'notAllowed', conditions: [], via: [] };
  const conditional = allow.level === 1 || denyConditions.length > 0;
  return {
    ...base,
    decision: conditional ? 'conditional' : 'allowed',
    conditions: conditionList(allow.conditions),
    satisfiedConditions: conditionList(allow.satisfied),
    via: [...new Set(allow.via)],
  };
}
