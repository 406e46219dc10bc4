import type { GrantCondition } from './accessModel';

// Conditions are kept as written, except for the few keys whose value the snapshot itself fixes (a
// function's tags, its URL auth type, the service a role is passed to). Those are evaluated; a condition
// that is met is kept for display (`satisfied`), one that cannot be met makes the statement not apply.
// Everything else stays `unresolved` and makes the grant conditional: nothing is assumed away.

/** The value of a condition key (name lower-cased) in the request: a string, `null` when the key is known
 * to be absent, `undefined` when the snapshot cannot tell. */
export type KnownContext = (keyLower: string) => string | null | undefined;

export const NOTHING_KNOWN: KnownContext = () => undefined;

export interface ConditionOutcome {
  unresolved: GrantCondition[];
  satisfied: GrantCondition[];
}

const EMPTY: ConditionOutcome = Object.freeze({ unresolved: [], satisfied: [] }) as ConditionOutcome;

type Base = 'StringEquals' | 'StringNotEquals' | 'StringEqualsIgnoreCase' | 'StringNotEqualsIgnoreCase' | 'StringLike' | 'StringNotLike' | 'Null';
const BASES: ReadonlySet<string> = new Set(['StringEquals', 'StringNotEquals', 'StringEqualsIgnoreCase', 'StringNotEqualsIgnoreCase', 'StringLike', 'StringNotLike', 'Null']);

function likeRegExp(pattern: string): RegExp {
  return new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\/]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 's');
}

function positiveMatch(base: Base, value: string, wanted: string): boolean {
  if (base.startsWith('StringLike') || base.startsWith('StringNotLike')) return likeRegExp(wanted).test(value);
  if (base.endsWith('IgnoreCase')) return value.toLowerCase() === wanted.toLowerCase();
  return value === wanted;
}

interface Operator {
  base?: Base;
  set?: 'any' | 'all';
  ifExists: boolean;
}

const MAX_CACHED = 5000;
const operators = new Map<string, Operator>();
const lowerKeys = new Map<string, string>();

/** `ForAnyValue:StringEqualsIfExists` → its parts; parsed once per operator text (this runs per request). */
function operator(text: string): Operator {
  let o = operators.get(text);
  if (!o) {
    let op = text;
    let set: Operator['set'];
    if (op.startsWith('ForAnyValue:')) [set, op] = ['any', op.slice('ForAnyValue:'.length)];
    else if (op.startsWith('ForAllValues:')) [set, op] = ['all', op.slice('ForAllValues:'.length)];
    const ifExists = op.endsWith('IfExists');
    if (ifExists) op = op.slice(0, -'IfExists'.length);
    o = { base: BASES.has(op) ? (op as Base) : undefined, set, ifExists };
    if (operators.size >= MAX_CACHED) operators.clear();
    operators.set(text, o);
  }
  return o;
}

/** `text.toLowerCase()`, kept for texts seen before (condition keys, action names): this runs per request. */
export function lowerCased(text: string): string {
  let k = lowerKeys.get(text);
  if (k === undefined) {
    if (lowerKeys.size >= MAX_CACHED) lowerKeys.clear();
    lowerKeys.set(text, (k = text.toLowerCase()));
  }
  return k;
}

/** true / false when the key's value is known and the operator is one evaluated here, else undefined. */
function decide(c: GrantCondition, known: KnownContext): boolean | undefined {
  const { base, set, ifExists } = operator(c.operator);
  if (base === undefined || c.values.some((v) => v.includes('${'))) return undefined;
  const value = known(lowerCased(c.key));
  if (value === undefined) return undefined;
  if (base === 'Null') return c.values.some((v) => (v.toLowerCase() === 'true') === (value === null));
  const negated = base.includes('Not');
  if (value === null) {
    // Absent key: IfExists and ForAllValues (empty set) hold, ForAnyValue fails, negated operators hold.
    if (ifExists || set === 'all') return true;
    if (set === 'any') return false;
    return negated;
  }
  const hit = c.values.some((w) => positiveMatch(base, value, w));
  return negated ? !hit : hit;
}

/** Sorts a statement's conditions by what is known; undefined when one of them cannot be met. */
export function evaluateConditions(conditions: GrantCondition[], known: KnownContext): ConditionOutcome | undefined {
  if (conditions.length === 0) return EMPTY;
  const out: ConditionOutcome = { unresolved: [], satisfied: [] };
  for (const c of conditions) {
    const d = decide(c, known);
    if (d === false) return undefined;
    (d === true ? out.satisfied : out.unresolved).push(c);
  }
  return out;
}

/**
 * Known context from a resource's tags: `aws:ResourceTag/<key>`, and `<service>:ResourceTag/<key>` when the
 * service has its own key (IAM: `iam:ResourceTag/team`). Tag keys match case-insensitively, as in IAM.
 * Undefined tags mean "not collected": the keys then stay unknown.
 */
export function tagContext(tags: Record<string, string> | undefined, ownPrefix?: string, base: KnownContext = NOTHING_KNOWN): KnownContext {
  const lower = new Map(Object.entries(tags ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  const prefixes = ownPrefix ? ['aws:resourcetag/', `${ownPrefix}:resourcetag/`] : ['aws:resourcetag/'];
  return (key) => {
    const p = prefixes.find((x) => key.startsWith(x));
    if (p === undefined) return base(key);
    return tags === undefined ? undefined : (lower.get(key.slice(p.length)) ?? null);
  };
}

/** Adds fixed values (`iam:passedtoservice` → `lambda.amazonaws.com`) to a context. */
export function withValues(values: Record<string, string | null>, base: KnownContext = NOTHING_KNOWN): KnownContext {
  return (key) => (Object.hasOwn(values, key) ? values[key] : base(key));
}
