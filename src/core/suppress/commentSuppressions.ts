import type { SourceRange } from '../model/sourceRange';
import type { Suppression } from '../model/templateModel';

/** `# lambda-guard-ignore LG007: reason`, `// lambda-guard-ignore LG001, LG002 reason`, or the same in a block comment. */
const COMMENT = /(?:#|\/\/|\/\*+)\s*lambda-guard-ignore\s+((?:LG\d{3}|all)(?:\s*[, ]\s*(?:LG\d{3}|all))*)\s*:?\s*(.*)$/i;

/** Lines a suppression comment looks past to find the code it covers. */
export const BLANK_OR_COMMENT = /^\s*(#.*|\/\/.*|\/\*.*\*\/\s*)?$/;

export interface CommentSuppression {
  ruleIds: string[];
  reason: string;
  /** The comment's own line. */
  line: number;
  /** True when the comment follows code on the same line (it then covers that line's node). */
  trailing: boolean;
  range: SourceRange;
}

/** Finds every suppression comment in the text, cheaply (one regex test per line holding the marker). */
export function findSuppressionComments(text: string): CommentSuppression[] {
  const out: CommentSuppression[] = [];
  if (!text.includes('lambda-guard-ignore')) return out;
  const lines = text.split('\n');
  lines.forEach((l, i) => {
    if (!l.includes('lambda-guard-ignore')) return;
    const m = COMMENT.exec(l);
    if (!m) return;
    const col = l.indexOf(m[0]);
    out.push({
      ruleIds: m[1].split(/[\s,]+/).filter(Boolean).map((s) => s.toUpperCase()),
      reason: m[2].replace(/\*+\/\s*$/, '').trim(),
      line: i + 1,
      trailing: l.slice(0, col).trim() !== '',
      range: { startLine: i + 1, startColumn: col + 1, endLine: i + 1, endColumn: l.length + 1 },
    });
  });
  return out;
}

/**
 * Turns comments into suppressions: each covers the largest node that starts on the next code line
 * (or on its own line for a trailing comment). `nodeStarts` maps a line to that node's range.
 */
export function commentsToSuppressions(comments: CommentSuppression[], lines: string[], nodeStarts: Map<number, SourceRange>): Suppression[] {
  const out: Suppression[] = [];
  for (const c of comments) {
    let target = c.line;
    if (!c.trailing) {
      target = c.line + 1;
      while (target <= lines.length && BLANK_OR_COMMENT.test(lines[target - 1] ?? '')) target++;
    }
    const appliesTo = nodeStarts.get(target) ?? { startLine: target, startColumn: 1, endLine: target, endColumn: (lines[target - 1]?.length ?? 0) + 1 };
    for (const ruleId of c.ruleIds) {
      out.push({ ruleId, reason: c.reason || 'no reason given', kind: 'comment', appliesTo, range: c.range });
    }
  }
  return out;
}
