// Scoring shared by the template and CDK acceptance sets: labelled expectations and negative controls
// matched against findings on their lines.
import type { Finding } from '../../src/core/model/finding';
import type { AnalyzeResult } from '../../src/core/scan/analyzeText';

export interface Expect { rule: string; line: number; resource?: string; severity?: string; suppressed?: boolean; why: string }
export interface ExpectNot { rule: string; line?: number; lines?: [number, number]; resource?: string; why: string }
export interface FileLabels { file: string; expect?: Expect[]; expectNot?: ExpectNot[]; error?: { lines: [number, number] }; skipped?: boolean }
export interface Score { tp: number; tpActive: number; misses: string[]; falsePositives: string[]; unlabelled: string[] }

export const where = (f: Finding): string => `${f.location?.file}:${f.location?.startLine} ${f.ruleId} ${f.resource ?? ''} ${f.severity}${f.suppressed ? ' (suppressed)' : ''}`;

function matches(e: Expect, f: Finding): boolean {
  return f.ruleId === e.rule && f.location?.startLine === e.line && (!e.resource || f.resource === e.resource) && f.suppressed === (e.suppressed ?? false) && (!e.severity || f.severity === e.severity);
}

function hitsControl(n: ExpectNot, f: Finding): boolean {
  const line = f.location?.startLine ?? -1;
  return (n.rule === '*' || f.ruleId === n.rule) && (!n.resource || f.resource === n.resource) && (n.line === undefined || line === n.line) && (!n.lines || (line >= n.lines[0] && line <= n.lines[1]));
}

/**
 * The rules that existed when these sets were labelled. A rule added later (LG015: an exposed function
 * without an alarm) was never part of their labels: its findings are neither hits nor false positives
 * here, and it is measured by its own tests and by the live acceptance account.
 */
export const LABELLED_RULES: ReadonlySet<string> = new Set(Array.from({ length: 14 }, (_, i) => `LG${String(i + 1).padStart(3, '0')}`));

export function score(labels: FileLabels[], results: Map<string, AnalyzeResult>): Score {
  const s: Score = { tp: 0, tpActive: 0, misses: [], falsePositives: [], unlabelled: [] };
  for (const fl of labels) {
    const findings = (results.get(fl.file)?.findings ?? []).filter((f) => LABELLED_RULES.has(f.ruleId));
    const matched = new Set<Finding>();
    for (const e of fl.expect ?? []) {
      const hit = findings.find((f) => !matched.has(f) && matches(e, f));
      if (hit) {
        matched.add(hit);
        s.tp++;
        if (!hit.suppressed) s.tpActive++;
      } else {
        const near = findings.filter((f) => f.ruleId === e.rule && !matched.has(f)).map((f) => `${f.location?.startLine}/${f.resource}/${f.severity}${f.suppressed ? '/suppressed' : ''}`);
        s.misses.push(`MISS ${e.rule} ${fl.file}:${e.line} ${e.resource ?? ''} — ${e.why}${near.length ? ` [same rule at ${near.join(', ')}]` : ''}`);
      }
    }
    for (const f of findings) {
      if (matched.has(f)) continue;
      const control = (fl.expectNot ?? []).find((n) => hitsControl(n, f));
      if (control) s.falsePositives.push(`FALSE ${where(f)} — label says: ${control.why}\n      ${f.message}`);
      else if (!f.suppressed) s.unlabelled.push(`unlabelled ${where(f)} — ${f.message}`);
    }
  }
  return s;
}
