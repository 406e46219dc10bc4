import type { ArnPattern } from './globMatch';
import type { Evaluation, PolicySet, Prefiltered } from './evaluatePolicies';
import type { Grantee } from './principalMatch';
import type { IdentityPrincipal } from './principalPolicies';
import { statementsFor } from './evaluatePolicies';
import type { ParsedStatement } from './policyParse';

// Which principals could be allowed an action on a given function, found without evaluating each one.
//
// 1. Profiles: principals whose statements for the action are the same (same statements, reached the
//    same way, same missing documents) get the same answer; each function evaluates a profile once.
//    Users of the same groups, roles with the same managed policies, typically.
// 2. Function names: an unqualified function ARN `arn:P:lambda:R:A:function:NAME` has exactly six colons
//    and none in its fields. A Resource pattern with exactly six literal colons must map each of them onto
//    one of the ARN's (a `*` cannot take a colon the literal colons need), so its last field matches NAME
//    and NAME must start with that field's literal beginning: the profile is indexed under that prefix. A
//    pattern with fewer literal colons (`*`, `arn:aws:lambda:*`) or a NotResource may match any name:
//    "always". One with more (`function:f:*`) names versions and aliases only: never the unqualified ARN.

export interface Profile {
  /** Unique name of the profile (for grant-list keys). */
  name: string;
  /** The set evaluated on behalf of every member (the first member's), and its statements for the action. */
  set: PolicySet;
  filtered: Prefiltered;
  members: IdentityPrincipal[];
  grantees: Grantee[];
  /** The answer for every function, when it cannot depend on the function (worked out by the caller). */
  constant?: Evaluation | null;
}

export interface CandidateIndex {
  always: Profile[];
  byPrefix: Map<string, Profile[]>;
}

/** The literal start of the function name a pattern requires: '' for any name, undefined for none. */
export function functionNamePrefix(p: ArnPattern): string | undefined {
  let colons = 0;
  let start = -1;
  p.tokens.forEach((tok, i) => {
    if (tok.t === 'lit' && tok.ch === ':' && ++colons === 6) start = i + 1;
  });
  if (colons < 6) return '';
  if (colons > 6) return undefined;
  let prefix = '';
  for (let i = start; i < p.tokens.length; i++) {
    const tok = p.tokens[i];
    if (tok.t !== 'lit') break;
    prefix += tok.ch;
  }
  return prefix;
}

let nextId = 1;
const statementIds = new WeakMap<ParsedStatement, number>();

function idOf(st: ParsedStatement): number {
  let id = statementIds.get(st);
  if (id === undefined) statementIds.set(st, (id = nextId++));
  return id;
}

function profileKey(set: PolicySet, actionLower: string): string {
  const f = statementsFor(set, actionLower);
  const part = (list: { st: ParsedStatement; via: string[] }[]): string => list.map((s) => `${idOf(s.st)}@${s.via.join('+')}`).join(',');
  // A boundary with no Allow for the action still closes the path: "has a boundary" is part of the key.
  const boundary = !set.boundary ? 'none' : 'missing' in set.boundary ? `missing ${set.boundary.missing}` : 'set';
  return `${part(f.allows)}/${part(f.denies)}/${part(f.boundaryAllows)}/${boundary}/${set.unknownPolicies.join(',')}`;
}

/** Groups the principals that have an identity Allow for the action into profiles, indexed by function name. */
export function buildCandidateIndex(principals: IdentityPrincipal[], actionLower: string): CandidateIndex {
  const profiles = new Map<string, Profile>();
  for (const p of principals) {
    if (statementsFor(p.set, actionLower).allows.length === 0) continue;
    const key = profileKey(p.set, actionLower);
    const prof = profiles.get(key);
    if (prof) prof.members.push(p);
    else profiles.set(key, { name: `${actionLower} profile ${profiles.size}`, set: p.set, filtered: statementsFor(p.set, actionLower), members: [p], grantees: [] });
  }
  for (const prof of profiles.values()) prof.grantees = prof.members.map((m) => m.grantee);
  const index: CandidateIndex = { always: [], byPrefix: new Map() };
  for (const prof of profiles.values()) {
    const prefixes = new Set<string>();
    for (const { st } of statementsFor(prof.set, actionLower).allows) {
      if (!st.resources) prefixes.add('');
      else for (const r of st.resources) {
        const prefix = functionNamePrefix(r);
        if (prefix !== undefined) prefixes.add(prefix);
      }
    }
    if (prefixes.has('')) index.always.push(prof);
    else for (const prefix of prefixes) {
      const list = index.byPrefix.get(prefix) ?? [];
      list.push(prof);
      index.byPrefix.set(prefix, list);
    }
  }
  return index;
}

/** The profiles worth evaluating for an unqualified function ARN, each once. */
export function candidatesOf(index: CandidateIndex, functionArn: string): Profile[] {
  const name = functionArn.slice(functionArn.lastIndexOf(':') + 1);
  let out = index.always;
  let seen: Set<Profile> | undefined;
  for (const [prefix, list] of index.byPrefix) {
    if (!name.startsWith(prefix)) continue;
    if (!seen) {
      out = [...out];
      seen = new Set(out);
    }
    for (const prof of list) {
      if (!seen.has(prof)) {
        seen.add(prof);
        out.push(prof);
      }
    }
  }
  return out;
}
