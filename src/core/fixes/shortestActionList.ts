import { expandActionPattern } from '../iam/actionPattern';

/** `GetObjectAcl` → `Get`, `GetObject`, `GetObjectAcl`: the prefixes that end where a CamelCase word ends. */
function wordPrefixes(name: string): string[] {
  const out: string[] = [];
  for (let i = 1; i < name.length; i++) if (/[A-Z]/.test(name[i])) out.push(name.slice(0, i));
  return out;
}

/**
 * The shortest list of `Action` entries that grants exactly the `chosen` actions (`service:Name`) and nothing
 * else: a word prefix becomes a wildcard (`s3:Get*`, `s3:GetObject*`) where every action of the service it
 * matches — in the catalogue, case-insensitively, as IAM matches — is chosen and it stands for two or more;
 * every other action is listed by name. Sorted, so the edit is stable.
 */
export function shortestActionList(chosen: readonly string[]): string[] {
  const byService = new Map<string, string[]>();
  for (const a of chosen) {
    const i = a.indexOf(':');
    const svc = a.slice(0, i);
    byService.set(svc, [...(byService.get(svc) ?? []), a.slice(i + 1)]);
  }
  const out: string[] = [];
  for (const [svc, names] of byService) {
    const wanted = new Set(names.map((n) => n.toLowerCase()));
    const all = expandActionPattern(`${svc}:*`).map((a) => a.name.toLowerCase());
    /** Every action of the service starting with the prefix is wanted, and there are at least two. */
    const pure = (prefix: string): boolean => {
      const p = prefix.toLowerCase();
      const hits = all.filter((n) => n.startsWith(p));
      return hits.length >= 2 && hits.every((n) => wanted.has(n));
    };
    const covered = new Set<string>();
    for (const name of [...names].sort()) {
      if (covered.has(name)) continue;
      // The shortest pure prefix is the widest wildcard that still grants only chosen actions.
      const prefix = wordPrefixes(name).find(pure);
      if (!prefix) {
        out.push(`${svc}:${name}`);
        covered.add(name);
        continue;
      }
      out.push(`${svc}:${prefix}*`);
      for (const n of names) if (n.toLowerCase().startsWith(prefix.toLowerCase())) covered.add(n);
    }
  }
  return [...new Set(out)].sort();
}
