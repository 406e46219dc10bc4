import * as vscode from 'vscode';
import type { TemplateModel } from '../../core/model/templateModel';
import type { AnalyzeResult } from '../../core/scan/analyzeText';
import type { AnalyzeJob, Analyzer } from '../analysis/analyzer';
import { analyzeOptions, type LgSettings } from '../config/settings';
import type { FileReport, FindingsStore } from '../findings/findingsStore';
import { isScannedPath } from '../../core/scan/walkFiles';
import { log } from '../log';
import { pathInFolder, relativeFile } from '../workspace/workspacePaths';

const LANGUAGES = new Set(['yaml', 'json', 'jsonc', 'typescript']);

/**
 * Analyses open documents: on open, as the user types (debounced) or on save, per the settings.
 * Each run gets a generation number; a result that comes back after a newer edit is dropped, and a
 * queued background run is replaced by the newer one (stale runs are cancelled).
 */
export class DocumentAnalyzer implements vscode.Disposable {
  private readonly subs: vscode.Disposable[] = [];
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly generation = new Map<string, number>();
  /** Documents with an analysis running, by the generation that runs. */
  private readonly running = new Map<string, number>();
  private readonly models = new Map<string, { version: number; model?: TemplateModel }>();
  private readonly analyzedEmitter = new vscode.EventEmitter<{ uri: vscode.Uri; ms: number }>();
  /** Fires after an open document's findings reached the store, with the analysis time. */
  readonly onDidAnalyze = this.analyzedEmitter.event;

  constructor(
    private readonly store: FindingsStore,
    private readonly analyzer: Analyzer,
    private readonly settings: () => LgSettings,
    private readonly onClosedFile: (uri: vscode.Uri) => void,
  ) {}

  start(): void {
    this.subs.push(
      vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d, 0)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length === 0 || this.settings().scanOn !== 'type') return;
        this.schedule(e.document, this.settings().typingDelay);
      }),
      vscode.workspace.onDidSaveTextDocument((d) => {
        if (this.settings().scanOn === 'save') this.schedule(d, 0);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => this.closed(d)),
    );
    for (const d of vscode.workspace.textDocuments) this.schedule(d, 0);
  }

  /** An open document is analysed when it may be a template or CDK source: opening a file names it, as a CLI argument does. */
  isCandidate(doc: vscode.TextDocument): boolean {
    if (doc.uri.scheme !== 'file' && doc.uri.scheme !== 'untitled') return false;
    return LANGUAGES.has(doc.languageId) || /\.template$/i.test(doc.uri.path);
  }

  /** The template model of the document's latest analysis (hovers use it). */
  modelFor(doc: vscode.TextDocument): TemplateModel | undefined {
    return this.models.get(doc.uri.toString())?.model;
  }

  schedule(doc: vscode.TextDocument, delayMs: number): void {
    if (!this.isCandidate(doc)) return;
    const key = doc.uri.toString();
    clearTimeout(this.timers.get(key));
    this.bump(key);
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        void this.analyzeNow(doc);
      }, delayMs),
    );
  }

  /** Analyses the document now; resolves `undefined` when a newer edit superseded this run. */
  async analyzeNow(doc: vscode.TextDocument): Promise<AnalyzeResult | undefined> {
    const key = doc.uri.toString();
    clearTimeout(this.timers.get(key));
    const gen = this.bump(key);
    this.running.set(key, gen);
    const version = doc.version;
    const t0 = performance.now();
    let result: AnalyzeResult | undefined;
    const file = relativeFile(doc.uri);
    try {
      result = await this.analyzer.analyze(this.job(doc, key, file, true));
    } catch (e) {
      logFailure(file, e);
      result = { findings: [], errors: [{ file, line: 1, message: (e as Error).message }], skipped: false };
    } finally {
      if (this.running.get(key) === gen) this.running.delete(key);
    }
    if (!result || this.generation.get(key) !== gen || doc.isClosed || doc.version !== version) return undefined;
    this.models.set(key, { version, model: result.model });
    this.store.set({ uri: doc.uri, file, findings: result.skipped ? [] : result.findings, errors: result.errors, version });
    this.analyzedEmitter.fire({ uri: doc.uri, ms: performance.now() - t0 });
    return result;
  }

  /**
   * The document's findings for its current text. Right after an edit (a quick fix or hover asked for
   * before the typing delay ran out) they are computed now but not published: publishing would change
   * the diagnostics, and VS Code cancels a code-action request when they change.
   */
  async current(doc: vscode.TextDocument): Promise<FileReport | undefined> {
    const key = doc.uri.toString();
    const r = this.store.get(doc.uri);
    if (r && (r.version === undefined || r.version === doc.version)) return r;
    if (!r && !this.timers.has(key) && !this.running.has(key)) return undefined;
    if (!this.isCandidate(doc)) return undefined;
    const version = doc.version;
    const file = relativeFile(doc.uri);
    try {
      // Its own queue key: it must not replace the scheduled run that will publish.
      const result = await this.analyzer.analyze(this.job(doc, `current:${key}`, file, false));
      if (!result || doc.isClosed || doc.version !== version) return undefined;
      return { uri: doc.uri, file, findings: result.skipped ? [] : result.findings, errors: result.errors, version };
    } catch (e) {
      logFailure(file, e);
      return undefined;
    }
  }

  /** An analysis of the document's current text; the editor path re-uses the parse of unchanged parts. */
  private job(doc: vscode.TextDocument, key: string, file: string, wantModel: boolean): AnalyzeJob {
    return {
      key,
      text: doc.getText(),
      file,
      absPath: doc.uri.scheme === 'file' ? doc.uri.fsPath : undefined,
      opts: { ...analyzeOptions(this.settings()), incremental: true },
      wantModel,
    };
  }

  private bump(key: string): number {
    const g = (this.generation.get(key) ?? 0) + 1;
    this.generation.set(key, g);
    return g;
  }

  private closed(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.bump(key);
    this.models.delete(key);
    // The Problems panel keeps showing saved files a workspace scan reads; anything else goes away.
    const rel = doc.uri.scheme === 'file' ? pathInFolder(doc.uri) : undefined;
    if (rel !== undefined && isScannedPath(rel)) this.onClosedFile(doc.uri);
    else this.store.delete(doc.uri);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    for (const s of this.subs) s.dispose();
    this.analyzedEmitter.dispose();
  }
}

/** The log keeps the stack, the worker's own when the failure happened there. */
function logFailure(file: string, e: unknown): void {
  log().error(`analysis of ${file}: ${(e as Error).stack ?? String(e)}`);
}
