import { escapeMarkdown, oneLine } from '../report/escape';
import type { SnapshotComparison } from './compareSnapshots';

/** The comparison as plain lines, for the terminal and (with `markdown`) as a Markdown document. */
export function comparisonText(c: SnapshotComparison, markdown = false): string {
  const h = (s: string): string => (markdown ? `## ${s}` : `${s}:`);
  const li = (s: string): string => (markdown ? `- ${escapeMarkdown(s)}` : `  - ${oneLine(s)}`);
  const out: string[] = [];
  out.push(markdown ? '# Lambda Guard: what changed' : 'What changed');
  out.push('');
  const text = (s: string): string => (markdown ? escapeMarkdown(s) : oneLine(s));
  out.push(text(`Before: ${c.before.source}, collected ${c.before.collectedAt}`));
  if (markdown) out.push('');
  out.push(text(`After: ${c.after.source}, collected ${c.after.collectedAt}`));
  out.push('');
  const section = (title: string, items: string[]): void => {
    if (!items.length) return;
    out.push(h(title), '', ...items.map(li), '');
  };
  section('New functions', c.functionsAdded);
  section('Removed functions', c.functionsRemoved);
  for (const f of c.changed) {
    const items: string[] = [];
    if (f.codeChanged) items.push(`code changed (${f.codeChanged.from ?? '?'} → ${f.codeChanged.to ?? '?'})`);
    if (f.roleChanged) items.push(`execution role changed: ${f.roleChanged.from} → ${f.roleChanged.to}`);
    items.push(...f.permissionsAdded.map((p) => `permission added: ${p}`));
    items.push(...f.permissionsRemoved.map((p) => `permission removed: ${p}`));
    if (f.urlChanged) items.push(`function URL: ${f.urlChanged.from ?? 'none'} → ${f.urlChanged.to ?? 'none'}`);
    items.push(...f.rolePoliciesAdded.map((p) => `role policy added: ${p}`));
    items.push(...f.rolePoliciesRemoved.map((p) => `role policy removed: ${p}`));
    items.push(...f.rolePoliciesChanged.map((p) => `role policy changed: ${p}`));
    section(`Changed: ${markdown ? escapeMarkdown(`${f.region}/${f.name}`) : oneLine(`${f.region}/${f.name}`)}`, items);
  }
  section('New findings', c.newFindings.map((f) => `${f.ruleId} ${f.severity} ${f.target?.functionName ?? ''}: ${f.message}`));
  section('Resolved findings', c.resolvedFindings.map((f) => `${f.ruleId} ${f.target?.functionName ?? ''}: ${f.message}`));
  if (!c.functionsAdded.length && !c.functionsRemoved.length && !c.changed.length && !c.newFindings.length && !c.resolvedFindings.length) out.push('Nothing changed.', '');
  return out.join('\n');
}
