import type { Finding, ScanError, ScanNotice } from '../model/finding';
import type { RuleMeta } from '../model/rule';
import type { Severity } from '../model/severity';

/** The notice of a file named explicitly that is not a template or CDK source. */
export const NOT_A_TEMPLATE = 'not a SAM, CloudFormation, Serverless Framework or CDK file; skipped (nothing in it was analysed)';

/** Everything a report writer needs: the outcome of one `scan` or `audit`. */
export interface ScanResult {
  findings: Finding[];
  errors: ScanError[];
  /** Files named explicitly that are not templates or CDK sources (nothing was analysed in them). */
  notices?: ScanNotice[];
  rules: RuleMeta[];
  filesScanned: number;
  /** Files found in folders that are not templates or CDK sources: skipped quietly, but counted. */
  filesSkipped?: number;
  toolVersion: string;
}

export interface Summary {
  /** Live (not suppressed) findings per severity. */
  bySeverity: Record<Severity, number>;
  problems: number;
  suppressed: number;
  errors: number;
  notices: number;
  /** Notices about whole files not analysed (not a template, a FIFO, a link out of the root). */
  notAnalysed: number;
  /** True when every file not analysed is simply not a template. */
  onlyNonTemplates: boolean;
  filesScanned: number;
  filesSkipped: number;
  /** Something could not be read or parsed: "no problems" would not be the whole truth. */
  incomplete: boolean;
}

/** Findings in one source file, or on one live resource (keyed by ARN). */
export interface FindingGroup {
  key: string;
  live: boolean;
  findings: Finding[];
}

export function summarize(r: ScanResult): Summary {
  const bySeverity: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  let suppressed = 0;
  for (const f of r.findings) {
    if (f.suppressed) suppressed++;
    else bySeverity[f.severity]++;
  }
  const problems = bySeverity.error + bySeverity.warning + bySeverity.info;
  const notAnalysed = splitNotices(r.notices)[0];
  const onlyNonTemplates = notAnalysed.every((n) => n.message === NOT_A_TEMPLATE);
  return { bySeverity, problems, suppressed, errors: r.errors.length, notices: r.notices?.length ?? 0, notAnalysed: notAnalysed.length, onlyNonTemplates, filesScanned: r.filesScanned, filesSkipped: r.filesSkipped ?? 0, incomplete: r.errors.length > 0 };
}

/** Notices sorted by file (then line), split into whole files not analysed and bounded parts of files (with a line). */
export function splitNotices(notices: readonly ScanNotice[] | undefined): [ScanNotice[], ScanNotice[]] {
  const sorted = [...(notices ?? [])].sort((a, b) => cmp(a.file, b.file) || (a.line ?? 0) - (b.line ?? 0));
  return [sorted.filter((n) => n.line === undefined), sorted.filter((n) => n.line !== undefined)];
}

function groupKey(f: Finding): string {
  return f.location?.file ?? f.target?.arn ?? '';
}

function cmp(a: string | number, b: string | number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Deterministic order for every writer: files first (by path), then live resources (by ARN); inside
 * a group by line, column, rule. Plain code-unit comparison so output does not depend on the locale.
 */
function compareFindings(a: Finding, b: Finding): number {
  const liveA = a.location ? 0 : 1;
  const liveB = b.location ? 0 : 1;
  return (
    liveA - liveB ||
    cmp(groupKey(a), groupKey(b)) ||
    (a.location?.startLine ?? 0) - (b.location?.startLine ?? 0) ||
    (a.location?.startColumn ?? 0) - (b.location?.startColumn ?? 0) ||
    cmp(a.ruleId, b.ruleId) ||
    cmp(a.message, b.message)
  );
}

export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(compareFindings);
}

export function groupFindings(findings: readonly Finding[]): FindingGroup[] {
  const groups: FindingGroup[] = [];
  for (const f of sortFindings(findings)) {
    const key = groupKey(f);
    const last = groups[groups.length - 1];
    if (last && last.key === key && last.live === !f.location) last.findings.push(f);
    else groups.push({ key, live: !f.location, findings: [f] });
  }
  return groups;
}

export function sortErrors(errors: readonly ScanError[]): ScanError[] {
  return [...errors].sort((a, b) => cmp(a.file, b.file) || (a.line ?? 0) - (b.line ?? 0));
}

export function rulesById(rules: readonly RuleMeta[]): Map<string, RuleMeta> {
  return new Map(rules.map((m) => [m.id, m]));
}

/** The fix hint for a finding: its own advice when the rule gave one, else the rule's. */
export function fixHintOf(f: Finding, meta: RuleMeta | undefined): string | undefined {
  return f.advice?.fix ?? meta?.fixHint;
}

/** `41:7` for a finding in a file; `-` for a live finding without a source position. */
export function position(f: Finding): string {
  return f.location ? `${f.location.startLine}:${f.location.startColumn}` : '-';
}

/** `infra/broken.yaml:3:5`, or less when the line or column is unknown. */
export function errorPlace(e: ScanError): string {
  if (e.line === undefined) return e.file;
  return e.column === undefined ? `${e.file}:${e.line}` : `${e.file}:${e.line}:${e.column}`;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Heading for a live group: the ARN, with the function name and region when known. */
export function liveHeading(f: Finding): string {
  const t = f.target;
  if (!t) return '';
  const extra = [t.functionName, t.region].filter((x): x is string => !!x);
  return extra.length ? `${t.arn} (${extra.join(', ')})` : t.arn;
}

/** The `!If` branch to show beside the message, unless the rule already put it in the message. */
export function branchNote(f: Finding): string | undefined {
  return f.branch && !f.message.includes(f.branch) ? f.branch : undefined;
}
