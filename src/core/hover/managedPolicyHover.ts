import { managedPolicyDataset } from '../iam/managedPolicyData';
import { correctedRef, judgeManagedRef } from '../iam/managedPolicyRef';
import type { TemplateModel } from '../model/templateModel';
import { mdEscape } from './markdownText';

const MAX_STATEMENTS = 6;
const MAX_TEXT = 600;

function within(r: { startLine: number; startColumn: number; endLine: number; endColumn: number }, line: number, column: number): boolean {
  if (line < r.startLine || line > r.endLine) return false;
  return !(line === r.startLine && column < r.startColumn) && !(line === r.endLine && column > r.endColumn);
}

function clip(s: string): string {
  return s.length > MAX_TEXT ? `${s.slice(0, MAX_TEXT)} …` : s;
}

/**
 * Hover for a reference to an AWS managed policy at a position (1-based line and column): what the policy
 * grants, from the shipped dataset (its version named), or why the reference attaches nothing.
 */
export function managedPolicyHover(model: TemplateModel, line: number, column: number): string | undefined {
  const ref = model.managedPolicies.find((r) => within(r.arn.range, line, column));
  const dataset = ref ? managedPolicyDataset() : undefined;
  const v = ref && dataset ? judgeManagedRef(ref.arn.text, dataset) : undefined;
  if (!ref || !dataset || !v) return undefined;
  if (v.kind === 'misspelt') return `**No AWS managed policy at this ARN.** The policy is \`${mdEscape(correctedRef(v.written, v.policy))}\` (per ${dataset.source}).`;
  if (v.kind === 'deprecated') return `**${mdEscape(v.name)}** is deprecated by AWS and can no longer be attached${v.replacement ? `; its successor is \`${mdEscape(v.replacement.name)}\`` : ''}.`;
  if (v.kind === 'unknown') return `**${mdEscape(v.name)}** is not an AWS managed policy in ${dataset.source}${v.suggestion ? `; did you mean \`${mdEscape(v.suggestion.name)}\`?` : '.'}`;
  const p = v.policy;
  const raw = p.document.Statement;
  const statements = Array.isArray(raw) ? raw : raw ? [raw] : [];
  const lines = [`**AWS managed policy ${mdEscape(p.name)}** — version ${mdEscape(p.versionId)}, per ${dataset.source}`, '', `\`${mdEscape(p.arn)}\``, '', '```json'];
  for (const st of statements.slice(0, MAX_STATEMENTS)) lines.push(clip(JSON.stringify(st)));
  lines.push('```');
  if (statements.length > MAX_STATEMENTS) lines.push(`and ${statements.length - MAX_STATEMENTS} more statements`);
  return lines.join('\n');
}
