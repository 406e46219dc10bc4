import * as vscode from 'vscode';
import type { FunctionAccess } from '../../core/access/accessModel';
import { auditSnapshotAsync, type AuditResult } from '../../core/audit/auditAsync';
import type { SourceIndex } from '../../core/audit/sourceIndex';
import type { AccountSnapshot, CollectError, LiveFunction } from '../../core/inventory/accountModel';
import type { AccountSource, CollectOptions } from '../../core/inventory/accountSource';
import type { AnalyzeOptions } from '../../core/scan/analyzeOptions';
import { ALL_RULES } from '../../core/rules/registry';
import { log } from '../log';

export type SessionState = 'empty' | 'loading' | 'ready' | 'failed';

/** What the account views show: the open source, its snapshot (partial while loading) and the audit. */
export interface SessionView {
  state: SessionState;
  label?: string;
  /** Functions received so far, per region, while loading; then the snapshot's. */
  functions: LiveFunction[];
  snapshot?: AccountSnapshot;
  audit?: AuditResult;
  access?: ReadonlyMap<string, FunctionAccess>;
  errors: CollectError[];
  /** Set when the whole collection failed (no credentials, no network). */
  failure?: CollectError;
}

export interface SessionDeps {
  analyzeOptions: () => AnalyzeOptions;
  analyzeAccess: (s: AccountSnapshot) => ReadonlyMap<string, FunctionAccess>;
  sourceIndex: () => Promise<SourceIndex | undefined>;
  describeError: (e: unknown) => CollectError;
}

/**
 * The open account: one source at a time (AWS, a snapshot or the demo), collected with a cancellable
 * progress notification. Functions are shown as soon as their first page arrives; the audit (rules on
 * live policies, who can modify or invoke) follows when the collection ends.
 */
export class AccountSession implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.emitter.event;
  private view: SessionView = { state: 'empty', functions: [], errors: [] };
  private source?: AccountSource;
  private regions?: string[];
  private running?: vscode.CancellationTokenSource;

  constructor(private readonly deps: SessionDeps) {}

  get current(): SessionView {
    return this.view;
  }

  get currentSource(): AccountSource | undefined {
    return this.source;
  }

  /** Opens a source and audits it; resolves with the audit, or undefined when cancelled or failed. */
  async open(source: AccountSource, regions?: string[], refresh = false): Promise<AuditResult | undefined> {
    this.running?.cancel();
    const cts = new vscode.CancellationTokenSource();
    this.running = cts;
    this.source = source;
    this.regions = regions;
    this.set({ state: 'loading', label: source.label, functions: [], errors: [] });
    return vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Lambda Guard: auditing ${source.label}`, cancellable: true },
      async (progress, token) => {
        const abort = new AbortController();
        const stop = (): void => abort.abort();
        token.onCancellationRequested(stop);
        cts.token.onCancellationRequested(stop);
        try {
          const opts: CollectOptions = {
            regions,
            refresh,
            signal: abort.signal,
            onProgress: (p) => {
              if (cts.token.isCancellationRequested) return;
              if (p.kind === 'phase') progress.report({ message: p.message });
              // A page is reported when listed, then again with its details: the later copy replaces the earlier.
              if (p.kind === 'functions' && p.functions.length) this.set({ ...this.view, functions: mergeByArn(this.view.functions, p.functions) });
              if (p.kind === 'error') this.set({ ...this.view, errors: [...this.view.errors, p.error] });
            },
          };
          const snapshot = await source.collect(opts);
          if (abort.signal.aborted) return this.cancelled();
          progress.report({ message: `analysing ${snapshot.functions.length} functions` });
          const access = this.deps.analyzeAccess(snapshot);
          const audit = await auditSnapshotAsync(snapshot, ALL_RULES.map((r) => r.meta), { ...this.deps.analyzeOptions(), access, sourceIndex: await this.deps.sourceIndex(), signal: abort.signal });
          if (abort.signal.aborted) return this.cancelled();
          this.set({ state: 'ready', label: source.label, functions: snapshot.functions, snapshot, audit, access, errors: snapshot.errors });
          return audit;
        } catch (e) {
          if (abort.signal.aborted) return this.cancelled();
          const failure = this.deps.describeError(e);
          log().error(`audit of ${source.label} failed: ${failure.message}`);
          this.set({ ...this.view, state: 'failed', failure });
          void vscode.window.showErrorMessage(`Lambda Guard: ${failure.message}`);
          return undefined;
        } finally {
          if (this.running === cts) this.running = undefined;
          cts.dispose();
        }
      },
    );
  }

  /** Collects the open source again (new AWS calls, not cached answers). */
  refresh(): Promise<AuditResult | undefined> {
    return this.source ? this.open(this.source, this.regions, true) : Promise.resolve(undefined);
  }

  cancel(): void {
    this.running?.cancel();
  }

  private cancelled(): undefined {
    const failure = { service: 'lambda-guard', operation: 'collect', kind: 'cancelled' as const, message: 'Cancelled: the functions shown are the ones read before.' };
    this.set({ ...this.view, state: 'failed', failure });
    return undefined;
  }

  private set(v: SessionView): void {
    this.view = v;
    this.emitter.fire();
  }

  dispose(): void {
    this.running?.cancel();
    this.emitter.dispose();
  }
}

function mergeByArn(have: LiveFunction[], page: LiveFunction[]): LiveFunction[] {
  const incoming = new Map(page.map((f) => [f.arn, f]));
  const kept = have.filter((f) => !incoming.has(f.arn));
  return [...kept, ...page];
}
