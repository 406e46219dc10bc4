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

const encoder = new TextEncoder();

/**
 * Each deployed function's live configuration (role policies, permissions, URL) as a CloudFormation-shaped
 * JSON document, served by a read-only file system (the editor says so and refuses edits), with the live
 * findings as diagnostics on their lines.
 */
export class LiveDocuments implements vscode.FileSystemProvider, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.emitter.event;
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('lambda-guard-live');
  private readonly subs: vscode.Disposable[];
  private readonly opened = new Set<string>();
  private loadedAt = Date.now();

  constructor(private readonly session: AccountSession) {
    this.subs = [vscode.workspace.registerFileSystemProvider(LIVE_SCHEME, this, { isReadonly: true, isCaseSensitive: true }), session.onDidChange(() => this.update())];
  }

  private fnFor(uri: vscode.Uri): LiveFunction | undefined {
    return this.session.current.functions.find((f) => `/${liveDocumentName(f)}` === uri.path);
  }

  private text(uri: vscode.Uri): string {
    const fn = this.fnFor(uri);
    const snapshot = this.session.current.snapshot;
    if (!fn || !snapshot) throw vscode.FileSystemError.FileNotFound(uri);
    return buildLiveTemplate(fn, snapshot).text;
  }

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  stat(uri: vscode.Uri): vscode.FileStat {
    const size = encoder.encode(this.text(uri)).length;
    return { type: vscode.FileType.File, ctime: this.loadedAt, mtime: this.loadedAt, size, permissions: vscode.FilePermission.Readonly };
  }

  readFile(uri: vscode.Uri): Uint8Array {
    this.opened.add(uri.toString());
    return encoder.encode(this.text(uri));
  }

  readDirectory(): [string, vscode.FileType][] {
    return [];
  }

  createDirectory(uri: vscode.Uri): never {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  writeFile(uri: vscode.Uri): never {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  delete(uri: vscode.Uri): never {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  rename(uri: vscode.Uri): never {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  private update(): void {
    const v = this.session.current;
    if (v.state === 'loading') return;
    this.loadedAt = Date.now();
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
    // Documents already open show the new account's configuration.
    this.emitter.fire([...this.opened].map((u) => ({ type: vscode.FileChangeType.Changed, uri: vscode.Uri.parse(u) })));
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
