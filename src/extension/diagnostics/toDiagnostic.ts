import * as vscode from 'vscode';
import type { Finding, ScanError } from '../../core/model/finding';
import { atLeast, type Severity } from '../../core/model/severity';
import { toRange } from '../util/range';

const DIAGNOSTIC_SOURCE = 'Lambda Guard';

/** The link a diagnostic's code opens: the rule page shipped with the extension. */
export type RuleDocLink = (ruleId: string) => vscode.Uri;

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

function rangeKey(f: Finding): string {
  const l = f.location!;
  return `${l.startLine}:${l.startColumn}-${l.endLine}:${l.endColumn}`;
}

/**
 * The findings of one file as diagnostics. Findings of several rules on the same range make one
 * diagnostic naming every rule (one squiggle per token; each rule stays separate in reports, SARIF and
 * suppressions): its code lists the rule ids, its severity is the worst, each rule has a line of the
 * message. Suppressed findings stay visible as dimmed hints that give the reason (hints are not problems:
 * the Problems panel does not list them).
 */
export function toDiagnostics(findings: readonly Finding[], uri: vscode.Uri, resolveFile: (file: string) => vscode.Uri, docLink: RuleDocLink): vscode.Diagnostic[] {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    if (f.suppressed || !f.location) continue;
    const key = rangeKey(f);
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  const out = [...groups.values()].map((g) => liveDiagnostic(g, uri, resolveFile, docLink));
  for (const f of findings) if (f.suppressed && f.location) out.push(suppressedDiagnostic(f, docLink, groups.has(rangeKey(f))));
  return out;
}

/** The diagnostic of the findings that share one range (see `toDiagnostics`). */
export function liveDiagnostic(group: readonly Finding[], uri: vscode.Uri, resolveFile: (file: string) => vscode.Uri, docLink: RuleDocLink): vscode.Diagnostic {
  const loc = group[0].location!;
  const ids = [...new Set(group.map((f) => f.ruleId))];
  const message = group.length === 1 ? group[0].message : group.map((f) => `${f.ruleId}: ${f.message}`).join('\n');
  const worst = group.map((f) => f.severity).reduce((a, b) => (atLeast(b, a) ? b : a));
  const d = new vscode.Diagnostic(toRange(loc), message, SEVERITY[worst]);
  d.source = DIAGNOSTIC_SOURCE;
  d.code = { value: ids.join(', '), target: docLink(ids[0]) };
  const related = group.flatMap((f) => f.related ?? []);
  if (related.length) {
    d.relatedInformation = related.map(
      (r) => new vscode.DiagnosticRelatedInformation(new vscode.Location(r.location.file === loc.file ? uri : resolveFile(r.location.file), toRange(r.location)), r.message),
    );
  }
  return d;
}

/** A suppressed finding: a hint with its reason, faded unless a live finding shares its range. */
function suppressedDiagnostic(f: Finding, docLink: RuleDocLink, sharesRange: boolean): vscode.Diagnostic {
  const reason = f.suppression?.reason.trim() || 'no reason given';
  const d = new vscode.Diagnostic(toRange(f.location!), `Suppressed (${reason}): ${f.message}`, vscode.DiagnosticSeverity.Hint);
  d.source = DIAGNOSTIC_SOURCE;
  d.code = { value: f.ruleId, target: docLink(f.ruleId) };
  if (!sharesRange) d.tags = [vscode.DiagnosticTag.Unnecessary];
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

/** The rule ids a Lambda Guard diagnostic names (several when rules share a token); empty for anyone else's. */
export function ruleIdsOf(d: vscode.Diagnostic): string[] {
  if (d.source !== DIAGNOSTIC_SOURCE) return [];
  const code = typeof d.code === 'object' ? d.code.value : d.code;
  return typeof code === 'string' ? code.split(/,\s*/).filter(Boolean) : [];
}
