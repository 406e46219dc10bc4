import type { GrantCondition } from './accessModel';

function conditionKey(c: GrantCondition): string {
  return `${c.key}\u0000${c.operator}\u0000${c.values.join('\u0000')}`;
}

/** Conditions without repeats, in a stable order (key, operator, values), so results are deterministic. */
export function conditionList(conditions: Iterable<GrantCondition>): GrantCondition[] {
  const seen = new Map<string, GrantCondition>();
  for (const c of conditions) {
    const k = conditionKey(c);
    if (!seen.has(k)) seen.set(k, { operator: c.operator, key: c.key, values: [...c.values] });
  }
  return [...seen.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, c]) => c);
}
