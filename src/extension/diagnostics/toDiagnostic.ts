import * as vscode from 'vscode';
import type { Finding, ScanError } from '../../core/model/finding';
import { helpUri } from '../../core/model/rule';
import type { Severity } from '../../core/model/severity';
import { toRange } from '../util/range';

export const DIAGNOSTIC_SOURCE = 'Lambda Guard';

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

/**
 * A finding as a diagnostic: `code` is the rule id linking to its docs page (code actions match on
 * it), related information points at the role, statement or function the finding comes from.
 * `resolveFile` maps a finding's workspace-relative file to its URI.
 */
export function toDiagnostic(f: Finding, uri: vscode.Uri, resolveFile: (file: string) => vscode.Uri): vscode.Diagnostic {
  const loc = f.location!;
  const d = new vscode.Diagnostic(toRange(loc), f.message, SEVERITY[f.severity]);
  d.source = DIAGNOSTIC_SOURCE;
  d.code = { value: f.ruleId, target: vscode.Uri.parse(helpUri(f.ruleId)) };
  if (f.related?.length) {
    d.relatedInformation = f.related.map(
      (r) =>
        new vscode.DiagnosticRelatedInformation(
          new vscode.Location(r.location.file === loc.file ? uri : resolveFile(r.location.file), toRange(r.location)),
          r.message,
        ),
    );
  }
  return d;
}

/** A file that could not be read or parsed, on its line. */
export function errorDiagnostic(e: ScanError): vscode.Diagnostic {
  const line = Math.max(0, (e.line ?? 1) - 1);
  const col = Math.max(0, (e.column ?? 1) - 1);
  const d = new vscode.Diagnostic(new vscode.Range(line, col, line, col + 1), `Not analysed: ${e.message}`, vscode.DiagnosticSeverity.Error);
  d.source = DIAGNOSTIC_SOURCE;
  return d;
}

/** The rule id of a Lambda Guard diagnostic, or undefined for anyone else's. */
export function ruleIdOf(d: vscode.Diagnostic): string | undefined {
  if (d.source !== DIAGNOSTIC_SOURCE) return undefined;
  const code = typeof d.code === 'object' ? d.code.value : d.code;
  return typeof code === 'string' ? code : undefined;
}
