import * as vscode from 'vscode';
import type { Finding, ScanError } from '../../core/model/finding';

/** What Lambda Guard knows about one file: the single source for diagnostics, tree, status bar and export. */
export interface FileReport {
  uri: vscode.Uri;
  /** Workspace-relative path (forward slashes), as reports print it. */
  file: string;
  findings: Finding[];
  errors: ScanError[];
  /** Version of the open document that was analysed; undefined when read from disk. */
  version?: number;
}

/** Per-file findings; fires `onDidChange` with the changed URIs (undefined: everything changed). */
export class FindingsStore implements vscode.Disposable {
  private readonly reports = new Map<string, FileReport>();
  private readonly emitter = new vscode.EventEmitter<vscode.Uri[] | undefined>();
  readonly onDidChange = this.emitter.event;

  set(report: FileReport): void {
    const key = report.uri.toString();
    const prev = this.reports.get(key);
    if (report.findings.length === 0 && report.errors.length === 0) {
      if (!prev) return;
      this.reports.delete(key);
    } else {
      this.reports.set(key, report);
    }
    this.emitter.fire([report.uri]);
  }

  delete(uri: vscode.Uri): void {
    if (this.reports.delete(uri.toString())) this.emitter.fire([uri]);
  }

  /** Drops every report whose URI is under `folder` (a deleted folder) . */
  deleteUnder(folder: vscode.Uri): void {
    const prefix = folder.toString().replace(/\/?$/, '/');
    const gone = [...this.reports.values()].filter((r) => r.uri.toString().startsWith(prefix)).map((r) => r.uri);
    for (const u of gone) this.reports.delete(u.toString());
    if (gone.length) this.emitter.fire(gone);
  }

  clear(): void {
    const all = [...this.reports.values()].map((r) => r.uri);
    this.reports.clear();
    this.emitter.fire(all);
  }

  get(uri: vscode.Uri): FileReport | undefined {
    return this.reports.get(uri.toString());
  }

  all(): FileReport[] {
    return [...this.reports.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  }

  /** Live (not suppressed) findings per severity, the files holding them, and the files that could not be analysed. */
  counts(): { error: number; warning: number; info: number; files: number; notAnalysed: number } {
    const c = { error: 0, warning: 0, info: 0, files: 0, notAnalysed: 0 };
    for (const r of this.reports.values()) {
      if (r.errors.length) c.notAnalysed++;
      let any = false;
      for (const f of r.findings) {
        if (f.suppressed) continue;
        c[f.severity]++;
        any = true;
      }
      if (any) c.files++;
    }
    return c;
  }

  dispose(): void {
    this.emitter.dispose();
  }
}
