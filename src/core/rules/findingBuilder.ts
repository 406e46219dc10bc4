import type { Advice, FixData, RawFinding } from '../model/finding';
import type { ManagedPolicySource } from '../model/policy';
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
  /** Set when the finding comes from an AWS managed policy's document (see managedDocuments). */
  managed?: ManagedPolicySource;
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
  return collectDrafts(ruleId, mergeManaged(drafts));
}

function collectDrafts(ruleId: string, drafts: readonly FindingDraft[]): RawFinding[] {
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

const SEVERITY_ORDER = ['info', 'warning', 'error'];

/**
 * Drafts from one attachment of an AWS managed policy all sit on the attaching line: they become one
 * finding per rule that names the first problem, counts the others, and carries every offending statement
 * in its advice (hovers show it). Its fix is replacing the policy: a managed policy cannot be narrowed.
 */
function mergeManaged(drafts: readonly FindingDraft[]): FindingDraft[] {
  const groups = new Map<string, FindingDraft[]>();
  const out: FindingDraft[] = [];
  for (const d of drafts) {
    if (!d.managed) {
      out.push(d);
      continue;
    }
    const key = `${rangeKey(d.range)}|${d.resource ?? ''}|${d.managed.key}`;
    const g = groups.get(key);
    if (g) g.push(d);
    else groups.set(key, [d]);
  }
  for (const g of groups.values()) out.push(mergedDraft(g));
  return out;
}

function mergedDraft(g: FindingDraft[]): FindingDraft {
  const first = g[0];
  const m = first.managed!;
  const messages = [...new Set(g.map((d) => d.message))];
  const statements = [...new Set(g.map((d) => d.managed!.statement))];
  const severity = g.map((d) => d.severity).reduce((a, b) => (SEVERITY_ORDER.indexOf(b ?? 'warning') > SEVERITY_ORDER.indexOf(a ?? 'warning') ? b : a));
  const branches = new Set(g.map((d) => d.branch));
  const more = messages.length - 1;
  return {
    ...first,
    severity,
    branch: branches.size === 1 ? first.branch : undefined,
    message: more > 0 ? `${messages[0]} (+${more} more in this policy)` : messages[0],
    fix: { kind: 'replaceManagedPolicy', policy: m.name },
    advice: {
      why:
        `AWS managed policy ${m.name} (${m.versionId}, per ${m.dataset}) grants this in ${statements.length === 1 ? 'the statement' : 'the statements'} ${statements.join(' and ')}.` +
        (more > 0 ? ` Findings in this policy: ${messages.join('; ')}.` : '') +
        (first.advice?.why ? ` ${first.advice.why}` : ''),
      fix: `A managed policy cannot be narrowed: detach ${m.name} and grant what the function uses in an inline policy (or a SAM policy template) scoped to its resources.`,
    },
  };
}

/** `a, b, c (+4 more)`: keeps messages one line long. */
export function capList(items: readonly string[], max = 4): string {
  if (items.length <= max) return items.join(', ');
  return `${items.slice(0, max).join(', ')} (+${items.length - max} more)`;
}
