import type { ScanError } from '../../model/finding';
import type { TemplateModel } from '../../model/templateModel';
import type { CdkLoadOptions } from './analyzeCdkFile';

type Analyzer = typeof import('./analyzeCdkFile');
let analyzer: Analyzer | undefined;

/**
 * Reads a CDK TypeScript file into the TemplateModel the rules check (format `cdk`). The TypeScript
 * compiler (several MB) is required here, on the first CDK file, never at activation or for templates.
 */
export function loadCdkModel(text: string, file: string, opts: CdkLoadOptions = {}): { model: TemplateModel; errors: ScanError[] } {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  analyzer ??= require('./analyzeCdkFile') as Analyzer;
  return analyzer.analyzeCdkFile(text, file, opts);
}
