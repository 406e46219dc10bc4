import type { Finding } from '../model/finding';
import type { RuleMeta } from '../model/rule';
import { mdEscape } from './markdownText';

/**
 * Hover text for a finding: what the rule flags, why this finding matters and how to fix it (the
 * finding's own advice when it has some, else the rule's). `docLink` is a link target the host can open
 * (the extension passes a command that shows the rule page shipped with it).
 */
export function findingHover(f: Finding, meta: RuleMeta | undefined, docLink?: string): string {
  const head = `**Lambda Guard ${f.ruleId}**${meta ? ` · ${mdEscape(meta.title)}` : ''} (${f.severity})`;
  const parts = [head];
  if (f.resource) parts.push(`Resource: \`${f.resource.replace(/`/g, "'")}\``);
  const why = f.advice?.why ?? meta?.description;
  const fix = f.advice?.fix ?? meta?.fixHint;
  if (why) parts.push(`**Why it matters:** ${why}`);
  if (fix) parts.push(`**Fix:** ${fix}`);
  if (docLink) parts.push(`[Rule documentation](${docLink})`);
  if (f.suppressed && f.suppression) parts.push(`_Suppressed (${f.suppression.kind}): ${mdEscape(f.suppression.reason)}_`);
  return parts.join('\n\n');
}
