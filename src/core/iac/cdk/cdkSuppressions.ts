import type * as TS from 'typescript';
import type { SourceRange } from '../../model/sourceRange';
import type { Suppression } from '../../model/templateModel';
// Same skipping as commentsToSuppressions, so both pick the same covered line.
import { BLANK_OR_COMMENT, commentsToSuppressions, findSuppressionComments } from '../../suppress/commentSuppressions';
import { rangeOf } from './cdkContext';
import { tsRuntime } from './tsRuntime';

const ts = tsRuntime();


/**
 * `// lambda-guard-ignore LG007: reason` above a statement, construct or property (or trailing on
 * its line) covers the largest syntax node that starts on the covered line.
 */
export function cdkSuppressions(sf: TS.SourceFile, text: string): Suppression[] {
  const comments = findSuppressionComments(text);
  if (comments.length === 0) return [];
  const lines = text.split('\n');
  const wanted = new Set<number>();
  for (const c of comments) {
    let target = c.line;
    if (!c.trailing) {
      target = c.line + 1;
      while (target <= lines.length && BLANK_OR_COMMENT.test(lines[target - 1] ?? '')) target++;
    }
    wanted.add(target);
  }
  return commentsToSuppressions(comments, lines, nodeStarts(sf, wanted));
}

function nodeStarts(sf: TS.SourceFile, wanted: Set<number>): Map<number, SourceRange> {
  const out = new Map<number, SourceRange>();
  let min = Infinity;
  let max = -Infinity;
  for (const w of wanted) [min, max] = [Math.min(min, w), Math.max(max, w)];
  const visit = (n: TS.Node): void => {
    const r = rangeOf(sf, n);
    if (r.endLine < min || r.startLine > max) return;
    if (wanted.has(r.startLine) && n.kind !== ts.SyntaxKind.SyntaxList) {
      const cur = out.get(r.startLine);
      if (!cur || r.endLine > cur.endLine || (r.endLine === cur.endLine && r.endColumn > cur.endColumn)) out.set(r.startLine, r);
    }
    ts.forEachChild(n, visit);
  };
  ts.forEachChild(sf, visit);
  return out;
}
