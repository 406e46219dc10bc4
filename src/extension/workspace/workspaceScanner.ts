import { promises as fs } from 'node:fs';
import * as vscode from 'vscode';
import type { AnalyzeResult } from '../../core/scan/analyzeText';
import type { Analyzer } from '../analysis/analyzer';
import { analyzeOptions, excludeGlob, expandBraces, type LgSettings } from '../config/settings';
import type { FindingsStore } from '../findings/findingsStore';
import { relativeFile } from './workspacePaths';

export interface ScanSummary {
  files: number;
  findings: number;
  errors: number;
  cancelled: boolean;
  ms: number;
}

/** Files read in parallel while the worker analyses the previous ones. */
const READ_AHEAD = 4;

/**
 * Scans the workspace's templates in the background analysis worker, with a cancellable progress
 * notification, so the Problems panel lists findings in files that are not open.
 */
export class WorkspaceScanner implements vscode.Disposable {
  private running: { promise: Promise<ScanSummary>; cts: vscode.CancellationTokenSource } | undefined;
  private readonly stateEmitter = new vscode.EventEmitter<boolean>();
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

  /** Lists the workspace files the include/exclude settings select. */
  async listFiles(token?: vscode.CancellationToken): Promise<vscode.Uri[]> {
    const s = this.settings();
    const exclude = excludeGlob(s.exclude);
    const seen = new Map<string, vscode.Uri>();
    for (const inc of s.include.flatMap(expandBraces)) {
      for (const u of await vscode.workspace.findFiles(inc, exclude, undefined, token)) seen.set(u.toString(), u);
    }
    return [...seen.values()].sort((a, b) => (a.path < b.path ? -1 : 1));
  }

  /** Analyses one file (file watcher, closed editor): from disk, or from its editor when open. */
  async scanFile(uri: vscode.Uri): Promise<void> {
    if (await this.viaEditor(uri)) return;
    const r = await this.analyzeFile(uri, uri.toString());
    if (r) await this.storeFromDisk(uri, r);
  }

  /**
   * Stores a result read from disk, unless the file was opened while it was analysed: the editor's
   * text (perhaps unsaved) and version then own the file's findings, and it is analysed from there.
   */
  private async storeFromDisk(uri: vscode.Uri, r: AnalyzeResult): Promise<void> {
    if (await this.viaEditor(uri)) return;
    this.store.set({ uri, file: relativeFile(uri), findings: r.skipped ? [] : r.findings, errors: r.errors });
  }

  private async run(progress: vscode.Progress<{ message?: string; increment?: number }>, token: vscode.CancellationToken): Promise<ScanSummary> {
    const t0 = Date.now();
    const files = await this.listFiles(token);
    const summary: ScanSummary = { files: 0, findings: 0, errors: 0, cancelled: false, ms: 0 };
    const found = new Set(files.map((u) => u.toString()));
    let done = 0;
    let next = 0;
    const step = files.length ? 100 / files.length : 100;
    const worker = async (): Promise<void> => {
      while (next < files.length && !token.isCancellationRequested) {
        const uri = files[next++];
        if (await this.viaEditor(uri)) {
          done++;
          summary.files++;
          continue;
        }
        const r = await this.analyzeFile(uri, `scan:${uri.toString()}`);
        done++;
        progress.report({ increment: step, message: `${done}/${files.length} ${relativeFile(uri)}` });
        if (!r || token.isCancellationRequested) continue;
        if (!r.skipped) summary.files++;
        await this.storeFromDisk(uri, r);
      }
    };
    const cancelSub = token.onCancellationRequested(() => this.analyzer.cancelQueued((k) => k?.startsWith('scan:') ?? false));
    await Promise.all(Array.from({ length: READ_AHEAD }, worker));
    cancelSub.dispose();
    summary.cancelled = token.isCancellationRequested;
    if (!summary.cancelled) {
      // Files that vanished while nobody watched (or left the include settings) drop out.
      for (const r of this.store.all()) {
        if (!found.has(r.uri.toString()) && r.version === undefined) this.store.delete(r.uri);
      }
    }
    for (const r of this.store.all()) {
      summary.findings += r.findings.filter((f) => !f.suppressed).length;
      summary.errors += r.errors.length;
    }
    summary.ms = Date.now() - t0;
    return summary;
  }

  private async analyzeFile(uri: vscode.Uri, key: string): Promise<AnalyzeResult | undefined> {
    const s = this.settings();
    const file = relativeFile(uri);
    try {
      const st = await fs.stat(uri.fsPath);
      if (st.size > s.maxFileSizeKiB * 1024) {
        return { findings: [], errors: [{ file, line: 1, message: `file is larger than the ${s.maxFileSizeKiB} KiB limit (lambdaGuard.maxFileSize)` }], skipped: false };
      }
      const text = await fs.readFile(uri.fsPath, 'utf8');
      return await this.analyzer.analyze({ key, text, file, absPath: uri.fsPath, opts: analyzeOptions(s), wantModel: false, background: true });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') {
        this.store.delete(uri);
        return undefined;
      }
      return { findings: [], errors: [{ file, message: code ? `cannot read: ${code}` : (e as Error).message }], skipped: false };
    }
  }

  dispose(): void {
    this.cancel();
    this.stateEmitter.dispose();
  }
}
