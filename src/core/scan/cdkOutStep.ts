import { realpathSync, statSync } from 'node:fs';
import * as path from 'node:path';
import type { Finding, ScanError } from '../model/finding';
import type { TemplateModel } from '../model/templateModel';
import { mergeCdkOutFindings } from '../iac/cdkOut/mapCdkOutFinding';
import { readCdkOut } from '../iac/cdkOut/readCdkOut';
import { DEFAULT_MAX_FILE_SIZE, type AnalyzeOptions } from './analyzeOptions';
import { analyzeText } from './analyzeText';
import { isInside, readInsideSync } from './readBounded';

/**
 * Reads a cloud-assembly file as scanned files are read: regular files only, the size limit checked
 * before reading, and nothing outside the scanned root (a manifest or a link cannot point the scan at
 * `/etc` or `~/.aws`).
 */
export function assemblyReader(root: string, max: number): (p: string) => string | undefined | { error: string } {
  return (p) => {
    const r = readInsideSync(p, root, max);
    switch (r.kind) {
      case 'text':
        return r.text;
      case 'tooLarge':
        return { error: `file is larger than the ${Math.round(max / 1024)} KiB limit; not analysed` };
      case 'special':
        return { error: 'not a regular file: not read' };
      case 'outside':
        return { error: 'a link to a place outside the scanned folder: not read' };
      default:
        return r.message === 'ENOENT' ? undefined : { error: `cannot read: ${r.message}` };
    }
  };
}

/** Creation traces name files of the machine that ran `cdk synth`: only files inside the root count. */
function existsInside(root: string): (p: string) => boolean {
  return (p) => {
    try {
      const real = realpathSync(p);
      return isInside(root, real) && statSync(real).isFile();
    } catch {
      return false;
    }
  };
}

/**
 * Analyses the synthesised templates of a `cdk.out` folder and moves each finding to the TypeScript
 * line of its construct; findings the source analysis already made are dropped, so each is reported once.
 */
export function cdkOutFindings(
  dir: string,
  root: string,
  cdkModels: TemplateModel[],
  sourceFindings: Finding[],
  opts: AnalyzeOptions & { cwd: string },
  rel: (abs: string) => string,
): { findings: Finding[]; errors: ScanError[] } {
  const read = assemblyReader(root, opts.maxFileSize ?? DEFAULT_MAX_FILE_SIZE);
  const { index, errors } = readCdkOut(dir, { readFile: read });
  const out: Finding[] = [];
  // The mapper compares absolute paths; the scan reports paths relative to its cwd.
  const models = cdkModels.map((m) => ({ ...m, file: path.resolve(opts.cwd, m.file) }));
  const absFindings = sourceFindings.map((f) => (f.location ? { ...f, location: { ...f.location, file: path.resolve(opts.cwd, f.location.file) } } : f));
  const sources = { models, fileExists: existsInside(root) };
  const relative = (file: string): string => rel(path.resolve(opts.cwd, file));
  for (const t of index.templates) {
    const text = read(t.templateFile);
    if (typeof text !== 'string') {
      errors.push({ file: t.templateFile, message: text?.error ?? 'cannot read the synthesised template' });
      continue;
    }
    const r = analyzeText(text, t.templateFile, opts);
    for (const e of r.errors) errors.push(e);
    for (const f of mergeCdkOutFindings(absFindings, r.findings, index, sources)) {
      out.push(f.location ? { ...f, location: { ...f.location, file: relative(f.location.file) }, related: f.related?.map((x) => ({ ...x, location: { ...x.location, file: relative(x.location.file) } })) } : f);
    }
  }
  return { findings: out, errors: errors.map((e) => ({ ...e, file: relative(e.file) })) };
}
