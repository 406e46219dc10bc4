// Helpers for the YAML/JSON snippet tests: run the whole pipeline (parse → model → rules) on a small
// template and find the 1-based line of a marker text, so tests assert lines without counting by hand.
import type { Finding } from '../../../src/core/model/finding';
import { analyzeText } from '../../../src/core/scan/analyzeText';

export function scan(text: string, file = 'template.yaml'): Finding[] {
  const r = analyzeText(text, file);
  if (r.errors.length > 0) throw new Error(`unexpected errors: ${JSON.stringify(r.errors)}`);
  return r.findings;
}

/** Findings of one rule, as `line` numbers (unsuppressed only unless `all`). */
export function ruleLines(findings: readonly Finding[], ruleId: string, all = false): number[] {
  return findings.filter((f) => f.ruleId === ruleId && (all || !f.suppressed)).map((f) => f.location!.startLine);
}

/** The line of the `nth` (0-based) occurrence of `needle` in `text`. */
export function lineOf(text: string, needle: string, nth = 0): number {
  const lines = text.split('\n');
  let seen = 0;
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].includes(needle)) {
      if (seen === nth) return i + 1;
      seen++;
    }
  }
  throw new Error(`marker not found: ${needle}`);
}
