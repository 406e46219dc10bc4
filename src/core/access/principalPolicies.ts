import type { AttachedPolicyRef, IamInventory, InlinePolicy, ManagedPolicy } from '../inventory/accountModel';
import type { PolicyRef, PolicySet } from './evaluatePolicies';
import { parsePolicy, type ParsedPolicy } from './policyParse';
import type { Grantee } from './principalMatch';

// The principals of the account with the policies that apply to each: a role's or user's inline and
// attached policies, plus, for a user, every policy of each group it belongs to (groups are not
// principals: they reach their users). Managed documents come from `iam.policies` by ARN; a missing one
// is "unknown", never "grants nothing".

export interface IdentityPrincipal {
  arn: string;
  name: string;
  kind: 'user' | 'role';
  tags?: Record<string, string>;
  set: PolicySet;
  grantee: Grantee;
}

export interface PrincipalIndex {
  /** Roles and users, sorted by ARN. */
  principals: IdentityPrincipal[];
  byArn: Map<string, IdentityPrincipal>;
  /** Missing documents, each with what it is attached to: `arn:… (attached to role a, group g)`. */
  unknownPolicies: string[];
  /** Statements that could not be read, in any identity policy or boundary. */
  problems: string[];
}

class ManagedPolicies {
  private readonly byArn: Map<string, ManagedPolicy>;
  private readonly parsed = new Map<string, ParsedPolicy>();
  readonly missing = new Map<string, string[]>();
  readonly problems: string[] = [];

  constructor(policies: ManagedPolicy[]) {
    this.byArn = new Map(policies.map((p) => [p.arn, p]));
  }

  /** The parsed document, or undefined (noted as missing, with `holder`) when the snapshot lacks it. */
  get(ref: AttachedPolicyRef | string, holder: string): ParsedPolicy | undefined {
    const arn = typeof ref === 'string' ? ref : ref.arn;
    const mp = this.byArn.get(arn);
    if (!mp?.document) {
      const holders = this.missing.get(arn) ?? [];
      if (!holders.includes(holder)) holders.push(holder);
      this.missing.set(arn, holders);
      return undefined;
    }
    let p = this.parsed.get(arn);
    if (!p) {
      p = parsePolicy(mp.document, `${mp.awsManaged ? 'AWS managed' : 'managed'} policy ${mp.name}`, 'identity');
      this.problems.push(...p.problems);
      this.parsed.set(arn, p);
    }
    return p;
  }
}

interface Holder {
  inlinePolicies: InlinePolicy[];
  attachedPolicies: AttachedPolicyRef[];
}

function policiesOf(h: Holder, label: string, managed: ManagedPolicies, problems: string[], through?: string): { refs: PolicyRef[]; unknown: string[] } {
  const refs: PolicyRef[] = [];
  const unknown: string[] = [];
  for (const ip of h.inlinePolicies) {
    const p = parsePolicy(ip.document, `inline policy ${ip.name} of ${label}`, 'identity');
    problems.push(...p.problems);
    refs.push({ policy: p, through });
  }
  for (const ap of h.attachedPolicies) {
    const p = managed.get(ap, label);
    if (p) refs.push({ policy: p, through });
    else unknown.push(ap.arn);
  }
  return { refs, unknown };
}

function accountOf(arn: string, fallback: string): string {
  return /^arn:[^:]+:iam::(\d{12}):/.exec(arn)?.[1] ?? fallback;
}

/** Builds every role's and user's policy set. Pure; documents are parsed once each. */
export function buildPrincipals(iam: IamInventory, accountId: string): PrincipalIndex {
  const managed = new ManagedPolicies(iam.policies);
  const problems: string[] = [];
  const groups = new Map(iam.groups.map((g) => [g.name, g]));
  const groupPolicies = new Map<string, { refs: PolicyRef[]; unknown: string[] }>();
  const missingGroups = new Map<string, string[]>();
  const principals: IdentityPrincipal[] = [];

  const boundaryOf = (arn: string | undefined, label: string): PolicySet['boundary'] => {
    if (!arn) return undefined;
    return managed.get(arn, `${label} as permissions boundary`) ?? { missing: arn };
  };
  const add = (kind: 'user' | 'role', p: { arn: string; name: string; tags?: Record<string, string>; permissionsBoundary?: string }, own: { refs: PolicyRef[]; unknown: string[] }): void => {
    const label = `${kind} ${p.name}`;
    const set: PolicySet = { identity: own.refs, boundary: boundaryOf(p.permissionsBoundary, label), unknownPolicies: own.unknown };
    principals.push({ arn: p.arn, name: p.name, kind, tags: p.tags, set, grantee: { principal: p.arn, kind, account: accountOf(p.arn, accountId) } });
  };

  for (const role of iam.roles) add('role', role, policiesOf(role, `role ${role.name}`, managed, problems));
  for (const user of iam.users) {
    const own = policiesOf(user, `user ${user.name}`, managed, problems);
    for (const name of [...new Set(user.groups)].sort()) {
      const group = groups.get(name);
      if (!group) {
        own.unknown.push(`group ${name}`);
        missingGroups.set(name, [...(missingGroups.get(name) ?? []), user.name]);
        continue;
      }
      let gp = groupPolicies.get(name);
      if (!gp) groupPolicies.set(name, (gp = policiesOf(group, `group ${name}`, managed, problems, `group ${name}`)));
      own.refs.push(...gp.refs);
      own.unknown.push(...gp.unknown);
    }
    add('user', user, own);
  }
  principals.sort((a, b) => (a.arn < b.arn ? -1 : a.arn > b.arn ? 1 : 0));
  const unknownPolicies = [
    ...[...managed.missing].map(([arn, holders]) => `${arn} (attached to ${holders.sort().join(', ')})`),
    ...[...missingGroups].map(([name, members]) => `group ${name} (not in the snapshot; members: ${members.sort().join(', ')})`),
  ].sort();
  return { principals, byArn: new Map(principals.map((p) => [p.arn, p])), unknownPolicies, problems: [...problems, ...managed.problems] };
}
