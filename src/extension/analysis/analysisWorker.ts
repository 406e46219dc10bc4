// Entry of the analysis worker thread (bundled as dist/analysisWorker.js): analyses of big files, their
// quick fixes and workspace scans run here, away from the extension host's event loop, so hovers and
// typing stay responsive.
import { parentPort } from 'node:worker_threads';
import { runJob } from './runJob';
import { toWorkerError, type WorkerRequest, type WorkerResponse } from './workerProtocol';

function post(res: WorkerResponse): void {
  try {
    parentPort?.postMessage(res);
  } catch (e) {
    // A result that cannot be cloned must still settle the job waiting for it.
    if (!('error' in res)) parentPort?.postMessage({ id: res.id, error: toWorkerError(e) });
  }
}

parentPort?.on('message', (req: WorkerRequest) => {
  const progress = (done: number, total: number, file: string): void => post({ id: req.id, progress: { done, total, file } });
  Promise.resolve()
    .then(() => runJob(req, progress))
    .then(
      (result) => post({ id: req.id, result }),
      (e: unknown) => post({ id: req.id, error: toWorkerError(e) }),
    );
});
