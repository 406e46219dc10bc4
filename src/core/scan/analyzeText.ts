import type { Finding, ScanError, ScanNotice } from '../model/finding';
import type { TemplateModel } from '../model/templateModel';
import { ALL_RULES } from '../rules/registry';
import { DEFAULT_MAX_FILE_SIZE, type AnalyzeOptions } from './analyzeOptions';
import { applySuppressions } from './applySuppressions';
import { loadSource } from './loadSource';

export type { AnalyzeOptions } from './analyzeOptions';

export interface AnalyzeResult {
  findings: Finding[];
  errors: ScanError[];
  /** Parts analysed in a bounded way (e.g. `!If` combinations judged together); the findings still hold. */
  notices?: ScanNotice[];
  /** True when the file is not a template or CDK source and was skipped silently. */
  skipped: boolean;
  model?: TemplateModel;
}

/** Runs every enabled rule over one file's text. Never throws: problems become `errors`. */
export function analyzeText(text: string, file: string, opts: AnalyzeOptions = {}): AnalyzeResult {
  const max = opts.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  // A byte-order mark is not content (editors hide it): JSON parsers reject it, and it would shift line 1.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.length > max) {
    return { findings: [], errors: [{ file, line: 1, message: `file is larger than the ${Math.round(max / 1024)} KiB limit; not analysed` }], skipped: false };
  }
  let loaded;
  try {
    loaded = loadSource(text, file, opts);
  } catch (e) {
    return { findings: [], errors: [{ file, line: 1, message: `could not analyse: ${(e as Error).message}` }], skipped: false };
  }
  if (!loaded.model) return { findings: [], errors: loaded.errors, skipped: loaded.skipped };
  let findings: Finding[];
  try {
    findings = runRules(loaded.model, opts, loaded.errors);
  } catch (e) {
    // A bug in the engine (not in one rule) costs this file its findings, never the scan.
    return { findings: [], errors: [...loaded.errors, { file, line: 1, message: `could not analyse: ${(e as Error).message}` }], skipped: false };
  }
  return { findings, errors: loaded.errors, notices: loaded.notices, skipped: false, model: loaded.model };
}

function runRules(model: TemplateModel, opts: AnalyzeOptions, errors: ScanError[]): Finding[] {
  const disabled = new Set((opts.disabledRules ?? []).map((s) => s.toUpperCase()));
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const rule of ALL_RULES) {
    if (disabled.has(rule.meta.id)) continue;
    let raw;
    try {
      raw = rule.check(model);
    } catch (e) {
      errors.push({ file: model.file, line: 1, message: `rule ${rule.meta.id} failed: ${(e as Error).message}` });
      continue;
    }
    for (const r of raw) {
      const key = `${r.ruleId}|${r.range.startLine}:${r.range.startColumn}-${r.range.endLine}:${r.range.endColumn}|${r.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      findings.push({
        ruleId: r.ruleId,
        severity: opts.severityOverrides?.[r.ruleId] ?? r.severity ?? rule.meta.defaultSeverity,
        message: r.message,
        location: { file: model.file, ...r.range },
        resource: r.resource,
        suppressed: false,
        branch: r.branch,
        related: r.related?.map((x) => ({ message: x.message, location: { file: model.file, ...x.range } })),
        fix: r.fix,
        advice: r.advice,
      });
    }
  }
  applySuppressions(findings, model.suppressions);
  findings.sort((a, b) => (a.location!.startLine - b.location!.startLine) || (a.location!.startColumn - b.location!.startColumn) || a.ruleId.localeCompare(b.ruleId));
  return findings;
}
