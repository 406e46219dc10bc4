import type { Finding, ScanError, ScanNotice } from '../model/finding';
import { jsonChunks, joinChunks, mapItems, streamedArray, type Chunks } from './chunks';
import { sortErrors, sortFindings, summarize, type ScanResult } from './scanResult';

export const TOOL_NAME = 'lambda-guard';

/**
 * `--format json`: exactly the contract in ARCHITECTURE.md. Objects are built key by key so that
 * the contract keys always come first and in order; anything extra (suppression, branch, related,
 * the summary) is appended after them, never in between. Findings and errors are written one by one
 * (jsonChunks), so the size of a report is bounded by the disk, not by the longest string V8 can hold.
 */
export function jsonReportChunks(r: ScanResult): Chunks {
  const s = summarize(r);
  const doc = {
    tool: { name: TOOL_NAME, version: r.toolVersion },
    findings: streamedArray('findings'),
    errors: streamedArray('errors'),
    summary: {
      filesScanned: s.filesScanned,
      filesSkipped: s.filesSkipped,
      problems: s.problems,
      error: s.bySeverity.error,
      warning: s.bySeverity.warning,
      info: s.bySeverity.info,
      suppressed: s.suppressed,
      scanErrors: s.errors,
      notices: s.notices,
      incomplete: s.incomplete,
    },
    notices: [...(r.notices ?? [])].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || (a.line ?? 0) - (b.line ?? 0)).map(jsonNotice),
  };
  return (function* () {
    yield* jsonChunks(doc, { findings: mapItems(sortFindings(r.findings), jsonFinding), errors: mapItems(sortErrors(r.errors), jsonError) });
    yield '\n';
  })();
}

export function toJson(r: ScanResult): string {
  return joinChunks(jsonReportChunks(r));
}

function jsonNotice(n: ScanNotice): Record<string, unknown> {
  return n.line === undefined ? { file: n.file, message: n.message } : { file: n.file, line: n.line, message: n.message };
}

function jsonFinding(f: Finding): Record<string, unknown> {
  const o: Record<string, unknown> = { ruleId: f.ruleId, severity: f.severity, message: f.message };
  if (f.location) {
    const l = f.location;
    o.location = {
      file: l.file,
      startLine: l.startLine,
      startColumn: l.startColumn,
      endLine: l.endLine,
      endColumn: l.endColumn,
    };
  }
  if (f.target) {
    const t: Record<string, unknown> = { arn: f.target.arn };
    if (f.target.functionName !== undefined) t.functionName = f.target.functionName;
    if (f.target.region !== undefined) t.region = f.target.region;
    o.target = t;
  }
  if (f.resource !== undefined) o.resource = f.resource;
  o.suppressed = f.suppressed;
  // Extensions after the contract keys.
  if (f.advice?.fix) o.fixHint = f.advice.fix;
  if (f.suppression) o.suppression = { kind: f.suppression.kind, reason: f.suppression.reason };
  if (f.branch !== undefined) o.branch = f.branch;
  if (f.related?.length) {
    o.related = f.related.map((rel) => ({
      message: rel.message,
      location: {
        file: rel.location.file,
        startLine: rel.location.startLine,
        startColumn: rel.location.startColumn,
        endLine: rel.location.endLine,
        endColumn: rel.location.endColumn,
      },
    }));
  }
  return o;
}

function jsonError(e: ScanError): Record<string, unknown> {
  const o: Record<string, unknown> = { file: e.file };
  if (e.line !== undefined) o.line = e.line;
  o.message = e.message;
  if (e.column !== undefined) o.column = e.column;
  return o;
}
