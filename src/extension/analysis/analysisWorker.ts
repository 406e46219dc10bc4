// Entry of the analysis worker thread (bundled as dist/analysisWorker.js): analyses big files and
// workspace scans away from the extension host's event loop, so hovers and typing stay responsive.
import { readFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { analyzeWithSiblings } from './analyzeWithSiblings';
import type { AnalyzeRequest, AnalyzeResponse } from './workerProtocol';

parentPort?.on('message', (req: AnalyzeRequest) => {
  let res: AnalyzeResponse;
  try {
    const result = analyzeWithSiblings(req, readFileSync);
    res = { id: req.id, result: req.wantModel ? result : { ...result, model: undefined } };
  } catch (e) {
    res = { id: req.id, error: (e as Error)?.message ?? String(e) };
  }
  parentPort?.postMessage(res);
});
