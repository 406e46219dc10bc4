import { ALL_RULES } from '../core/rules/registry';
import { UsageError } from './usageError';

/**
 * The rule ids that do not run, from `--enable` (only these run) and `--disable` (these do not). An id that
 * names no rule is a usage error: a typo must not silently leave a rule on (or everything off).
 */
export function selectRules(enable: readonly string[] | undefined, disable: readonly string[] | undefined): string[] {
  const known = ALL_RULES.map((r) => r.meta.id);
  const check = (flag: string, ids: readonly string[]): string[] => {
    const upper = ids.map((id) => id.trim().toUpperCase());
    const unknown = upper.filter((id) => !known.includes(id));
    if (unknown.length) throw new UsageError(`${flag}: unknown rule ${unknown.join(', ')} (known: ${known.join(', ')}; see lambda-guard rules)`);
    return upper;
  };
  const off = new Set(check('--disable', disable ?? []));
  if (enable) {
    const on = new Set(check('--enable', enable));
    for (const id of known) if (!on.has(id)) off.add(id);
  }
  return [...off];
}
