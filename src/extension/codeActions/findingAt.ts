import * as vscode from 'vscode';
import type { Finding } from '../../core/model/finding';
import type { FileReport } from '../findings/findingsStore';
import { ruleIdsOf } from '../diagnostics/toDiagnostic';
import { toRange } from '../util/range';

/** The live findings behind a Lambda Guard diagnostic: those of the rules it names, on its range (one or more). */
export function findingsForDiagnostic(report: FileReport | undefined, d: vscode.Diagnostic): Finding[] {
  const ids = ruleIdsOf(d);
  if (!ids.length || !report || d.severity === vscode.DiagnosticSeverity.Hint) return [];
  return report.findings.filter((f) => !f.suppressed && ids.includes(f.ruleId) && f.location && toRange(f.location).isEqual(d.range));
}

/** Live findings whose range holds the position. */
export function findingsAt(report: FileReport | undefined, pos: vscode.Position): Finding[] {
  if (!report) return [];
  return report.findings.filter((f) => !f.suppressed && f.location && toRange(f.location).contains(pos));
}
