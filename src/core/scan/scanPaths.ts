import * as path from 'node:path';
import type { Finding, ScanError, ScanNotice } from '../model/finding';
import { NOT_A_TEMPLATE, type ScanResult } from '../report/scanResult';
import { ALL_RULES } from '../rules/registry';
import { TOOL_VERSION } from '../version';
import { DEFAULT_MAX_FILE_SIZE, type AnalyzeOptions } from './analyzeOptions';
import { analyzeText } from './analyzeText';
import { cdkOutFindings } from './cdkOutStep';
import type { TemplateModel } from '../model/templateModel';
import { readBounded, readInsideSync } from './readBounded';
import { walkTree, type WalkedFile } from './walkFiles';

export interface ScanOptions extends AnalyzeOptions {
  cwd: string;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number, file: string) => void;
}

export function relativeFile(cwd: string, abs: string): string {
  const rel = path.relative(cwd, abs);
  return (rel.startsWith('..') || path.isAbsolute(rel) ? abs : rel).split(path.sep).join('/');
}

const TEMPLATE_HINT = /Resources|AWSTemplateFormatVersion|aws-cdk/;

/** Everything one scan collects; appended to item by item (never `push(...list)`: a list can hold a million). */
interface Collected {
  findings: Finding[];
  errors: ScanError[];
  notices: ScanNotice[];
  cdkModels: TemplateModel[];
  /** dev:ino of files read, so a hard link is not scanned twice. */
  inodes: Set<string>;
  scanned: number;
  /** Candidate files in folders that turned out not to be templates (skipped quietly, counted). */
  skipped: number;
}

function append<T>(into: T[], items: readonly T[] | undefined): void {
  if (items) for (const x of items) into.push(x);
}

/**
 * Scans files and folders; every unreadable or unparsable file becomes an error entry, never a crash, and
 * a file named explicitly that is not a template gets a notice (a folder's other files are skipped silently).
 * An internal error while analysing one file is an error entry for that file: the others are still reported.
 */
export async function scanPaths(paths: string[], opts: ScanOptions): Promise<ScanResult> {
  const c: Collected = { findings: [], errors: [], notices: [], cdkModels: [], inodes: new Set(), scanned: 0, skipped: 0 };
  const rel = (abs: string): string => relativeFile(opts.cwd, abs);
  const walk = await walkTree(paths.length ? paths : ['.'], opts.cwd, {
    onError: (f, message) => c.errors.push({ file: rel(f), message }),
    onNotice: (f, message) => c.notices.push({ file: rel(f), message }),
  });
  const files = walk.files;
  for (let i = 0; i < files.length; i++) {
    if (opts.signal?.aborted) break;
    const file = rel(files[i].abs);
    opts.onProgress?.(i, files.length, file);
    try {
      await scanFile(files[i], file, opts, c);
    } catch (e) {
      c.errors.push({ file, line: 1, message: `internal error while analysing this file: ${(e as Error)?.message ?? String(e)}` });
    }
    // Yield so an editor host stays responsive during a long workspace scan.
    if (i % 20 === 19) await new Promise((res) => setImmediate(res));
  }
  for (const { dir, root } of walk.cdkOutDirs) {
    if (opts.signal?.aborted) break;
    try {
      const extra = cdkOutFindings(dir, root, c.cdkModels, c.findings, opts, rel);
      append(c.findings, extra.findings);
      append(c.errors, extra.errors);
    } catch (e) {
      c.errors.push({ file: rel(dir), message: `internal error while mapping cdk.out: ${(e as Error)?.message ?? String(e)}` });
    }
  }
  opts.onProgress?.(files.length, files.length, '');
  return { findings: c.findings, errors: c.errors, notices: c.notices, rules: ALL_RULES.map((r) => r.meta), filesScanned: c.scanned, filesSkipped: c.skipped, toolVersion: TOOL_VERSION };
}

async function scanFile(f: WalkedFile, file: string, opts: ScanOptions, c: Collected): Promise<void> {
  const max = opts.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  const read = await readBounded(f.abs, max);
  switch (read.kind) {
    case 'special':
      // Swapped for a FIFO or device after the walk: never opened for reading.
      if (f.named) c.notices.push({ file, message: 'not a regular file (a FIFO, socket or device): not read' });
      return;
    case 'tooLarge':
      if (f.named || TEMPLATE_HINT.test(read.head)) c.errors.push({ file, line: 1, message: `file is larger than the ${Math.round(max / 1024)} KiB limit; not analysed` });
      return;
    case 'error':
    case 'outside':
      c.errors.push({ file, message: `cannot read: ${read.kind === 'error' ? read.message : 'outside the scanned folder'}` });
      return;
  }
  const inode = `${read.dev}:${read.ino}`;
  if (read.ino !== 0 && c.inodes.has(inode)) return;
  c.inodes.add(inode);
  // Imports are read like scanned files (size limit, regular files only) and only inside the file's root.
  const readSibling = (p: string): string | undefined => {
    const r = readInsideSync(path.resolve(opts.cwd, p), f.root, max);
    return r.kind === 'text' ? r.text : undefined;
  };
  const r = analyzeText(read.text, file, { ...opts, readSibling: opts.readSibling ?? readSibling });
  append(c.findings, r.findings);
  append(c.errors, r.errors);
  append(c.notices, r.notices);
  if (r.model?.format === 'cdk') c.cdkModels.push(r.model);
  if (!r.skipped) c.scanned++;
  else if (f.named) c.notices.push({ file, message: NOT_A_TEMPLATE });
  else c.skipped++;
}
