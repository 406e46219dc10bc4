import { analyzeText, type AnalyzeResult } from '../../core/scan/analyzeText';
import { joinUnder, rootOf } from '../../core/scan/pathKey';
import type { AnalyzeRequest } from './workerProtocol';

type ReadFile = (p: string, enc: 'utf8') => string;

/**
 * Runs the analyzer on one file. CDK sources may import constants from sibling modules; the core names
 * them relative to the same base as the (workspace-relative) file name, so they are read under the
 * file's workspace root.
 */
export function analyzeWithSiblings(req: Omit<AnalyzeRequest, 'type'>, readFile: ReadFile): AnalyzeResult {
  const abs = req.absPath;
  const root = abs ? rootOf(abs, req.file) : undefined;
  const readSibling = (p: string): string | undefined => {
    if (!abs) return undefined;
    const target = root !== undefined && !/^([\\/]|[A-Za-z]:)/.test(p) ? joinUnder(root, p) : p;
    try {
      return readFile(target, 'utf8');
    } catch {
      return undefined;
    }
  };
  return analyzeText(req.text, req.file, { ...req.opts, readSibling });
}
