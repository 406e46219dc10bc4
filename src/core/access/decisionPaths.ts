import type { GrantCondition } from './accessModel';
import type { ConditionOutcome } from './conditionEval';

// The ways to an Allow, and how they combine: identity ∩ boundary (`both`), identity ∪ resource policy
// (`either`). A path is open outright, open under conditions, or closed.

/** A statement that applies to the request, with what its conditions came to. */
export interface Hit {
  /** Position in the list it was matched from: part of the memo key. */
  index: number;
  via: string[];
  outcome: ConditionOutcome;
}

/** level 2: allowed outright; 1: allowed under conditions; 0: not allowed. */
export interface Path {
  level: 0 | 1 | 2;
  conditions: GrantCondition[];
  satisfied: GrantCondition[];
  via: string[];
}

export const CLOSED: Path = { level: 0, conditions: [], satisfied: [], via: [] };
export const OPEN: Path = { level: 2, conditions: [], satisfied: [], via: [] };

/** The Allow statements that hit: open if one has no unresolved condition, else open under all of theirs. */
export function allowPath(hits: Hit[]): Path {
  if (hits.length === 0) return CLOSED;
  let level: Path['level'] = 1;
  const conditions: GrantCondition[] = [];
  const satisfied: GrantCondition[] = [];
  const via: string[] = [];
  for (const h of hits) {
    via.push(...h.via);
    satisfied.push(...h.outcome.satisfied);
    if (h.outcome.unresolved.length === 0) level = 2;
    else conditions.push(...h.outcome.unresolved);
  }
  return { level, conditions: level === 1 ? conditions : [], satisfied, via };
}

export function both(a: Path, b: Path): Path {
  if (a.level === 0 || b.level === 0) return CLOSED;
  return { level: Math.min(a.level, b.level) as Path['level'], conditions: [...a.conditions, ...b.conditions], satisfied: [...a.satisfied, ...b.satisfied], via: [...a.via, ...b.via] };
}

export function either(a: Path, b: Path): Path {
  if (a.level === 0) return b;
  if (b.level === 0) return a;
  const level = Math.max(a.level, b.level) as Path['level'];
  const conditions = level === 2 ? [] : [...a.conditions, ...b.conditions];
  return { level, conditions, satisfied: [...a.satisfied, ...b.satisfied], via: [...a.via, ...b.via] };
}

function conditionText(c: GrantCondition): string {
  return `${c.operator} ${c.key}=${c.values.join('|')}`;
}

/** A compact key for a list of hits: equal keys mean an equal evaluation for the same policy set. */
export function hitsKey(hits: Hit[]): string {
  return hits
    .map((h) => {
      const { unresolved, satisfied } = h.outcome;
      if (unresolved.length === 0 && satisfied.length === 0) return String(h.index);
      return `${h.index}(${unresolved.map(conditionText).join(';')}|${satisfied.map(conditionText).join(';')})`;
    })
    .join(',');
}
