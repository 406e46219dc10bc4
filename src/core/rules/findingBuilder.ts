import type { Advice, FixData, RawFinding } from '../model/finding';
import type { Severity } from '../model/severity';
import type { SourceRange } from '../model/sourceRange';

/** A finding before its message gets the branch suffix; see `collectFindings`. */
export interface FindingDraft {
  message: string;
  range: SourceRange;
  resource?: string;
  severity?: Severity;
  branch?: string;
  related?: { message: string; range: SourceRange }[];
  fix?: FixData;
  advice?: Advice;
}

function rangeKey(r: SourceRange): string {
  return `${r.startLine}:${r.startColumn}-${r.endLine}:${r.endColumn}`;
}

/**
 * Turns drafts into findings for one rule. Statements split per `!If` branch share their source ranges,
 * so the same problem can be seen once per branch: such duplicates collapse into one finding, and the
 * branch is kept only when a single branch produced it (the message then ends with "when <branch>").
 */
export function collectFindings(ruleId: string, drafts: readonly FindingDraft[]): RawFinding[] {
  const byKey = new Map<string, { draft: FindingDraft; branches: Set<string | undefined> }>();
  for (const d of drafts) {
    // The resource is part of the key: a node shared by several resources (SAM Globals, a YAML alias)
    // is a finding for each of them, which each resource's Metadata may suppress on its own.
    const key = `${rangeKey(d.range)}|${d.resource ?? ''}|${d.message}`;
    const seen = byKey.get(key);
    if (seen) seen.branches.add(d.branch);
    else byKey.set(key, { draft: d, branches: new Set([d.branch]) });
  }
  const out: RawFinding[] = [];
  for (const { draft, branches } of byKey.values()) {
    const branch = branches.size === 1 ? draft.branch : undefined;
    const finding: RawFinding = {
      ruleId,
      message: branch ? `${draft.message} (when ${branch})` : draft.message,
      range: draft.range,
    };
    if (draft.resource !== undefined) finding.resource = draft.resource;
    if (draft.severity !== undefined) finding.severity = draft.severity;
    if (branch !== undefined) finding.branch = branch;
    if (draft.related && draft.related.length > 0) finding.related = draft.related;
    if (draft.fix !== undefined) finding.fix = draft.fix;
    if (draft.advice !== undefined) finding.advice = draft.advice;
    out.push(finding);
  }
  return out;
}

/** `a, b, c (+4 more)`: keeps messages one line long. */
export function capList(items: readonly string[], max = 4): string {
  if (items.length <= max) return items.join(', ');
  return `${items.slice(0, max).join(', ')} (+${items.length - max} more)`;
}
