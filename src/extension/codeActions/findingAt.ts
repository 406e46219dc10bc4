import * as vscode from 'vscode';
import type { Finding } from '../../core/model/finding';
import type { FileReport } from '../findings/findingsStore';
import { ruleIdOf } from '../diagnostics/toDiagnostic';
import { toRange } from '../util/range';

/** The finding behind a Lambda Guard diagnostic (same rule, range and message). */
export function findingForDiagnostic(report: FileReport | undefined, d: vscode.Diagnostic): Finding | undefined {
  const id = ruleIdOf(d);
  if (!id || !report) return undefined;
  return report.findings.find((f) => f.ruleId === id && f.location && f.message === d.message && toRange(f.location).isEqual(d.range));
}

/** Live findings whose range holds the position. */
export function findingsAt(report: FileReport | undefined, pos: vscode.Position): Finding[] {
  if (!report) return [];
  return report.findings.filter((f) => !f.suppressed && f.location && toRange(f.location).contains(pos));
}
