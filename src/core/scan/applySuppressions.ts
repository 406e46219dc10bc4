import type { Finding } from '../model/finding';
import type { SourceRange } from '../model/sourceRange';
import type { Suppression } from '../model/templateModel';

/** Positions compare line first, then column. */
function before(line: number, col: number, l2: number, c2: number): boolean {
  return line < l2 || (line === l2 && col < c2);
}

/** A min-heap of suppression indexes (the earliest suppression wins, as a linear search would pick it). */
class IndexHeap {
  private readonly a: number[] = [];
  get size(): number {
    return this.a.length;
  }
  peek(): number {
    return this.a[0];
  }
  push(x: number): void {
    const a = this.a;
    a.push(x);
    for (let i = a.length - 1; i > 0; ) {
      const p = (i - 1) >> 1;
      if (a[p] <= a[i]) break;
      [a[p], a[i]] = [a[i], a[p]];
      i = p;
    }
  }
  pop(): void {
    const a = this.a;
    const last = a.pop()!;
    if (a.length === 0) return;
    a[0] = last;
    for (let i = 0; ; ) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < a.length && a[l] < a[m]) m = l;
      if (r < a.length && a[r] < a[m]) m = r;
      if (m === i) break;
      [a[m], a[i]] = [a[i], a[m]];
      i = m;
    }
  }
}

/**
 * Marks findings covered by a comment or a resource's Metadata; they stay in the output. When several
 * suppressions cover a finding the first one in the list wins. Linear-logarithmic: a file with 100,000
 * ignore comments and as many findings is a sweep over positions, not 10¹⁰ range tests.
 */
export function applySuppressions(findings: Finding[], suppressions: Suppression[]): void {
  if (suppressions.length === 0) return;
  const metadata = new Map<string, Map<string, number>>();
  const comments: number[] = [];
  suppressions.forEach((s, i) => {
    if (s.kind === 'metadata') {
      if (!s.owner) return;
      let byRule = metadata.get(s.owner);
      if (!byRule) metadata.set(s.owner, (byRule = new Map()));
      if (!byRule.has(s.ruleId)) byRule.set(s.ruleId, i);
    } else if (s.appliesTo) comments.push(i);
  });
  const hits = new Map<Finding, number>();
  for (const f of findings) {
    const byRule = f.resource ? metadata.get(f.resource) : undefined;
    const m = byRule ? Math.min(byRule.get(f.ruleId) ?? Infinity, byRule.get('ALL') ?? Infinity) : Infinity;
    if (m !== Infinity) hits.set(f, m);
  }
  sweepComments(findings, suppressions, comments, hits);
  for (const [f, i] of hits) {
    const hit = suppressions[i];
    f.suppressed = true;
    f.suppression = { kind: hit.kind, reason: hit.reason };
  }
}

/**
 * Findings in position order against comment ranges in start order: a range becomes active when the sweep
 * passes its start and is dropped (lazily, from the top of its rule's heap) once the sweep is past its end.
 */
function sweepComments(findings: Finding[], all: Suppression[], comments: number[], hits: Map<Finding, number>): void {
  if (comments.length === 0) return;
  const range = (i: number): SourceRange => all[i].appliesTo!;
  const starts = [...comments].sort((x, y) => range(x).startLine - range(y).startLine || range(x).startColumn - range(y).startColumn || x - y);
  const located = findings.filter((f) => f.location).sort((a, b) => a.location!.startLine - b.location!.startLine || a.location!.startColumn - b.location!.startColumn);
  const heaps = new Map<string, IndexHeap>();
  const heapOf = (rule: string): IndexHeap => {
    let h = heaps.get(rule);
    if (!h) heaps.set(rule, (h = new IndexHeap()));
    return h;
  };
  let next = 0;
  for (const f of located) {
    const { startLine: line, startColumn: col } = f.location!;
    while (next < starts.length && !before(line, col, range(starts[next]).startLine, range(starts[next]).startColumn)) {
      heapOf(all[starts[next]].ruleId).push(starts[next]);
      next++;
    }
    let best = hits.get(f) ?? Infinity;
    for (const rule of [f.ruleId, 'ALL']) {
      const h = heaps.get(rule);
      // Ranges that end before this finding end before every later one too: drop them for good.
      while (h && h.size && before(range(h.peek()).endLine, range(h.peek()).endColumn, line, col)) h.pop();
      if (h && h.size) best = Math.min(best, h.peek());
    }
    if (best !== Infinity) hits.set(f, best);
  }
}
