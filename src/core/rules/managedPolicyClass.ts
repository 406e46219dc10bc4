import type { ManagedPolicyDocument } from '../iam/managedPolicyData';
import type { Severity } from '../model/severity';

// LG009's classes of AWS managed policy, shared with the content rules: a policy LG009 reports is not
// judged statement by statement too (its finding already says the policy grants everything).

const ADMIN_BY_NAME: ReadonlyMap<string, string> = new Map([
  ['administratoraccess', 'full administrator access'],
  ['poweruseraccess', 'every action outside IAM and Organizations'],
  ['iamfullaccess', 'full control of IAM, hence of the account'],
]);

function list(v: unknown): unknown[] {
  return Array.isArray(v) ? v : v === undefined ? [] : [v];
}

/**
 * What an unconditional Allow on every resource grants when it makes the holder an administrator: every
 * action (`*`), every action of IAM (`iam:*`), or every action but a few (NotAction). Undefined otherwise.
 */
function administrativeContent(doc: ManagedPolicyDocument | undefined): string | undefined {
  for (const s of list(doc?.Statement)) {
    if (!s || typeof s !== 'object') continue;
    const st = s as Record<string, unknown>;
    if (st.Effect !== 'Allow' || st.Condition !== undefined || !list(st.Resource).includes('*')) continue;
    const actions = list(st.Action).map((a) => String(a).toLowerCase());
    if (actions.includes('*')) return 'every action on every resource';
    if (actions.includes('iam:*')) return 'full control of IAM, hence of the account';
    if (st.NotAction !== undefined) return `every action but ${list(st.NotAction).map(String).join(', ')} on every resource`;
  }
  return undefined;
}

/**
 * LG009's verdict on an AWS managed policy: administrative by name or by what its document grants (error),
 * or full access by its `*FullAccess` name (warning); undefined for the others, which the content rules judge.
 */
export function administrativeClass(name: string, doc?: ManagedPolicyDocument): { severity: Severity; why: string } | undefined {
  const admin = ADMIN_BY_NAME.get(name.toLowerCase()) ?? administrativeContent(doc);
  if (admin) return { severity: 'error', why: admin };
  if (/FullAccess$/i.test(name)) return { severity: 'warning', why: 'every action of the service on every resource' };
  return undefined;
}
