import { loadTemplate, type LoadResult } from '../iac/cloudformation/loadTemplate';
import { isServerlessFileName } from '../iac/serverless/detectServerless';
import { loadServerless } from '../iac/serverless/loadServerless';
import type { AnalyzeOptions } from './analyzeOptions';

const TS_FILE = /\.(ts|mts|cts|tsx)$/i;

/**
 * Picks the loader for a file: CDK TypeScript (parser loaded lazily), a Serverless Framework service
 * (`serverless.yml` / `.yaml` / `.json` with `service` and `provider`), or a CloudFormation/SAM template.
 * A file named serverless.* that is not a Serverless service is tried as a template.
 */
export function loadSource(text: string, file: string, opts: AnalyzeOptions): LoadResult {
  if (TS_FILE.test(file)) {
    // The CDK analyzer pulls in the TypeScript compiler; require it only for CDK sources.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { isCdkSource } = require('../iac/cdk/isCdkSource') as typeof import('../iac/cdk/isCdkSource');
    if (!isCdkSource(text)) return { errors: [], skipped: true };
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { loadCdkModel } = require('../iac/cdk/loadCdk') as typeof import('../iac/cdk/loadCdk');
    const r = loadCdkModel(text, file, { readSibling: opts.readSibling });
    return { model: r.model, errors: r.errors, skipped: false };
  }
  if (isServerlessFileName(file)) {
    const r = loadServerless(text, file, { readSibling: opts.readSibling });
    if (!r.skipped) return r;
  }
  return loadTemplate(text, file, { incremental: opts.incremental });
}
