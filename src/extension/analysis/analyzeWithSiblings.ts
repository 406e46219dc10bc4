import { realpathSync } from 'node:fs';
import { DEFAULT_MAX_FILE_SIZE } from '../../core/scan/analyzeOptions';
import { analyzeText, type AnalyzeResult } from '../../core/scan/analyzeText';
import { joinUnder, rootOf } from '../../core/scan/pathKey';
import { readInsideSync } from '../../core/scan/readBounded';
import type { AnalyzeRequest } from './workerProtocol';

/** Reads a sibling file; `root` is the workspace root it must stay under. Throws when it cannot. */
export type ReadSibling = (target: string, root: string | undefined) => string;

/**
 * The editor's sibling reads, bounded as the CLI's are: a regular file no larger than the size limit,
 * whose real path (symbolic links resolved) stays inside the workspace root.
 */
export function boundedSiblingReader(max = DEFAULT_MAX_FILE_SIZE): ReadSibling {
  return (target, root) => {
    if (root === undefined) throw new Error('no workspace root');
    const r = readInsideSync(target, realpathSync(root), max);
    if (r.kind !== 'text') throw new Error(r.kind === 'error' ? r.message : r.kind);
    return r.text;
  };
}

/**
 * Runs the analyzer on one file. CDK sources may import constants from sibling modules; the core names
 * them relative to the same base as the (workspace-relative) file name, so they are read under the
 * file's workspace root.
 */
export function analyzeWithSiblings(req: Omit<AnalyzeRequest, 'type'>, readFile: ReadSibling): AnalyzeResult {
  const abs = req.absPath;
  const root = abs ? rootOf(abs, req.file) : undefined;
  const readSibling = (p: string): string | undefined => {
    if (!abs) return undefined;
    const target = root !== undefined && !/^([\\/]|[A-Za-z]:)/.test(p) ? joinUnder(root, p) : p;
    try {
      return readFile(target, root);
    } catch {
      return undefined;
    }
  };
  return analyzeText(req.text, req.file, { ...req.opts, readSibling });
}
