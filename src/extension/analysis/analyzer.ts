import { Worker } from 'node:worker_threads';
import type { ScanResult } from '../../core/report/scanResult';
import type { AnalyzeResult } from '../../core/scan/analyzeText';
import type { ScanProgress } from './runJob';
import { fromWorkerError, type AnalyzeRequest, type FixesRequest, type JobResult, type ScanRequest, type WorkerJob, type WorkerRequest, type WorkerResponse } from './workerProtocol';

export type AnalyzeJob = Omit<AnalyzeRequest, 'type'> & {
  /** Jobs with the same key replace each other while queued: a newer edit cancels a stale run. */
  key?: string;
  /** Run in the worker thread even when the text is small (workspace scans). */
  background?: boolean;
};

interface Pending {
  req: WorkerRequest;
  key?: string;
  resolve: (r: unknown) => void;
  reject: (e: Error) => void;
}

/** Texts up to this size are analysed (and fixed) in the extension host directly: a worker round trip costs more. */
const IN_PROCESS_LIMIT = 256 * 1024;
/** A job that takes longer than this is abandoned (the worker is restarted) and rejected. */
const JOB_TIMEOUT_MS = 20_000;

/**
 * Runs the core's work for the editor: small files in process; big files, their quick fixes and single-file
 * scans in one worker thread, one job at a time; workspace scans in a worker of their own. A job resolves
 * `undefined` when a newer one with the same key superseded it, and rejects when anything fails — never
 * left pending.
 */
export class Analyzer {
  private worker: Worker | undefined;
  private workerBroken = false;
  private nextId = 1;
  private readonly queue: Pending[] = [];
  private inFlight: Pending | undefined;
  private timer: NodeJS.Timeout | undefined;
  private readonly scans = new Set<Worker>();

  constructor(private readonly workerScript: string | undefined) {}

  analyze(job: AnalyzeJob): Promise<AnalyzeResult | undefined> {
    const { key, background, ...rest } = job;
    return this.submit({ type: 'analyze', ...rest }, key, !background && rest.text.length <= IN_PROCESS_LIMIT) as Promise<AnalyzeResult | undefined>;
  }

  /** Quick fixes, narrowing or a suppression for one finding: verified by re-analysis, so big files go to the worker. */
  fixes<J extends FixesRequest>(job: J): Promise<JobResult<J>> {
    return this.submit(job, undefined, job.req.text.length <= IN_PROCESS_LIMIT) as Promise<JobResult<J>>;
  }

  /** The core scan of one file (relative to `cwd`), in the worker: a file changed on disk. */
  scanFile(cwd: string, rel: string, opts: ScanRequest['opts']): Promise<ScanResult | undefined> {
    return this.submit({ type: 'scan', paths: [rel], cwd, opts }, `file:${cwd}|${rel}`, false) as Promise<ScanResult | undefined>;
  }

  /**
   * The core scan of a folder in a worker of its own, so that a long scan never holds up the editor's
   * analyses. Aborting terminates the worker and resolves `undefined`.
   */
  scanFolder(cwd: string, opts: ScanRequest['opts'], onProgress: ScanProgress, signal: AbortSignal): Promise<ScanResult | undefined> {
    const req: WorkerRequest = { id: this.nextId++, type: 'scan', paths: ['.'], cwd, opts };
    if (signal.aborted) return Promise.resolve(undefined);
    if (!this.workerScript || this.workerBroken) return Promise.resolve(this.runHere(req, onProgress, signal)).then((r) => (signal.aborted ? undefined : (r as ScanResult)));
    return new Promise((resolve, reject) => {
      const w = new Worker(this.workerScript!);
      this.scans.add(w);
      const settle = (f: () => void): void => {
        signal.removeEventListener('abort', onAbort);
        this.scans.delete(w);
        void w.terminate();
        f();
      };
      const onAbort = (): void => settle(() => resolve(undefined));
      signal.addEventListener('abort', onAbort);
      w.on('message', (m: WorkerResponse) => {
        if ('progress' in m) onProgress(m.progress.done, m.progress.total, m.progress.file);
        else if ('error' in m) settle(() => reject(fromWorkerError(m.error)));
        else settle(() => resolve(m.result as ScanResult));
      });
      w.on('error', (e) => settle(() => reject(e)));
      // After a settle this is the termination itself, and the promise is already settled.
      w.on('exit', (code) => settle(() => reject(new Error(`the scan worker stopped (exit code ${code})`))));
      w.postMessage(req);
    });
  }

  /** Drops queued jobs (a cancelled workspace scan); the one running finishes and is ignored. */
  cancelQueued(filter: (key: string | undefined) => boolean): void {
    for (let i = this.queue.length - 1; i >= 0; i--) {
      if (filter(this.queue[i].key)) this.queue.splice(i, 1)[0].resolve(undefined);
    }
  }

  private submit(job: WorkerJob, key: string | undefined, inProcess: boolean): Promise<unknown> {
    const req = { ...job, id: this.nextId++ } as WorkerRequest;
    if (inProcess || !this.workerScript || this.workerBroken) return this.runHere(req);
    if (key !== undefined) this.cancelQueued((k) => k === key);
    return new Promise((resolve, reject) => {
      this.queue.push({ req, key, resolve, reject });
      this.pump();
    });
  }

  /** The job in this thread; whatever it throws becomes a rejection. */
  private runHere(req: WorkerRequest, onProgress?: ScanProgress, signal?: AbortSignal): Promise<unknown> {
    try {
      // Loaded on first use so that activation does not pay for the analyzer.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { runJob } = require('./runJob') as typeof import('./runJob');
      return Promise.resolve(runJob(req, onProgress, signal));
    } catch (e) {
      return Promise.reject(e instanceof Error ? e : new Error(String(e)));
    }
  }

  private pump(): void {
    while (!this.inFlight && this.queue.length > 0) {
      const job = this.queue.shift()!;
      const worker = this.ensureWorker();
      if (!worker) {
        this.runHere(job.req).then(job.resolve, job.reject);
        continue;
      }
      this.inFlight = job;
      this.timer = setTimeout(() => this.abandon(new Error(`analysis took longer than ${JOB_TIMEOUT_MS / 1000}s`)), JOB_TIMEOUT_MS);
      try {
        worker.postMessage(job.req);
      } catch (e) {
        this.finish();
        job.reject(e instanceof Error ? e : new Error(String(e)));
      }
    }
  }

  private ensureWorker(): Worker | undefined {
    if (this.worker) return this.worker;
    try {
      const w = new Worker(this.workerScript!);
      w.on('message', (res: WorkerResponse) => this.onResult(res));
      w.on('error', (e) => this.abandon(e));
      w.on('exit', (code) => {
        if (this.worker !== w) return;
        this.worker = undefined;
        // A worker that stops by itself (a crash, an exit in a dependency) fails the job it was running.
        if (this.inFlight) this.abandon(new Error(`the analysis worker stopped (exit code ${code})`));
      });
      w.unref();
      this.worker = w;
      return w;
    } catch {
      this.workerBroken = true;
      return undefined;
    }
  }

  private onResult(res: WorkerResponse): void {
    const job = this.inFlight;
    if (!job || job.req.id !== res.id || 'progress' in res) return;
    this.finish();
    if ('error' in res) job.reject(fromWorkerError(res.error));
    else job.resolve(res.result);
    this.pump();
  }

  private abandon(e: Error): void {
    const job = this.inFlight;
    this.finish();
    const w = this.worker;
    this.worker = undefined;
    void w?.terminate();
    job?.reject(e);
    this.pump();
  }

  private finish(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.inFlight = undefined;
  }

  dispose(): void {
    for (const p of this.queue.splice(0)) p.resolve(undefined);
    for (const w of this.scans) void w.terminate();
    this.scans.clear();
    this.abandon(new Error('Lambda Guard is shutting down'));
  }
}
