import type { AccountSnapshot, LiveFunction } from '../inventory/accountModel';
import type { Finding, ScanError } from '../model/finding';
import type { AnalyzeOptions } from '../scan/analyzeOptions';
import { analyzeText } from '../scan/analyzeText';
import { buildLiveTemplate, type LiveTemplate } from './liveTemplate';

/** The name of a function's live configuration document: what `Finding.live.document` holds. */
export function liveDocumentName(fn: Pick<LiveFunction, 'region' | 'name'>): string {
  return `${fn.region}/${fn.name}.json`;
}

export interface LiveFunctionFindings {
  template: LiveTemplate;
  findings: Finding[];
  errors: ScanError[];
}

/**
 * The template rules on one deployed function's live configuration. Findings carry `target` (the
 * function) and `live` (their range in the live document) instead of a source location.
 */
export function liveFindingsFor(fn: LiveFunction, snapshot: AccountSnapshot, opts: AnalyzeOptions = {}): LiveFunctionFindings {
  const template = buildLiveTemplate(fn, snapshot);
  const document = liveDocumentName(fn);
  // LG016 (a managed policy the dataset does not know) cannot apply live: an attached policy exists, and
  // one newer than the shipped dataset was read from IAM itself.
  const r = analyzeText(template.text, document, { ...opts, disabledRules: [...(opts.disabledRules ?? []), 'LG016'], maxFileSize: Number.MAX_SAFE_INTEGER });
  const target = { arn: fn.arn, functionName: fn.name, region: fn.region };
  const findings = r.findings.map((f): Finding => {
    const { location, related: _related, fix: _fix, ...rest } = f;
    return { ...rest, target, ...(location ? { live: { document, startLine: location.startLine, startColumn: location.startColumn, endLine: location.endLine, endColumn: location.endColumn } } : {}) };
  });
  const errors = r.errors.map((e) => ({ ...e, file: `${fn.arn} (live configuration)` }));
  return { template, findings, errors };
}
