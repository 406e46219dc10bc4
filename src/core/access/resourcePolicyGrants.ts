import type { GrantCondition } from './accessModel';
import { conditionList } from './conditionList';
import type { Evaluation } from './evaluatePolicies';
import type { ParsedPolicy, ParsedStatement } from './policyParse';
import { classifyPrincipal, statementCovers, type Grantee } from './principalMatch';
import { matchStatement, type AccessRequest } from './statementMatch';

// The grantees a function's resource policy names for an action: the public (`*`), other accounts and
// their identities, AWS services, federated principals. Each comes with its conditions as written
// (aws:SourceArn, aws:SourceAccount, aws:PrincipalOrgID, lambda:FunctionUrlAuthType, lambda:EventSourceToken…)
// and with the resource policy's own Deny statements applied. Whether another account's identities also
// have an identity-policy Allow is not visible from this account: they are listed as grantees.

export interface ResourceGrant {
  grantee: Grantee;
  evaluation: Evaluation;
}

interface Acc {
  grantee: Grantee;
  unconditional: boolean;
  conditions: GrantCondition[];
  satisfied: GrantCondition[];
  via: string[];
}

function granteesOf(st: ParsedStatement, partition: string): { grantee: Grantee; note?: string }[] {
  if (st.principals) return st.principals.map((e) => ({ grantee: classifyPrincipal(e, partition) }));
  const excluded = (st.notPrincipals ?? []).map((e) => classifyPrincipal(e, partition).principal);
  // An Allow with NotPrincipal grants everyone but the listed principals.
  return [{ grantee: { principal: '*', kind: 'public' }, note: `NotPrincipal: everyone except ${excluded.join(', ')}` }];
}

/**
 * Grantees of one action on the function. `skip` leaves out the account's own roles and users, which
 * the identity evaluation covers (with the resource policy as one of their paths).
 */
export function resourcePolicyGrants(rp: ParsedPolicy, req: AccessRequest, partition: string, skip: (g: Grantee) => boolean): ResourceGrant[] {
  const actionLower = req.action.toLowerCase();
  const byPrincipal = new Map<string, Acc>();
  for (const st of rp.statements) {
    if (st.effect !== 'Allow') continue;
    const hit = matchStatement(st, req, actionLower);
    if (!hit) continue;
    for (const { grantee, note } of granteesOf(st, partition)) {
      if (skip(grantee)) continue;
      let acc = byPrincipal.get(grantee.principal);
      if (!acc) byPrincipal.set(grantee.principal, (acc = { grantee, unconditional: false, conditions: [], satisfied: [], via: [] }));
      acc.via.push(`${rp.origin}, ${st.label}${note ? ` (${note})` : ''}`);
      acc.satisfied.push(...hit.satisfied);
      if (hit.unresolved.length === 0) acc.unconditional = true;
      else acc.conditions.push(...hit.unresolved);
    }
  }
  const out: ResourceGrant[] = [];
  for (const acc of byPrincipal.values()) {
    const denyConditions: GrantCondition[] = [];
    const deniedBy: string[] = [];
    let denied = false;
    for (const st of rp.statements) {
      if (st.effect !== 'Deny') continue;
      const cover = statementCovers(st, acc.grantee, partition);
      if (cover === 'none') continue;
      const hit = matchStatement(st, req, actionLower);
      if (!hit) continue;
      deniedBy.push(`${rp.origin}, ${st.label}`);
      const unresolved = [...hit.unresolved];
      // A NotPrincipal Deny against "anyone": it still applies to everyone but the listed principals.
      if (cover === 'some') unresolved.unshift({ operator: 'NotPrincipal', key: 'Principal', values: (st.notPrincipals ?? []).map((e) => e.value) });
      if (unresolved.length === 0) denied = true;
      else denyConditions.push(...unresolved);
    }
    if (denied) continue;
    const conditional = !acc.unconditional || denyConditions.length > 0;
    out.push({
      grantee: acc.grantee,
      evaluation: {
        decision: conditional ? 'conditional' : 'allowed',
        conditions: acc.unconditional ? [] : conditionList(acc.conditions),
        satisfiedConditions: conditionList(acc.satisfied),
        denyConditions: conditionList(denyConditions),
        via: [...new Set(acc.via)],
        deniedBy,
        unknownPolicies: [],
      },
    });
  }
  return out;
}
