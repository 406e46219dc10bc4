import type { GranteeKind } from './accessModel';
import type { ParsedStatement, PrincipalEntry } from './policyParse';

// The Principal element of resource policies: what each entry names, and whether an entry (or a whole
// statement, for a Deny) covers a given grantee.

export interface Grantee {
  /** An IAM ARN (user, role, role session, account root), a service or federated principal, or `*`. */
  principal: string;
  kind: GranteeKind;
  /** The 12-digit account, for AWS principals. */
  account?: string;
  /** For a role session (`arn:aws:sts::1:assumed-role/R/s`): the role's name, which a role ARN entry covers. */
  roleName?: string;
}

const ACCOUNT = /^\d{12}$/;
const IAM_ARN = /^arn:([^:]+):(iam|sts)::(\d{12}):(.*)$/;

/** What a Principal entry names. Account ids become `arn:<partition>:iam::<id>:root`, as IAM stores them. */
export function classifyPrincipal(e: PrincipalEntry, partition: string): Grantee {
  const v = e.value;
  if (e.type === '*' || (e.type === 'AWS' && /^\*+$/.test(v))) return { principal: '*', kind: 'public' };
  if (e.type === 'Service') return { principal: v, kind: 'service' };
  if (e.type === 'Federated') return { principal: v, kind: 'federated' };
  if (e.type === 'CanonicalUser') return { principal: `CanonicalUser:${v}`, kind: 'account' };
  if (ACCOUNT.test(v)) return { principal: `arn:${partition}:iam::${v}:root`, kind: 'account', account: v };
  const m = IAM_ARN.exec(v);
  if (m) {
    const [, , service, account, rest] = m;
    if (service === 'iam' && rest === 'root') return { principal: v, kind: 'account', account };
    if (service === 'iam' && rest.startsWith('role/')) return { principal: v, kind: 'role', account };
    if (service === 'iam' && rest.startsWith('user/')) return { principal: v, kind: 'user', account };
    if (service === 'sts' && rest.startsWith('assumed-role/')) return { principal: v, kind: 'role', account, roleName: rest.split('/')[1] };
    if (service === 'sts' && rest.startsWith('federated-user/')) return { principal: v, kind: 'federated', account };
    return { principal: v, kind: 'account', account };
  }
  // A principal that was deleted shows as its unique id: AROA… for a role, AIDA… for a user.
  if (/^AROA[A-Z0-9]+$/.test(v)) return { principal: v, kind: 'role' };
  if (/^AIDA[A-Z0-9]+$/.test(v)) return { principal: v, kind: 'user' };
  return { principal: v, kind: 'account' };
}

function lastPathPart(arn: string): string {
  return arn.slice(arn.lastIndexOf('/') + 1);
}

/** Whether one entry names the grantee: `*` everyone, an account all of its identities, a role its sessions. */
export function entryCovers(e: PrincipalEntry, g: Grantee, partition: string): boolean {
  const named = classifyPrincipal(e, partition);
  if (named.kind === 'public') return true;
  if (g.kind === 'public') return false;
  if (named.kind === 'service' || named.kind === 'federated') return g.kind === named.kind && g.principal.toLowerCase() === named.principal.toLowerCase();
  if (named.principal === g.principal) return true;
  if (named.principal.endsWith(':root') && named.account !== undefined) return g.account === named.account && g.kind !== 'service';
  return g.roleName !== undefined && named.kind === 'role' && named.account === g.account && !named.principal.includes(':assumed-role/') && lastPathPart(named.principal) === g.roleName;
}

/**
 * Whom a resource-policy statement's Principal / NotPrincipal covers among grantees: `all` (it applies to
 * the grantee), `none`, or `some` when the grantee is "anyone" and the statement excludes some principals
 * (a NotPrincipal Deny leaves the listed ones out).
 */
export function statementCovers(st: ParsedStatement, g: Grantee, partition: string): 'all' | 'none' | 'some' {
  if (st.principals) return st.principals.some((e) => entryCovers(e, g, partition)) ? 'all' : 'none';
  const excluded = st.notPrincipals ?? [];
  if (g.kind === 'public') return excluded.some((e) => classifyPrincipal(e, partition).kind === 'public') ? 'none' : 'some';
  return excluded.some((e) => entryCovers(e, g, partition)) ? 'none' : 'all';
}
