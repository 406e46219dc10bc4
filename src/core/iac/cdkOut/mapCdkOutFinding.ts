import * as path from 'node:path';
import { pathKey, samePath } from '../../scan/pathKey';
import type { Finding } from '../../model/finding';
import { locateCdkResource, type CdkSources } from './locateCdkResource';
import type { CdkOutIndex } from './readCdkOut';

const same = (a: string, b: string): boolean => samePath(path.resolve(a), path.resolve(b));

/**
 * Moves a finding reported on a synthesised template (`cdk.out/<Stack>.template.json`, `resource` =
 * logical id) to the TypeScript line that created the resource. The template location is kept as
 * related information. `undefined` when the resource cannot be traced back (keep the template finding).
 */
export function mapCdkOutFinding(f: Finding, index: CdkOutIndex, sources: CdkSources): Finding | undefined {
  if (!f.location || !f.resource) return undefined;
  const template = index.templates.find((t) => same(t.templateFile, f.location!.file));
  const res = template?.resources.get(f.resource);
  if (!template || !res) return undefined;
  const origin = locateCdkResource(res, index, sources);
  if (!origin) return undefined;
  const related = [...(f.related ?? []), { message: `Synthesised as ${f.resource} in ${path.basename(template.templateFile)}`, location: f.location }];
  return { ...f, location: { file: origin.file, ...origin.range }, resource: origin.constructId ?? f.resource, related };
}

/** Quoted values and fix data: what tells two findings of one rule on one construct apart. */
function problemTokens(f: Finding): Set<string> {
  const out = new Set<string>();
  for (const m of f.message.matchAll(/'([^']+)'/g)) out.add(m[1]);
  if (f.fix) out.add(JSON.stringify(f.fix));
  return out;
}

/**
 * True when source analysis already reported this (mapped) cdk.out finding: same rule, same file, same
 * line or same construct, and the same problem (a shared quoted value or fix, or neither has any).
 */
export function isDuplicateOfSource(mapped: Finding, sourceFindings: readonly Finding[]): boolean {
  const loc = mapped.location;
  if (!loc) return false;
  const mine = problemTokens(mapped);
  return sourceFindings.some((s) => {
    if (s.ruleId !== mapped.ruleId || !s.location || !same(s.location.file, loc.file)) return false;
    if (s.location.startLine !== loc.startLine && (s.resource === undefined || s.resource !== mapped.resource)) return false;
    const theirs = problemTokens(s);
    if (mine.size === 0 && theirs.size === 0) return true;
    for (const t of mine) if (theirs.has(t)) return true;
    return false;
  });
}

/**
 * The whole item-4 step: template findings mapped to TypeScript (or left on the template when they
 * cannot be traced), minus those the source analysis already reported.
 */
export function mergeCdkOutFindings(sourceFindings: readonly Finding[], templateFindings: readonly Finding[], index: CdkOutIndex, sources: CdkSources): Finding[] {
  // Source findings by rule and file: each mapped finding is compared with its few peers, not with all.
  const byKey = new Map<string, Finding[]>();
  const keyOf = (ruleId: string, file: string): string => `${ruleId}\u0000${pathKey(path.resolve(file))}`;
  for (const s of sourceFindings) {
    if (!s.location) continue;
    const k = keyOf(s.ruleId, s.location.file);
    const list = byKey.get(k);
    if (list) list.push(s);
    else byKey.set(k, [s]);
  }
  const out: Finding[] = [];
  for (const f of templateFindings) {
    const mapped = mapCdkOutFinding(f, index, sources);
    if (!mapped) out.push(f);
    else if (!isDuplicateOfSource(mapped, byKey.get(keyOf(mapped.ruleId, mapped.location!.file)) ?? [])) out.push(mapped);
  }
  return out;
}
