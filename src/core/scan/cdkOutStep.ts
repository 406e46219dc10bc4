import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Finding, ScanError } from '../model/finding';
import type { TemplateModel } from '../model/templateModel';
import { mergeCdkOutFindings } from '../iac/cdkOut/mapCdkOutFinding';
import { readCdkOut } from '../iac/cdkOut/readCdkOut';
import type { AnalyzeOptions } from './analyzeOptions';
import { analyzeText } from './analyzeText';

function readFile(p: string): string | undefined {
  try {
    return readFileSync(p, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * Analyses the synthesised templates of a `cdk.out` folder and moves each finding to the TypeScript
 * line of its construct; findings the source analysis already made are dropped, so each is reported once.
 */
export function cdkOutFindings(
  dir: string,
  cdkModels: TemplateModel[],
  sourceFindings: Finding[],
  opts: AnalyzeOptions & { cwd: string },
  rel: (abs: string) => string,
): { findings: Finding[]; errors: ScanError[] } {
  const { index, errors } = readCdkOut(dir, { readFile });
  const out: Finding[] = [];
  // The mapper compares absolute paths; the scan reports paths relative to its cwd.
  const models = cdkModels.map((m) => ({ ...m, file: path.resolve(opts.cwd, m.file) }));
  const absFindings = sourceFindings.map((f) => (f.location ? { ...f, location: { ...f.location, file: path.resolve(opts.cwd, f.location.file) } } : f));
  for (const t of index.templates) {
    const text = readFile(t.templateFile);
    if (text === undefined) {
      errors.push({ file: rel(t.templateFile), message: 'cannot read the synthesised template' });
      continue;
    }
    const r = analyzeText(text, t.templateFile, opts);
    errors.push(...r.errors.map((e) => ({ ...e, file: rel(e.file) })));
    const merged = mergeCdkOutFindings(absFindings, r.findings, index, { models, fileExists: existsSync });
    for (const f of merged) out.push(f.location ? { ...f, location: { ...f.location, file: rel(path.resolve(opts.cwd, f.location.file)) }, related: f.related?.map((x) => ({ ...x, location: { ...x.location, file: rel(path.resolve(opts.cwd, x.location.file)) } })) } : f);
  }
  return { findings: out, errors: errors.map((e) => ({ ...e, file: rel(path.resolve(opts.cwd, e.file)) })) };
}
