import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { AnalyzeResult } from '../../core/scan/analyzeText';
import type { AnalyzeRequest, AnalyzeResponse } from './workerProtocol';

export type AnalyzeJob = Omit<AnalyzeRequest, 'id'> & {
  /** Jobs with the same key replace each other while queued: a newer edit cancels a stale run. */
  key?: string;
  /** Run in the worker thread even when the text is small (workspace scans). */
  background?: boolean;
};

interface Pending {
  req: AnalyzeRequest;
  key?: string;
  resolve: (r: AnalyzeResult | undefined) => void;
  reject: (e: Error) => void;
}

/** Texts up to this size are analysed in the extension host directly: a worker round trip costs more. */
const IN_PROCESS_LIMIT = 256 * 1024;
/** A file that takes longer than this is abandoned (the worker is restarted) and reported as an error. */
const JOB_TIMEOUT_MS = 20_000;

/**
 * Runs analyses: small files in process, big files and workspace scans in one worker thread, one job
 * at a time. Resolves `undefined` for a job superseded by a newer one with the same key.
 */
export class Analyzer {
  private worker: Worker | undefined;
  private workerBroken = false;
  private nextId = 1;
  private readonly queue: Pending[] = [];
  private inFlight: Pending | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly workerScript: string | undefined) {}

  analyze(job: AnalyzeJob): Promise<AnalyzeResult | undefined> {
    const { key, background, ...rest } = job;
    const req: AnalyzeRequest = { ...rest, id: this.nextId++ };
    if ((!background && req.text.length <= IN_PROCESS_LIMIT) || !this.workerScript || this.workerBroken) {
      return Promise.resolve(this.inProcess(req));
    }
    if (key !== undefined) {
      for (let i = this.queue.length - 1; i >= 0; i--) {
        if (this.queue[i].key === key) this.queue.splice(i, 1)[0].resolve(undefined);
      }
    }
    return new Promise((resolve, reject) => {
      this.queue.push({ req, key, resolve, reject });
      this.pump();
    });
  }

  /** Drops queued jobs (a cancelled workspace scan); the one running finishes and is ignored. */
  cancelQueued(filter: (key: string | undefined) => boolean): void {
    for (let i = this.queue.length - 1; i >= 0; i--) {
      if (filter(this.queue[i].key)) this.queue.splice(i, 1)[0].resolve(undefined);
    }
  }

  private inProcess(req: AnalyzeRequest): AnalyzeResult {
    // Loaded on first use so that activation does not pay for the analyzer.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { analyzeWithSiblings } = require('./analyzeWithSiblings') as typeof import('./analyzeWithSiblings');
    return analyzeWithSiblings(req, readFileSync);
  }

  private pump(): void {
    if (this.inFlight || this.queue.length === 0) return;
    const job = this.queue.shift()!;
    const worker = this.ensureWorker();
    if (!worker) {
      job.resolve(this.inProcess(job.req));
      this.pump();
      return;
    }
    this.inFlight = job;
    this.timer = setTimeout(() => this.abandon(new Error(`analysis took longer than ${JOB_TIMEOUT_MS / 1000}s`)), JOB_TIMEOUT_MS);
    worker.postMessage(job.req);
  }

  private ensureWorker(): Worker | undefined {
    if (this.worker) return this.worker;
    try {
      const w = new Worker(this.workerScript!);
      w.on('message', (res: AnalyzeResponse) => this.onResult(res));
      w.on('error', (e) => this.abandon(e));
      w.on('exit', () => {
        if (this.worker === w) this.worker = undefined;
      });
      w.unref();
      this.worker = w;
      return w;
    } catch {
      this.workerBroken = true;
      return undefined;
    }
  }

  private onResult(res: AnalyzeResponse): void {
    const job = this.inFlight;
    if (!job || job.req.id !== res.id) return;
    this.finish();
    if ('error' in res) job.reject(new Error(res.error));
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
    this.abandon(new Error('disposed'));
  }
}
