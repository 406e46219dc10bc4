import type { CollectError } from '../inventory/accountModel';
import type { ScanError } from '../model/finding';
import { toJson } from '../report/jsonReport';
import { sortFindings, type ScanResult } from '../report/scanResult';
import type { AuditResult } from './auditAccount';
import type { SnapshotComparison } from './compareSnapshots';

/** Where a failed AWS call happened, in the `file` slot report writers show for errors. */
export function collectErrorPlace(e: CollectError): string {
  return ['aws', `${e.service}:${e.operation}`, e.region, e.resource].filter(Boolean).join(' ');
}

/** The audit as a `ScanResult`, for the writers shared with `scan` (text, SARIF, Markdown, HTML). */
export function auditAsScanResult(a: AuditResult, toolVersion: string): ScanResult {
  const errors: ScanError[] = [...a.errors.map((e) => ({ file: collectErrorPlace(e), message: e.message })), ...a.analysisErrors];
  return { findings: a.findings, errors, rules: a.rules, filesScanned: 0, toolVersion };
}

/**
 * `audit --format json`: the scan report (tool, findings, errors, summary) with the account, the
 * `functions` array of ARCHITECTURE.md, and AWS errors in full (service, operation, region, kind,
 * missingPermission). Contract keys first, extensions after.
 */
export function auditToJson(a: AuditResult, toolVersion: string, comparison?: SnapshotComparison): string {
  const base = JSON.parse(toJson(auditAsScanResult(a, toolVersion))) as Record<string, unknown>;
  const s = a.snapshot;
  const doc: Record<string, unknown> = {
    tool: base.tool,
    findings: withLive(base.findings as Record<string, unknown>[], a.findings),
    errors: [
      ...a.errors.map((e) => ({ file: collectErrorPlace(e), message: e.message, source: 'aws', service: e.service, operation: e.operation, ...(e.region ? { region: e.region } : {}), ...(e.resource ? { resource: e.resource } : {}), kind: e.kind, ...(e.missingPermission ? { missingPermission: e.missingPermission } : {}) })),
      ...a.analysisErrors.map((e) => ({ file: e.file, message: e.message })),
    ],
    functions: a.functions,
    account: { id: s.account.id, partition: s.account.partition, ...(s.account.alias ? { alias: s.account.alias } : {}), regions: s.regions, collectedAt: s.collectedAt, source: s.source.kind },
    summary: { ...(base.summary as object), functions: a.functions.length },
  };
  if (comparison) doc.comparison = comparison;
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** `toJson` lists findings in `sortFindings` order and leaves `live` out: it is added back by position. */
function withLive(json: Record<string, unknown>[], findings: AuditResult['findings']): Record<string, unknown>[] {
  const sorted = sortFindings(findings);
  return json.map((f, i) => (sorted[i]?.live ? { ...f, live: { ...sorted[i].live } } : f));
}
