import type { AccessGrant } from '../access/accessModel';
import type { Finding } from '../model/finding';
import { oneLine } from '../report/escape';
import { fixHintOf, plural, rulesById, summarize } from '../report/scanResult';
import type { RuleMeta } from '../model/rule';
import type { AuditResult } from './auditAccount';
import { auditAsScanResult, collectErrorPlace } from './auditReport';
import type { AuditFunction } from './functionSummary';

const MAX_GRANTS = 8;

function grants(label: string, list: AccessGrant[]): string[] {
  if (!list.length) return [`  ${label}: nobody found`];
  const shown = list.slice(0, MAX_GRANTS).map((g) => `${g.principal} [${g.kind}${g.conditional ? ', conditional' : ''}] ${g.actions.join(', ')}`);
  const more = list.length > MAX_GRANTS ? [`… and ${list.length - MAX_GRANTS} more (--format json lists them all)`] : [];
  return [`  ${label}:`, ...[...shown, ...more].map((s) => `    ${oneLine(s)}`)];
}

function functionBlock(f: AuditFunction, findings: Finding[], rules: Map<string, RuleMeta>): string[] {
  const out = [oneLine(`${f.region}/${f.name}  ${f.runtime ?? ''}  role ${f.role.slice(f.role.lastIndexOf('/') + 1)}`)];
  if (f.source) out.push(`  source: ${oneLine(`${f.source.file}:${f.source.line}`)}`);
  if (f.triggers.length) out.push(`  triggers: ${oneLine(f.triggers.map((t) => `${t.kind === 'url' ? 'URL' : t.kind === 'permission' ? 'permission for' : 'events from'} ${t.source}${t.detail ? ` (${t.detail})` : ''}`).join('; '))}`);
  if (f.vpc) out.push(`  network: ${oneLine(`${f.vpc.vpcId ?? 'VPC'} · ${f.vpc.interfaces.length} ENIs${f.vpc.sharedWith.length ? `, shared with ${f.vpc.sharedWith.join(', ')}` : ''}`)}`);
  out.push(...grants('who can modify', f.whoCanModify), ...grants('who can invoke', f.whoCanInvoke));
  for (const x of findings) {
    const sev = x.suppressed ? 'suppressed' : x.severity;
    out.push(`  ${sev.padEnd(7)}  ${x.ruleId}  ${oneLine(x.message)}`);
    const hint = fixHintOf(x, rules.get(x.ruleId));
    if (hint && !x.suppressed) out.push(`           ↳ fix: ${oneLine(hint)}`);
  }
  return out;
}

/** `audit` for people: the account, then each function with its access and findings, then errors and a summary. */
export function auditToText(a: AuditResult, toolVersion: string): string {
  const s = a.snapshot;
  const rules = rulesById(a.rules);
  const byArn = new Map<string, Finding[]>();
  for (const f of a.findings) if (f.target) byArn.set(f.target.arn, [...(byArn.get(f.target.arn) ?? []), f]);
  const out: string[] = [];
  out.push(oneLine(`Account ${s.account.alias ? `${s.account.alias} (${s.account.id})` : s.account.id} · ${s.regions.join(', ')} · ${s.source.kind === 'demo' ? 'demo account' : s.source.file ?? s.source.kind} · collected ${s.collectedAt}`));
  if (a.errors.length) out.push(`Incomplete: ${plural(a.errors.length, 'AWS call')} failed (listed at the end); what follows is what could be read.`);
  out.push('');
  for (const f of a.functions) out.push(...functionBlock(f, byArn.get(f.arn) ?? [], rules), '');
  const errors = [...a.errors.map((e) => `${collectErrorPlace(e)}: ${e.message}`), ...a.analysisErrors.map((e) => `${e.file}: ${e.message}`)];
  if (errors.length) out.push('Errors:', ...errors.map((e) => `  ${oneLine(e)}`), '');
  out.push(auditSummaryLine(a, toolVersion));
  return `${out.join('\n')}\n`;
}

/** One line: problems by severity, suppressed, failed calls (incomplete), functions and regions. */
export function auditSummaryLine(a: AuditResult, toolVersion: string): string {
  const sum = summarize(auditAsScanResult(a, toolVersion));
  const head = sum.problems ? `✖ ${plural(sum.problems, 'problem')} (${plural(sum.bySeverity.error, 'error')}, ${plural(sum.bySeverity.warning, 'warning')}, ${sum.bySeverity.info} info)` : '✔ no problems';
  const errors = a.errors.length + a.analysisErrors.length;
  const regions = new Set(a.functions.map((f) => f.region)).size;
  return [head, sum.suppressed ? `${sum.suppressed} suppressed` : '', errors ? `${plural(errors, 'error')} (incomplete)` : '', `${plural(a.functions.length, 'function')} in ${plural(regions, 'region')}`].filter(Boolean).join(' · ');
}
