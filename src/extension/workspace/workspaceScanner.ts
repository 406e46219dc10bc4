import * as vscode from 'vscode';
import type { Finding, ScanError } from '../../core/model/finding';
import type { ScanResult } from '../../core/report/scanResult';
import { isScannedPath } from '../../core/scan/walkFiles';
import { pathSegments } from '../../core/scan/pathKey';
import type { Analyzer } from '../analysis/analyzer';
import { analyzeOptions, type LgSettings } from '../config/settings';
import type { FindingsStore } from '../findings/findingsStore';
import { log } from '../log';
import { pathInFolder } from './workspacePaths';

export interface ScanSummary {
  files: number;
  findings: number;
  errors: number;
  cancelled: boolean;
  ms: number;
}

/** After a `cdk synth` rewrote cdk.out, wait for the burst of writes to end before scanning again. */
const CDK_OUT_SETTLE_MS = 1000;

/**
 * Scans the workspace folders with the core scan the CLI runs (`scanPaths`: the same discovery, skip
 * list, size limit and cdk.out mapping), in a worker thread, with a cancellable progress notification,
 * so the Problems panel lists findings in files that are not open.
 */
export class WorkspaceScanner implements vscode.Disposable {
  private running: { promise: Promise<ScanSummary>; cts: vscode.CancellationTokenSource } | undefined;
  private readonly stateEmitter = new vscode.EventEmitter<boolean>();
  private cdkOutTimer: NodeJS.Timeout | undefined;
  /** Fires true when a scan starts and false when it ends. */
  readonly onDidChangeRunning = this.stateEmitter.event;

  constructor(
    private readonly store: FindingsStore,
    private readonly analyzer: Analyzer,
    private readonly settings: () => LgSettings,
    private readonly viaEditor: (uri: vscode.Uri) => Promise<boolean>,
  ) {}

  get isRunning(): boolean {
    return this.running !== undefined;
  }

  /** Starts a scan, or joins the one running. `notify` shows a cancellable notification. */
  scan(notify: boolean): Promise<ScanSummary> {
    if (this.running) return this.running.promise;
    const cts = new vscode.CancellationTokenSource();
    const location = notify ? vscode.ProgressLocation.Notification : vscode.ProgressLocation.Window;
    const promise = Promise.resolve(
      vscode.window.withProgress({ location, title: 'Lambda Guard: scanning workspace', cancellable: notify }, (progress, token) => {
        token.onCancellationRequested(() => cts.cancel());
        return this.run(progress, cts.token);
      }),
    ).finally(() => {
      this.running = undefined;
      cts.dispose();
      this.stateEmitter.fire(false);
    });
    this.running = { promise, cts };
    this.stateEmitter.fire(true);
    return promise;
  }

  cancel(): void {
    this.running?.cts.cancel();
  }

  /**
   * A file changed, appeared or was closed: analysed from its editor when open, else scanned from disk as a
   * folder scan would (a file the scan skips drops out). A change in cdk.out re-runs the whole scan, whose
   * cdk.out step maps the synthesised templates back to the TypeScript.
   */
  async scanFile(uri: vscode.Uri): Promise<void> {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const rel = pathInFolder(uri);
    if (!folder || rel === undefined) return;
    if (pathSegments(rel).includes('cdk.out')) {
      clearTimeout(this.cdkOutTimer);
      this.cdkOutTimer = setTimeout(() => void this.scan(false), CDK_OUT_SETTLE_MS);
      return;
    }
    if (!isScannedPath(rel)) {
      this.store.delete(uri);
      return;
    }
    if (await this.viaEditor(uri)) return;
    let result: ScanResult | undefined;
    try {
      result = await this.analyzer.scanFile(folder.uri.fsPath, rel, analyzeOptions(this.settings()));
    } catch (e) {
      log().error(`scan of ${rel}: ${(e as Error).stack ?? String(e)}`);
      result = { findings: [], errors: [{ file: rel, line: 1, message: (e as Error).message }], rules: [], filesScanned: 0, toolVersion: '' };
    }
    if (!result || (await this.viaEditor(uri))) return;
    const report = this.reportsOf(folder, result).get(uri.toString());
    this.store.set({ uri, file: labelOf(folder, rel), findings: report?.findings ?? [], errors: report?.errors ?? [] });
  }

  private async run(progress: vscode.Progress<{ message?: string; increment?: number }>, token: vscode.CancellationToken): Promise<ScanSummary> {
    const t0 = Date.now();
    const summary: ScanSummary = { files: 0, findings: 0, errors: 0, cancelled: false, ms: 0 };
    const abort = new AbortController();
    const sub = token.onCancellationRequested(() => abort.abort());
    const scanned = new Set<string>();
    try {
      for (const folder of vscode.workspace.workspaceFolders ?? []) {
        let last = 0;
        const onProgress = (done: number, total: number, file: string): void => {
          const pct = total ? (100 * done) / total : 100;
          progress.report({ increment: pct - last, message: `${folder.name}: ${done}/${total} ${file}` });
          last = pct;
        };
        const result = await this.analyzer.scanFolder(folder.uri.fsPath, analyzeOptions(this.settings()), onProgress, abort.signal);
        if (!result || token.isCancellationRequested) break;
        summary.files += result.filesScanned;
        for (const [key, r] of this.reportsOf(folder, result)) {
          scanned.add(key);
          // An open file belongs to its editor: its (perhaps unsaved) text and version own its findings.
          if (await this.viaEditor(r.uri)) continue;
          this.store.set(r);
        }
      }
    } finally {
      sub.dispose();
    }
    summary.cancelled = token.isCancellationRequested;
    if (!summary.cancelled) {
      // Files that vanished while nobody watched, or that no longer have findings, drop out.
      for (const r of this.store.all()) {
        if (!scanned.has(r.uri.toString()) && r.version === undefined) this.store.delete(r.uri);
      }
    }
    for (const r of this.store.all()) {
      summary.findings += r.findings.filter((f) => !f.suppressed).length;
      summary.errors += r.errors.length;
    }
    summary.ms = Date.now() - t0;
    return summary;
  }

  /** The scan's findings and errors per file of the folder, named as the Problems panel and reports name them. */
  private reportsOf(folder: vscode.WorkspaceFolder, result: ScanResult): Map<string, { uri: vscode.Uri; file: string; findings: Finding[]; errors: ScanError[] }> {
    const out = new Map<string, { uri: vscode.Uri; file: string; findings: Finding[]; errors: ScanError[] }>();
    const entry = (rel: string): { uri: vscode.Uri; file: string; findings: Finding[]; errors: ScanError[] } => {
      const uri = isAbsolute(rel) ? vscode.Uri.file(rel) : vscode.Uri.joinPath(folder.uri, ...pathSegments(rel));
      let e = out.get(uri.toString());
      if (!e) out.set(uri.toString(), (e = { uri, file: labelOf(folder, rel), findings: [], errors: [] }));
      return e;
    };
    for (const f of result.findings) if (f.location) entry(f.location.file).findings.push(relabel(folder, f));
    for (const e of result.errors) entry(e.file).errors.push({ ...e, file: labelOf(folder, e.file) });
    return out;
  }

  dispose(): void {
    clearTimeout(this.cdkOutTimer);
    this.cancel();
    this.stateEmitter.dispose();
  }
}

/** A folder-relative path as the workspace names it: prefixed by the folder's name in a multi-root workspace. */
function labelOf(folder: vscode.WorkspaceFolder, rel: string): string {
  return (vscode.workspace.workspaceFolders?.length ?? 0) > 1 && !isAbsolute(rel) ? `${folder.name}/${rel}` : rel;
}

/** The scan names files outside its folder by their absolute path. */
function isAbsolute(p: string): boolean {
  return /^([\\/]|[A-Za-z]:)/.test(p);
}

function relabel(folder: vscode.WorkspaceFolder, f: Finding): Finding {
  if ((vscode.workspace.workspaceFolders?.length ?? 0) < 2) return f;
  return {
    ...f,
    location: f.location && { ...f.location, file: labelOf(folder, f.location.file) },
    related: f.related?.map((r) => ({ ...r, location: { ...r.location, file: labelOf(folder, r.location.file) } })),
  };
}
