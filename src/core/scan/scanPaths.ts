import { promises as fs, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Finding, ScanError, ScanNotice } from '../model/finding';
import type { ScanResult } from '../report/scanResult';
import { ALL_RULES } from '../rules/registry';
import { TOOL_VERSION } from '../version';
import { DEFAULT_MAX_FILE_SIZE, type AnalyzeOptions } from './analyzeOptions';
import { analyzeText } from './analyzeText';
import { cdkOutFindings } from './cdkOutStep';
import type { TemplateModel } from '../model/templateModel';
import { walkFiles } from './walkFiles';

export interface ScanOptions extends AnalyzeOptions {
  cwd: string;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number, file: string) => void;
}

export function relativeFile(cwd: string, abs: string): string {
  const rel = path.relative(cwd, abs);
  return (rel.startsWith('..') || path.isAbsolute(rel) ? abs : rel).split(path.sep).join('/');
}

/** What a file named explicitly gets when it is not something Lambda Guard analyses. */
const NOT_A_TEMPLATE = 'not a CloudFormation/SAM template or CDK source: nothing in it was analysed';

/**
 * Scans files and folders; every unreadable or unparsable file becomes an error entry, never a crash, and
 * a file named explicitly that is not a template gets a notice (a folder's other files are skipped silently).
 */
export async function scanPaths(paths: string[], opts: ScanOptions): Promise<ScanResult> {
  const errors: ScanError[] = [];
  const notices: ScanNotice[] = [];
  const findings: Finding[] = [];
  const named = new Set(paths.map((p) => path.resolve(opts.cwd, p)));
  const cdkOutDirs: string[] = [];
  const cdkModels: TemplateModel[] = [];
  const files = await walkFiles(paths.length ? paths : ['.'], opts.cwd, (f, message) => errors.push({ file: relativeFile(opts.cwd, f), message }), cdkOutDirs);
  const max = opts.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  let scanned = 0;
  // Sibling paths come relative to the same base as the file names: the scan's cwd.
  const readSibling = (p: string): string | undefined => {
    try {
      return readFileSync(path.resolve(opts.cwd, p), 'utf8');
    } catch {
      return undefined;
    }
  };
  for (let i = 0; i < files.length; i++) {
    if (opts.signal?.aborted) break;
    const abs = files[i];
    const rel = relativeFile(opts.cwd, abs);
    opts.onProgress?.(i, files.length, rel);
    let text: string;
    try {
      const st = await fs.stat(abs);
      if (st.size > max) {
        const head = (await fs.readFile(abs, 'utf8')).slice(0, 65536);
        if (named.has(abs) || /Resources|AWSTemplateFormatVersion|aws-cdk/.test(head)) errors.push({ file: rel, line: 1, message: `file is larger than the ${Math.round(max / 1024)} KiB limit; not analysed` });
        continue;
      }
      text = await fs.readFile(abs, 'utf8');
    } catch (e) {
      errors.push({ file: rel, message: `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` });
      continue;
    }
    const r = analyzeText(text, rel, { ...opts, readSibling: opts.readSibling ?? readSibling });
    findings.push(...r.findings);
    errors.push(...r.errors);
    if (r.model?.format === 'cdk') cdkModels.push(r.model);
    if (!r.skipped) scanned++;
    else if (named.has(abs)) notices.push({ file: rel, message: NOT_A_TEMPLATE });
    // Yield so an editor host stays responsive during a long workspace scan.
    if (i % 20 === 19) await new Promise((res) => setImmediate(res));
  }
  for (const dir of cdkOutDirs) {
    if (opts.signal?.aborted) break;
    const extra = cdkOutFindings(dir, cdkModels, findings, opts, (abs) => relativeFile(opts.cwd, abs));
    findings.push(...extra.findings);
    errors.push(...extra.errors);
  }
  opts.onProgress?.(files.length, files.length, '');
  return { findings, errors, notices, rules: ALL_RULES.map((r) => r.meta), filesScanned: scanned, toolVersion: TOOL_VERSION };
}
