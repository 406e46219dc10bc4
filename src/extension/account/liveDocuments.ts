import * as vscode from 'vscode';
import { liveDocumentName } from '../../core/audit/liveFindings';
import { buildLiveTemplate } from '../../core/audit/liveTemplate';
import type { LiveFunction } from '../../core/inventory/accountModel';
import type { Finding } from '../../core/model/finding';
import type { SourceRange } from '../../core/model/sourceRange';
import { toRange } from '../util/range';
import type { AccountSession } from './accountSession';

export const LIVE_SCHEME = 'lambda-guard-live';

export function liveUri(fn: Pick<LiveFunction, 'region' | 'name'>): vscode.Uri {
  return vscode.Uri.from({ scheme: LIVE_SCHEME, path: `/${liveDocumentName(fn)}` });
}

const SEVERITY: Record<string, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

/**
 * Read-only documents with each deployed function's live configuration (role policies, permissions,
 * URL) as a CloudFormation-shaped JSON, with the live findings as diagnostics on their lines.
 */
export class LiveDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.emitter.event;
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('lambda-guard-live');
  private readonly subs: vscode.Disposable[];

  constructor(private readonly session: AccountSession) {
    this.subs = [vscode.workspace.registerTextDocumentContentProvider(LIVE_SCHEME, this), session.onDidChange(() => this.update())];
  }

  private fnFor(uri: vscode.Uri): LiveFunction | undefined {
    return this.session.current.functions.find((f) => `/${liveDocumentName(f)}` === uri.path);
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    const fn = this.fnFor(uri);
    const snapshot = this.session.current.snapshot;
    if (!fn || !snapshot) return '// This function is not in the open account any more. Open it again from the Functions view.\n';
    return buildLiveTemplate(fn, snapshot).text;
  }

  private update(): void {
    const v = this.session.current;
    if (v.state === 'loading') return;
    this.diagnostics.clear();
    const byDoc = new Map<string, Finding[]>();
    for (const f of v.audit?.findings ?? []) if (f.live) byDoc.set(f.live.document, [...(byDoc.get(f.live.document) ?? []), f]);
    for (const [doc, findings] of byDoc) {
      const uri = vscode.Uri.from({ scheme: LIVE_SCHEME, path: `/${doc}` });
      this.diagnostics.set(uri, findings.filter((f) => !f.suppressed).map((f) => {
        const d = new vscode.Diagnostic(toRange(f.live!), f.message, SEVERITY[f.severity]);
        d.source = 'Lambda Guard (live)';
        d.code = f.ruleId;
        return d;
      }));
    }
    for (const doc of vscode.workspace.textDocuments) if (doc.uri.scheme === LIVE_SCHEME) this.emitter.fire(doc.uri);
  }

  /** Opens a function's live document and selects a range in it (a policy, a finding). */
  async show(fn: LiveFunction, range?: SourceRange): Promise<vscode.TextEditor> {
    const doc = await vscode.workspace.openTextDocument(liveUri(fn));
    const editor = await vscode.window.showTextDocument(doc, { preview: true });
    if (range) {
      const r = toRange(range);
      editor.selection = new vscode.Selection(r.start, r.end);
      editor.revealRange(r, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }
    return editor;
  }

  dispose(): void {
    for (const s of this.subs) s.dispose();
    this.diagnostics.dispose();
    this.emitter.dispose();
  }
}
