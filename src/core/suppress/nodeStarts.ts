import type { SourceRange } from '../model/sourceRange';
import type { TNode } from '../iac/tree/tnode';

/** For each line, the largest map entry or list item that starts on it: what a comment above it covers. */
export function nodeStartsByLine(root: TNode | undefined): Map<number, SourceRange> {
  const out = new Map<number, SourceRange>();
  const offer = (r: SourceRange): void => {
    const cur = out.get(r.startLine);
    if (!cur || r.endLine > cur.endLine || (r.endLine === cur.endLine && r.endColumn > cur.endColumn)) out.set(r.startLine, r);
  };
  const stack: TNode[] = root ? [root] : [];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.kind === 'map') {
      for (const e of n.entries) {
        offer(e.range);
        stack.push(e.value);
      }
    } else if (n.kind === 'seq') {
      for (const i of n.items) {
        offer(i.range);
        stack.push(i);
      }
    } else if (n.kind === 'fn') stack.push(n.arg);
  }
  return out;
}
