import type { Condition, Statement } from '../model/policy';
import { hasHole, type Str } from '../model/value';

// "Restricting conditions": condition keys that narrow who may use a grant (the calling resource, the
// account, the organisation) or to which service a role may be passed. A rule that finds one clears or
// lowers its finding, because flagging a restricted grant is the false positive peer users complain about.

/** Keys that pin the calling resource or its account (the confused-deputy guard). */
export const SOURCE_KEYS: readonly string[] = ['aws:SourceArn', 'aws:SourceAccount', 'aws:SourceOwner', 'aws:SourceOrgID', 'aws:SourceOrgPaths'];

/** Keys that pin the calling principal to an organisation or account. */
export const PRINCIPAL_SCOPE_KEYS: readonly string[] = ['aws:PrincipalOrgID', 'aws:PrincipalOrgPaths', 'aws:PrincipalAccount', 'aws:PrincipalArn'];

/** Keys that make a `*` principal non-public: the source, the principal's organisation or a network boundary. */
export const PUBLIC_ACCESS_KEYS: readonly string[] = [
  ...SOURCE_KEYS, ...PRINCIPAL_SCOPE_KEYS, 'aws:SourceVpc', 'aws:SourceVpce', 'aws:SourceIp',
  // KMS key policies pin the caller's account this way (AWS's documented "via service" statements).
  'kms:CallerAccount',
];

/** Keys that make an assume-role trust on another account or `*` deliberate: the third-party ExternalId or an org / account pin. */
export const TRUST_KEYS: readonly string[] = ['sts:ExternalId', ...PRINCIPAL_SCOPE_KEYS, 'aws:SourceAccount', 'aws:SourceArn'];

export interface RestrictOptions {
  /**
   * `…IfExists` operators pass when the key is absent, so they restrict only keys the request always
   * carries (e.g. `iam:PassedToService` on PassRole).
   */
  ifExistsRestricts?: boolean;
}

/** True when the condition test can only pass for specific values of its key. */
function isRestricting(c: Condition, opts: RestrictOptions = {}): boolean {
  let op = c.operator.trim();
  // ForAllValues passes vacuously when the key is missing; ForAnyValue needs a match.
  if (/^ForAllValues:/i.test(op)) return false;
  op = op.replace(/^ForAnyValue:/i, '');
  if (/IfExists$/i.test(op)) {
    if (!opts.ifExistsRestricts) return false;
    op = op.replace(/IfExists$/i, '');
  }
  // Negated tests and Null checks let every other value through.
  if (/^(StringNot|ArnNot|NotIpAddress|Null$)/i.test(op) || /NotEquals$/i.test(op)) return false;
  return c.values.some((v) => hasHole(v) || !/^\*+$/.test(v.text.trim()));
}

/**
 * The first restricting condition on one of `keys` (case-insensitive), or — when the Condition block
 * could not be read because an intrinsic hides it — the marker `'unreadable Condition'`: an unknown
 * condition may restrict, and unknown is never reported as a hole in the policy.
 */
export function findRestriction(st: Statement, keys: readonly string[], opts: RestrictOptions = {}): string | undefined {
  const wanted = new Set(keys.filter((k) => !k.endsWith('*')).map((k) => k.toLowerCase()));
  // `kms:EncryptionContext:*` stands for every key with that prefix.
  const prefixes = keys.filter((k) => k.endsWith('*')).map((k) => k.slice(0, -1).toLowerCase());
  for (const c of st.conditions) {
    const key = c.key.trim().toLowerCase();
    if ((wanted.has(key) || prefixes.some((p) => key.startsWith(p))) && isRestricting(c, opts)) return c.key;
  }
  return st.conditionUnknown ? 'unreadable Condition' : undefined;
}

/** The values of a condition key under a positive operator, for tests like `lambda:FunctionUrlAuthType = AWS_IAM`. */
export function conditionValues(st: Statement, key: string): Str[] {
  const k = key.toLowerCase();
  return st.conditions.filter((c) => c.key.trim().toLowerCase() === k && isRestricting(c)).flatMap((c) => c.values);
}

/** A permission property that restricts: present, not empty and not `*` (an unknown value counts as present). */
export function isSpecific(s: Str | undefined): boolean {
  if (!s) return false;
  if (hasHole(s)) return true;
  const t = s.text.trim();
  return t !== '' && !/^\*+$/.test(t);
}

const RESOURCE_SCOPE_KEY = /^([a-z0-9-]+:ResourceTag\/.+|aws:ResourceAccount|aws:ResourceOrgID|aws:ResourceOrgPaths)$/i;

/**
 * A condition that narrows which resources a wildcard `Resource` reaches (their tags, account or
 * organisation): findings about broad resources drop to info when one is present.
 */
export function resourceScopeCondition(st: Statement): string | undefined {
  const c = st.conditions.find((x) => RESOURCE_SCOPE_KEY.test(x.key.trim()) && isRestricting(x));
  return c ? c.key : st.conditionUnknown ? 'unreadable Condition' : undefined;
}
