import type { GrantCondition } from './accessModel';
import { lowerCased } from './conditionEval';
import { conditionList } from './conditionList';
import type { ParsedPolicy, ParsedStatement } from './policyParse';
import { allowPath, both, either, hitsKey, OPEN, type Hit, type Path } from './decisionPaths';
import { classifyPrincipal, statementCovers, type Grantee } from './principalMatch';
import { actionApplies, matchResourceAndConditions, type AccessRequest } from './statementMatch';

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

/** Two evaluations' conditions, statements and unknowns pooled under one decision. */
export function pooled(decision: AccessDecision, a: Evaluation, b: Evaluation): Evaluation {
  return {
    decision,
    conditions: conditionList([...a.conditions, ...b.conditions]),
    satisfiedConditions: conditionList([...a.satisfiedConditions, ...b.satisfiedConditions]),
    denyConditions: conditionList([...a.denyConditions, ...b.denyConditions]),
    via: [...new Set([...a.via, ...b.via])],
    deniedBy: [...a.deniedBy, ...b.deniedBy],
    unknownPolicies: [...new Set([...a.unknownPolicies, ...b.unknownPolicies])],
  };
}

interface Scoped {
  st: ParsedStatement;
  via: string[];
}

interface Filtered {
  allows: Scoped[];
  denies: Scoped[];
  boundaryAllows: Scoped[];
  /** Evaluations already made for this set and action, by what its statements came to (`outcomeCodes`, `hitsKey`). */
  memo: Map<string, Evaluation>;
}

/** A set's statements for one action (see `statementsFor`); pass it to `evaluatePrefiltered`. */
export type Prefiltered = Readonly<Omit<Filtered, 'memo'>>;

const MAX_MEMO = 256;
const filterCache = new WeakMap<PolicySet, Map<string, Filtered>>();

function scoped(policy: ParsedPolicy, st: ParsedStatement, through?: string, prefix = ''): Scoped {
  const via = [`${prefix}${policy.origin}, ${st.label}`];
  if (through) via.push(through);
  return { st, via };
}

/** The statements of a set that can concern an action: an index that keeps evaluation per resource cheap. */
export function statementsFor(set: PolicySet, actionLower: string): Prefiltered {
  let byAction = filterCache.get(set);
  if (!byAction) filterCache.set(set, (byAction = new Map()));
  let f = byAction.get(actionLower);
  if (!f) {
    f = { allows: [], denies: [], boundaryAllows: [], memo: new Map() };
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

const NO_HITS: Hit[] = [];
const MAX_CODED_CONDITIONS = 8;
/** One-character strings for the codes below, made once (from '0' up: never NUL or the '/' separator). */
const CODE = Array.from({ length: 2 + (1 << MAX_CODED_CONDITIONS) }, (_, i) => String.fromCharCode(i + 48));

/**
 * What each statement of a list came to, one character per statement: not applying, or applying with
 * this subset of its own conditions met (the others are then the unresolved ones). Undefined when an
 * outcome has a condition that is not the statement's own (a policy variable) or too many conditions:
 * the caller then keys on the full outcomes. Equal codes mean equal hits, hence an equal evaluation.
 */
function outcomeCodes(list: Scoped[], req: AccessRequest): string | undefined {
  let out = '';
  for (let i = 0; i < list.length; i++) {
    const { st } = list[i];
    const outcome = matchResourceAndConditions(st, req);
    if (!outcome) {
      out += CODE[0];
      continue;
    }
    if (st.conditions.length > MAX_CODED_CONDITIONS || outcome.unresolved.length + outcome.satisfied.length !== st.conditions.length) return undefined;
    let met = 0;
    for (const c of outcome.satisfied) met |= 1 << st.conditions.indexOf(c);
    out += CODE[1 + met];
  }
  return out;
}

/** The statements of a list (all covering the action) that apply to the request. */
function hitsOf(list: Scoped[], req: AccessRequest): Hit[] {
  let out = NO_HITS;
  for (let i = 0; i < list.length; i++) {
    const outcome = matchResourceAndConditions(list[i].st, req);
    if (!outcome) continue;
    if (out === NO_HITS) out = [];
    out.push({ index: i, via: list[i].via, outcome });
  }
  return out;
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

function decide(set: PolicySet, denies: Hit[], allows: Hit[], bound: Path, rp?: { caller: Grantee; allows: Hit[] }): Evaluation {
  const unknownPolicies = set.boundary && 'missing' in set.boundary ? [...set.unknownPolicies, set.boundary.missing] : set.unknownPolicies;
  const denyConditions: GrantCondition[] = [];
  const deniedBy: string[] = [];
  let denied = false;
  for (const d of denies) {
    deniedBy.push(...d.via);
    if (d.outcome.unresolved.length === 0) denied = true;
    else denyConditions.push(...d.outcome.unresolved);
  }
  const base = { satisfiedConditions: [] as GrantCondition[], denyConditions: conditionList(denyConditions), deniedBy, unknownPolicies };
  if (denied) return { ...base, decision: 'denied', conditions: [], via: [] };
  let allow = both(allowPath(allows), bound);
  if (rp) {
    const fromResource = allowPath(rp.allows);
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
    via: [...new Set(allow.via)].sort(),
  };
}

/** The memoised evaluation under `key`, made by `make` the first time. */
function remember(f: Filtered, key: string, make: () => Evaluation): Evaluation {
  let ev = f.memo.get(key);
  if (!ev) {
    ev = make();
    if (f.memo.size >= MAX_MEMO) f.memo.clear();
    f.memo.set(key, ev);
  }
  return ev;
}

/**
 * Evaluates one request for one principal of the account. Results are memoised per policy set and action
 * by the statements that hit (and their condition outcomes): callers must not mutate them.
 */
export function evaluateAccess(req: AccessRequest, set: PolicySet, rp?: ResourcePolicyPath): Evaluation {
  const actionLower = lowerCased(req.action);
  const f = statementsFor(set, actionLower);
  return rp ? evaluateWithResourcePolicy(req, set, f, rp, actionLower) : evaluatePrefiltered(req, set, f);
}

function evaluateWithResourcePolicy(req: AccessRequest, set: PolicySet, f: Prefiltered, rp: ResourcePolicyPath, actionLower: string): Evaluation {
  const hasBoundary = set.boundary !== undefined && 'statements' in set.boundary;
  // none, or missing (reported as unknown): the boundary does not close the path
  const bound = hasBoundary ? allowPath(hitsOf(f.boundaryAllows, req)) : OPEN;
  const denies = [...hitsOf(f.denies, req), ...hitsOf(resourceStatements(rp, actionLower, 'Deny'), req)];
  return decide(set, denies, hitsOf(f.allows, req), bound, { caller: rp.caller, allows: hitsOf(resourceStatements(rp, actionLower, 'Allow'), req) });
}

/** `evaluateAccess` without a resource policy, for statements already filtered by `statementsFor`: the hot path. */
export function evaluatePrefiltered(req: AccessRequest, set: PolicySet, prefiltered: Prefiltered): Evaluation {
  const f = prefiltered as Filtered;
  const hasBoundary = set.boundary !== undefined && 'statements' in set.boundary;
  const d = outcomeCodes(f.denies, req);
  const a = d === undefined ? undefined : outcomeCodes(f.allows, req);
  const b = a === undefined ? undefined : hasBoundary ? outcomeCodes(f.boundaryAllows, req) : '';
  if (b !== undefined) {
    return remember(f, `${d}/${a}/${b}`, () =>
      decide(set, hitsOf(f.denies, req), hitsOf(f.allows, req), hasBoundary ? allowPath(hitsOf(f.boundaryAllows, req)) : OPEN),
    );
  }
  // A policy variable in play: key on the outcomes themselves (NUL keeps these keys apart from the codes').
  const denies = hitsOf(f.denies, req);
  const allows = hitsOf(f.allows, req);
  const boundaryHits = hasBoundary ? hitsOf(f.boundaryAllows, req) : NO_HITS;
  const key = `\u0000${hitsKey(denies)}/${hitsKey(allows)}/${hitsKey(boundaryHits)}`;
  return remember(f, key, () => decide(set, denies, allows, hasBoundary ? allowPath(boundaryHits) : OPEN));
}
