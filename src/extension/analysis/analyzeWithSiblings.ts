import * as path from 'node:path';
import { analyzeText, type AnalyzeResult } from '../../core/scan/analyzeText';
import type { AnalyzeRequest } from './workerProtocol';

type ReadFile = (p: string, enc: 'utf8') => string;

/**
 * Runs the analyzer on one file. CDK sources may import constants from sibling modules. The core
 * resolves them from the (workspace-relative) file name against the process's working folder, which
 * in an extension host is not the workspace: map such paths back under the file's workspace root.
 */
export function analyzeWithSiblings(req: Omit<AnalyzeRequest, 'id'>, readFile: ReadFile): AnalyzeResult {
  const abs = req.absPath;
  const root = abs && !path.isAbsolute(req.file) && abs.endsWith(req.file) ? abs.slice(0, abs.length - req.file.length) : undefined;
  const readSibling = (p: string): string | undefined => {
    if (!abs) return undefined;
    const target = root !== undefined ? path.resolve(root, path.relative(process.cwd(), p)) : p;
    try {
      return readFile(target, 'utf8');
    } catch {
      return undefined;
    }
  };
  return analyzeText(req.text, req.file, { ...req.opts, readSibling });
}
