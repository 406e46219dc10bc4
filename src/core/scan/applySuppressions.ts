import type { Finding } from '../model/finding';
import type { SourceRange } from '../model/sourceRange';
import type { Suppression } from '../model/templateModel';

function contains(outer: SourceRange, line: number, col: number): boolean {
  if (line < outer.startLine || line > outer.endLine) return false;
  if (line === outer.startLine && col < outer.startColumn) return false;
  if (line === outer.endLine && col > outer.endColumn) return false;
  return true;
}

function matchesRule(s: Suppression, ruleId: string): boolean {
  return s.ruleId === ruleId || s.ruleId === 'ALL';
}

/** Marks findings covered by a comment or a resource's Metadata; they stay in the output. */
export function applySuppressions(findings: Finding[], suppressions: Suppression[]): void {
  if (suppressions.length === 0) return;
  for (const f of findings) {
    const hit = suppressions.find((s) => {
      if (!matchesRule(s, f.ruleId)) return false;
      if (s.kind === 'metadata') return !!f.resource && s.owner === f.resource;
      return !!s.appliesTo && !!f.location && contains(s.appliesTo, f.location.startLine, f.location.startColumn);
    });
    if (hit) {
      f.suppressed = true;
      f.suppression = { kind: hit.kind, reason: hit.reason };
    }
  }
}
