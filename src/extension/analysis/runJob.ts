import { narrowFix, quickFixes, suppressionFix } from '../../core/fixes/fixesFor';
import { scanPaths } from '../../core/scan/scanPaths';
import { analyzeWithSiblings, boundedSiblingReader } from './analyzeWithSiblings';
import type { WorkerJob } from './workerProtocol';

export type ScanProgress = (done: number, total: number, file: string) => void;

/**
 * Runs one job with the core: in the analysis worker thread, or in the extension host when the text is
 * small (a round trip costs more) or no worker can start. Throws what the core throws.
 */
export function runJob(job: WorkerJob, onProgress?: ScanProgress, signal?: AbortSignal): unknown {
  switch (job.type) {
    case 'analyze': {
      const r = analyzeWithSiblings(job, boundedSiblingReader(job.opts.maxFileSize));
      return job.wantModel ? r : { ...r, model: undefined };
    }
    case 'fixes':
      return quickFixes(job.req);
    case 'narrow':
      return narrowFix(job.req, job.levels);
    case 'suppress':
      return suppressionFix(job.req, job.reason, job.kind);
    case 'scan':
      return scanPaths(job.paths, { ...job.opts, cwd: job.cwd, onProgress, signal });
  }
}
