import type { Finding } from '../model/finding';
import type { RuleMeta } from '../model/rule';
import { mdEscape } from './markdownText';

/** Hover text for a finding: what the rule flags, why it matters and the fix. */
export function findingHover(f: Finding, meta: RuleMeta | undefined): string {
  const head = `**Lambda Guard ${f.ruleId}**${meta ? ` · ${mdEscape(meta.title)}` : ''} (${f.severity})`;
  const parts = [head];
  if (f.resource) parts.push(`Resource: \`${f.resource.replace(/`/g, "'")}\``);
  if (meta) {
    parts.push(`**Why it matters:** ${meta.description}`);
    parts.push(`**Fix:** ${meta.fixHint}`);
    parts.push(`[Rule documentation](${meta.helpUri})`);
  }
  if (f.suppressed && f.suppression) parts.push(`_Suppressed (${f.suppression.kind}): ${mdEscape(f.suppression.reason)}_`);
  return parts.join('\n\n');
}
