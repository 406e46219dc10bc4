import type { Finding } from '../model/finding';
import { analyzeText, type AnalyzeOptions } from '../scan/analyzeText';
import { applyEdits, type Fix } from './fixTypes';

function same(a: Finding, b: Finding): boolean {
  return a.ruleId === b.ruleId && a.resource === b.resource && a.message === b.message;
}

/**
 * A fix is offered only when the fixed text still parses as a template (no new errors) and the
 * finding is gone — or, for a suppression, still there but suppressed.
 */
export function verifyFix(text: string, file: string, finding: Finding, fix: Fix, opts: AnalyzeOptions = {}, errorsBefore = 0): boolean {
  const r = analyzeText(applyEdits(text, fix.edits), file, opts);
  if (r.skipped || r.errors.length > errorsBefore) return false;
  const matches = r.findings.filter((x) => same(x, finding));
  if (fix.kind === 'suppress') return matches.length > 0 && matches.every((x) => x.suppressed);
  return matches.every((x) => x.suppressed);
}
