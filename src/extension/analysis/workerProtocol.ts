import type { FixRequest } from '../../core/fixes/fixesFor';
import type { Fix } from '../../core/fixes/fixTypes';
import type { SuppressionKind } from '../../core/fixes/suppressionFixes';
import type { AccessLevel } from '../../core/iam/catalog';
import type { ScanResult } from '../../core/report/scanResult';
import type { AnalyzeOptions, AnalyzeResult } from '../../core/scan/analyzeText';

// Messages between the extension host and the analysis worker thread (no vscode here: both sides use it).

/** One file's text, analysed as the editor holds it. */
export interface AnalyzeRequest {
  type: 'analyze';
  text: string;
  /** Workspace-relative path that findings carry. */
  file: string;
  /** Absolute path, for reading sibling files (CDK constant imports). */
  absPath?: string;
  opts: Omit<AnalyzeOptions, 'readSibling'>;
  /** Send the template model back (hovers use it); a workspace scan does not need it. */
  wantModel: boolean;
}

/** Quick fixes for one finding (each verified by re-analysing the fixed text: as costly as an analysis). */
export type FixesRequest =
  | { type: 'fixes'; req: FixRequest }
  | { type: 'narrow'; req: FixRequest; levels: AccessLevel[] }
  | { type: 'suppress'; req: FixRequest; reason: string; kind?: SuppressionKind };

/** The core scan (`scanPaths`) of paths relative to `cwd`: the CLI's discovery, skip list, size limit and cdk.out step. */
export interface ScanRequest {
  type: 'scan';
  paths: string[];
  cwd: string;
  opts: Omit<AnalyzeOptions, 'readSibling' | 'incremental'>;
}

export type WorkerJob = AnalyzeRequest | FixesRequest | ScanRequest;

/** What each job type resolves to. */
export type JobResult<J extends WorkerJob> = J extends AnalyzeRequest ? AnalyzeResult : J extends ScanRequest ? ScanResult : J extends { type: 'fixes' } ? Fix[] : Fix | undefined;

export type WorkerRequest = WorkerJob & { id: number };

/** An error crossing the thread boundary keeps its stack, so the log shows where the worker failed. */
export interface WorkerError {
  message: string;
  stack?: string;
}

export type WorkerResponse =
  | { id: number; result: unknown }
  | { id: number; error: WorkerError }
  | { id: number; progress: { done: number; total: number; file: string } };

export function toWorkerError(e: unknown): WorkerError {
  return e instanceof Error ? { message: e.message, stack: e.stack } : { message: String(e) };
}

/** The worker's error as an Error of this thread whose stack is the worker's. */
export function fromWorkerError(e: WorkerError): Error {
  const err = new Error(e.message);
  if (e.stack) err.stack = e.stack;
  return err;
}
