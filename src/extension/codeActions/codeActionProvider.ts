import * as vscode from 'vscode';
import { canNarrow } from '../../core/fixes/fixesFor';
import type { Fix } from '../../core/fixes/fixTypes';
import type { Finding } from '../../core/model/finding';
import type { Analyzer } from '../analysis/analyzer';
import { analyzeOptions, type LgSettings } from '../config/settings';
import type { FileReport } from '../findings/findingsStore';
import { liveDiagnostic } from '../diagnostics/toDiagnostic';
import { ruleDocLink } from '../ruleDocs';
import { toRange } from '../util/range';
import { fixEdit, selectCommand } from './applyFix';
import { findingsForDiagnostic } from './findingAt';
import { log } from '../log';

const CACHE_SIZE = 64;

/**
 * Quick fixes for Lambda Guard diagnostics: the rule's own fixes (computed and verified against a
 * re-analysis of the fixed text, in the analysis worker for big files), narrowing a wildcard to chosen
 * access levels, and suppressions. A diagnostic naming several rules offers the fixes of each.
 */
export class LgCodeActionProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };
  private readonly cache = new Map<string, Promise<Fix[]>>();

  constructor(
    /** The document's findings for its current text (see DocumentAnalyzer.current). */
    private readonly current: (doc: vscode.TextDocument) => Promise<FileReport | undefined>,
    private readonly settings: () => LgSettings,
    private readonly resolveFile: (file: string) => vscode.Uri,
    private readonly analyzer: Analyzer,
  ) {}

  async provideCodeActions(doc: vscode.TextDocument, range: vscode.Range, context: vscode.CodeActionContext, token: vscode.CancellationToken): Promise<vscode.CodeAction[]> {
    const report = await this.current(doc);
    // Findings of another version would put edits in the wrong place.
    if (!report || token.isCancellationRequested || (report.version !== undefined && report.version !== doc.version)) return [];
    const targets = this.targets(report, range, context);
    const fixes = await Promise.all(targets.map(([, f]) => this.safeFixes(doc, report.file, f, report.errors.length)));
    if (token.isCancellationRequested || doc.version !== (report.version ?? doc.version)) return [];
    const actions: vscode.CodeAction[] = [];
    const offered = new Set<string>();
    targets.forEach(([d, f], i) => {
      for (const fix of fixes[i]) {
        const a = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
        a.edit = fixEdit(doc, fix);
        a.diagnostics = [d];
        a.isPreferred = fix.preferred;
        a.command = selectCommand(doc, fix);
        actions.push(a);
      }
      if (canNarrow(f)) {
        const a = new vscode.CodeAction(`Narrow '${String(f.fix?.pattern)}' to chosen access levels…`, vscode.CodeActionKind.QuickFix);
        a.command = { title: a.title, command: 'lambdaGuard.narrowWildcard', arguments: [doc.uri, f] };
        a.diagnostics = [d];
        actions.push(a);
      }
      // Two findings of one rule on one token (one per resource of a shared node) need one comment, not two.
      for (const a of this.suppressions(doc, f, d)) {
        const key = `${d.range.start.line}:${d.range.start.character}|${a.title}`;
        if (!offered.has(key)) actions.push(a);
        offered.add(key);
      }
    });
    return actions;
  }

  /**
   * The findings to act on, with their diagnostics: those behind the context's diagnostics, or — when
   * these were published for an older version (the analysis just caught up) — the live findings
   * under the requested range, with the diagnostics about to be published.
   */
  private targets(report: FileReport, range: vscode.Range, context: vscode.CodeActionContext): [vscode.Diagnostic, Finding][] {
    const matched = context.diagnostics.flatMap((d) => findingsForDiagnostic(report, d).map((f): [vscode.Diagnostic, Finding] => [d, f]));
    if (matched.length) return matched;
    const under = report.findings.filter((f) => !f.suppressed && f.location && toRange(f.location).intersection(range) !== undefined);
    const byRange = new Map<string, Finding[]>();
    for (const f of under) {
      const key = toRange(f.location!).toString();
      byRange.set(key, [...(byRange.get(key) ?? []), f]);
    }
    return [...byRange.values()].flatMap((group) => {
      const d = liveDiagnostic(group, report.uri, this.resolveFile, ruleDocLink);
      return group.map((f): [vscode.Diagnostic, Finding] => [d, f]);
    });
  }

  /** A fix that fails to compute is logged and left out; the other actions (suppressions) stay offered. */
  private async safeFixes(doc: vscode.TextDocument, file: string, f: Finding, errorsBefore: number): Promise<Fix[]> {
    const l = f.location!;
    const key = `${doc.uri.toString()}@${doc.version}#${f.ruleId}:${l.startLine}:${l.startColumn}:${f.message}`;
    let fixes = this.cache.get(key);
    if (!fixes) {
      fixes = this.analyzer.fixes({ type: 'fixes', req: { text: doc.getText(), file, finding: f, opts: analyzeOptions(this.settings()), errorsBefore } });
      if (this.cache.size >= CACHE_SIZE) this.cache.delete(this.cache.keys().next().value!);
      this.cache.set(key, fixes);
    }
    try {
      return await fixes;
    } catch (e) {
      this.cache.delete(key);
      log().error(`quick fixes for ${f.ruleId} in ${file}: ${(e as Error).stack ?? String(e)}`);
      return [];
    }
  }

  private suppressions(doc: vscode.TextDocument, f: Finding, d: vscode.Diagnostic): vscode.CodeAction[] {
    const kinds: ['comment' | 'metadata', string][] = [];
    if (doc.languageId !== 'json' && doc.languageId !== 'jsonc') kinds.push(['comment', `Suppress ${f.ruleId} with a comment…`]);
    if (doc.languageId !== 'typescript' && f.resource) kinds.push(['metadata', `Suppress ${f.ruleId} in the Metadata of ${f.resource}…`]);
    return kinds.map(([kind, title]) => {
      const a = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
      a.command = { title, command: 'lambdaGuard.suppressFinding', arguments: [{ uri: doc.uri, finding: f }, kind] };
      a.diagnostics = [d];
      return a;
    });
  }
}
