import type { Principal, Statement } from '../model/policy';
import { display, hasHole, HOLE, type Str } from '../model/value';
import { globToRegExp } from '../iam/actionPattern';
import { knownText } from './statementUtil';

/** `Principal: '*'` or `{ AWS: '*' }`: anyone, including anonymous callers. */
export function isPublicPrincipal(p: Principal): boolean {
  if (p.type !== '*' && p.type !== 'AWS') return false;
  const t = knownText(p.value);
  return t !== undefined && /^\*+$/.test(t);
}

/** A literal Lambda permission principal of `*`. */
export function isPublicText(s: Str | undefined): boolean {
  const t = knownText(s);
  return t !== undefined && /^\*+$/.test(t);
}

/** An AWS service principal: `sns.amazonaws.com`, `s3.amazonaws.com.cn`, `alexa-appkit.amazon.com`. */
export function isServicePrincipal(text: string): boolean {
  return /^[a-z0-9][a-z0-9.-]*\.(amazonaws\.com(\.cn)?|amazon\.com)$/i.test(text.trim());
}

const SERVICE_WITH_HOLE = new RegExp(`^[a-z0-9][a-z0-9-]*\\.([a-z0-9.-]*${HOLE}[a-z0-9.-]*\\.)?(amazonaws\\.com(\\.cn)?|amazon\\.com)$`, 'i');

/**
 * A service principal whose service and domain are literal while a part is unknown
 * (`!Sub logs.${AWS::Region}.amazonaws.com`): its text for messages, the unknown part in words.
 */
export function servicePrincipalWithHole(s: Str | undefined): string | undefined {
  if (!s || !s.text.includes(HOLE)) return undefined;
  const text = s.text.trim();
  return SERVICE_WITH_HOLE.test(text) ? display({ ...s, text }) : undefined;
}

/**
 * The literal 12-digit account a principal names: `123456789012`, `arn:aws:iam::123456789012:root`,
 * a role or user ARN of that account. Undefined for `*`, services, and anything with a hole
 * (`${AWS::AccountId}` is the template's own account, unknown but never "another account").
 */
export function principalAccount(s: Str): string | undefined {
  if (hasHole(s)) return undefined;
  const t = s.text.trim();
  if (/^\d{12}$/.test(t)) return t;
  // An unquoted YAML account id such as `012345678901` is read as a number and loses its leading zeros;
  // a bare number in a principal can only be an account id, so restore them.
  if (/^\d{9,11}$/.test(t)) return t.padStart(12, '0');
  const m = /^arn:[^:]+:(?:iam|sts)::(\d{12}):/.exec(t);
  return m ? m[1] : undefined;
}

/** True when the statement's actions can include invoking a Lambda function (`lambda:Invoke*`, `lambda:*`, `*`). */
export function grantsLambdaInvoke(st: Statement): boolean {
  return (st.actions ?? []).some((a) => {
    const t = knownText(a);
    if (t === undefined) return false;
    const re = globToRegExp(t);
    return re.test('lambda:invokefunction') || re.test('lambda:invokefunctionurl');
  });
}
