import type { GrantCondition } from './accessModel';
import { actionMatcher, arnPattern, type ArnPattern, type Matcher } from './globMatch';

// Raw IAM JSON → statements ready to evaluate. IAM reads element names case-sensitively and rejects a
// policy that breaks its grammar, so a statement that breaks it here (`effect:`, no Action, a Principal
// in an identity policy …) grants and denies nothing; it is reported in `problems`, never thrown.

export type PolicyKind = 'identity' | 'resource';

export interface PrincipalEntry {
  type: 'AWS' | 'Service' | 'Federated' | 'CanonicalUser' | '*';
  value: string;
}

export interface ParsedStatement {
  /** `statement "Sid"`, or `statement 2` (1-based) when it has no Sid. */
  label: string;
  effect: 'Allow' | 'Deny';
  actions?: Matcher[];
  notActions?: Matcher[];
  resources?: ArnPattern[];
  notResources?: ArnPattern[];
  principals?: PrincipalEntry[];
  notPrincipals?: PrincipalEntry[];
  conditions: GrantCondition[];
}

export interface ParsedPolicy {
  /** For people: `inline policy deploy of role ci`, `managed policy Deployers`, `resource policy of function f`. */
  origin: string;
  statements: ParsedStatement[];
  problems: string[];
}

const ELEMENTS = ['Sid', 'Effect', 'Principal', 'NotPrincipal', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition'];
const PRINCIPAL_TYPES = ['AWS', 'Service', 'Federated', 'CanonicalUser'];

class Malformed extends Error {}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function strings(value: unknown, element: string): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
  throw new Malformed(`${element} must be a string or an array of strings`);
}

function conditionValue(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  throw new Malformed('a Condition value must be a string, a number or a boolean');
}

function readConditions(block: unknown): GrantCondition[] {
  if (!isObject(block)) throw new Malformed('Condition must be an object of operators');
  const out: GrantCondition[] = [];
  for (const [operator, tests] of Object.entries(block)) {
    if (!isObject(tests)) throw new Malformed(`Condition operator ${operator} must map keys to values`);
    for (const [key, raw] of Object.entries(tests)) {
      const values = Array.isArray(raw) ? raw.map(conditionValue) : [conditionValue(raw)];
      out.push({ operator, key, values });
    }
  }
  return out;
}

function readPrincipals(value: unknown, element: string): PrincipalEntry[] {
  if (value === '*') return [{ type: '*', value: '*' }];
  if (!isObject(value)) throw new Malformed(`${element} must be "*" or an object such as {"AWS": …}`);
  const out: PrincipalEntry[] = [];
  for (const [type, v] of Object.entries(value)) {
    if (!PRINCIPAL_TYPES.includes(type)) throw new Malformed(`${element} has an unknown type "${type}" (AWS, Service, Federated or CanonicalUser)`);
    for (const s of strings(v, `${element}.${type}`)) out.push({ type: type as PrincipalEntry['type'], value: s.trim() });
  }
  return out;
}

function exclusive(st: Record<string, unknown>, a: string, b: string, required: boolean): void {
  if (a in st && b in st) throw new Malformed(`has both ${a} and ${b}`);
  if (required && !(a in st) && !(b in st)) throw new Malformed(`has neither ${a} nor ${b}`);
}

function readStatement(st: unknown, label: string, kind: PolicyKind, variables: boolean): ParsedStatement {
  if (!isObject(st)) throw new Malformed('is not a JSON object');
  for (const key of Object.keys(st)) {
    if (ELEMENTS.includes(key)) continue;
    const meant = ELEMENTS.find((e) => e.toLowerCase() === key.toLowerCase());
    throw new Malformed(meant ? `has "${key}", not "${meant}": IAM element names are case-sensitive` : `has an unknown element "${key}"`);
  }
  if (st.Effect !== 'Allow' && st.Effect !== 'Deny') {
    throw new Malformed(st.Effect === undefined ? 'has no Effect' : `has Effect ${JSON.stringify(st.Effect)}, neither "Allow" nor "Deny"`);
  }
  exclusive(st, 'Action', 'NotAction', true);
  exclusive(st, 'Resource', 'NotResource', true);
  exclusive(st, 'Principal', 'NotPrincipal', kind === 'resource');
  if (kind === 'identity' && ('Principal' in st || 'NotPrincipal' in st)) throw new Malformed('has a Principal, which an identity policy cannot have');
  const arns = (el: string): ArnPattern[] => strings(st[el], el).map((r) => arnPattern(r, variables));
  return {
    label,
    effect: st.Effect,
    actions: 'Action' in st ? strings(st.Action, 'Action').map(actionMatcher) : undefined,
    notActions: 'NotAction' in st ? strings(st.NotAction, 'NotAction').map(actionMatcher) : undefined,
    resources: 'Resource' in st ? arns('Resource') : undefined,
    notResources: 'NotResource' in st ? arns('NotResource') : undefined,
    principals: 'Principal' in st ? readPrincipals(st.Principal, 'Principal') : undefined,
    notPrincipals: 'NotPrincipal' in st ? readPrincipals(st.NotPrincipal, 'NotPrincipal') : undefined,
    conditions: 'Condition' in st ? readConditions(st.Condition) : [],
  };
}

/** Parses one policy document. Never throws: what cannot be read is listed in `problems`. */
export function parsePolicy(doc: unknown, origin: string, kind: PolicyKind): ParsedPolicy {
  const policy: ParsedPolicy = { origin, statements: [], problems: [] };
  if (!isObject(doc)) {
    policy.problems.push(`${origin}: the document is not a JSON object`);
    return policy;
  }
  const raw = doc.Statement;
  if (raw === undefined) {
    policy.problems.push(`${origin}: the document has no Statement${'statement' in doc ? ' ("statement" is not "Statement": element names are case-sensitive)' : ''}`);
    return policy;
  }
  const list = Array.isArray(raw) ? raw : isObject(raw) ? [raw] : undefined;
  if (!list) {
    policy.problems.push(`${origin}: Statement must be an object or an array of objects`);
    return policy;
  }
  // Policy variables exist only in the 2012-10-17 language; older documents read `${…}` literally.
  const variables = doc.Version === '2012-10-17';
  list.forEach((st, i) => {
    const sid = isObject(st) && typeof st.Sid === 'string' && st.Sid !== '' ? st.Sid : undefined;
    const label = sid !== undefined ? `statement "${sid}"` : `statement ${i + 1}`;
    try {
      policy.statements.push(readStatement(st, label, kind, variables));
    } catch (e) {
      if (!(e instanceof Malformed)) throw e;
      policy.problems.push(`${origin}, ${label}: ${e.message}; it is ignored (IAM would reject it)`);
    }
  });
  return policy;
}
