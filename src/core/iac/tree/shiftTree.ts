import type { SourceRange } from '../../model/sourceRange';
import type { TNode } from './tnode';

function shiftRange(r: SourceRange, lines: number): SourceRange {
  return { startLine: r.startLine + lines, startColumn: r.startColumn, endLine: r.endLine + lines, endColumn: r.endColumn };
}

/** A copy of the tree moved down by `lines` (a cached chunk re-used at a new position). */
export function shiftTree(n: TNode, lines: number): TNode {
  if (lines === 0) return n;
  switch (n.kind) {
    case 'scalar':
      return { ...n, range: shiftRange(n.range, lines) };
    case 'seq':
      return { kind: 'seq', items: n.items.map((i) => shiftTree(i, lines)), range: shiftRange(n.range, lines) };
    case 'fn':
      return { kind: 'fn', name: n.name, arg: shiftTree(n.arg, lines), range: shiftRange(n.range, lines) };
    case 'map':
      return {
        kind: 'map',
        entries: n.entries.map((e) => ({ key: e.key, keyRange: shiftRange(e.keyRange, lines), value: shiftTree(e.value, lines), range: shiftRange(e.range, lines) })),
        range: shiftRange(n.range, lines),
      };
  }
}
