import type { Finding } from '../model/finding';
import type { RuleMeta } from '../model/rule';
import type { Severity } from '../model/severity';
import { escapeMarkdown as md } from './escape';
import { TOOL_NAME } from './jsonReport';
import {
  branchNote,
  errorPlace,
  liveHeading,
  plural,
  position,
  rulesById,
  sortErrors,
  sortFindings,
  summarize,
  type ScanResult,
} from './scanResult';

const ICON: Record<Severity, string> = { error: '🔴', warning: '🟠', info: '🔵' };

/**
 * GitHub-flavoured Markdown for pull-request comments and job summaries. Every string from the
 * scan goes through `escapeMarkdown`, so data can neither break a table row nor inject HTML.
 */
export function toMarkdown(r: ScanResult): string {
  const s = summarize(r);
  const rules = rulesById(r.rules);
  const sorted = sortFindings(r.findings);
  const live = sorted.filter((f) => !f.suppressed);
  const suppressed = sorted.filter((f) => f.suppressed);
  const out: string[] = ['# Lambda Guard report', ''];

  const counts = `${plural(s.bySeverity.error, 'error')}, ${plural(s.bySeverity.warning, 'warning')}, ${s.bySeverity.info} info`;
  out.push(
    `${md(TOOL_NAME)} ${md(r.toolVersion)} · ${plural(s.filesScanned, 'file')} scanned · ` +
      `**${plural(s.problems, 'problem')}** (${counts}) · ${s.suppressed} suppressed · ${plural(s.errors, 'scan error')}`,
    '',
  );

  out.push('## Findings', '');
  if (live.length === 0) out.push('No problems found.', '');
  else {
    out.push('| Severity | Rule | Location | Resource | Message |', '| --- | --- | --- | --- | --- |');
    for (const f of live) {
      const note = branchNote(f);
      const advice = f.advice?.fix ? ` — fix: ${md(f.advice.fix)}` : '';
      const message = md(f.message) + (note ? ` _\\(when ${md(note)}\\)_` : '') + advice;
      out.push(row([`${ICON[f.severity]} ${f.severity}`, md(f.ruleId), where(f), md(f.resource ?? ''), message]));
    }
    out.push('');
  }

  if (suppressed.length > 0) {
    out.push(`## Suppressed (${suppressed.length})`, '', '| Rule | Location | Reason | Message |', '| --- | --- | --- | --- |');
    for (const f of suppressed) {
      out.push(row([md(f.ruleId), where(f), md(f.suppression?.reason ?? ''), md(f.message)]));
    }
    out.push('');
  }

  if (r.errors.length > 0) {
    out.push(`## Scan errors (${r.errors.length})`, '', '| Location | Message |', '| --- | --- |');
    for (const e of sortErrors(r.errors)) out.push(row([md(errorPlace(e)), md(e.message)]));
    out.push('');
  }

  const used = [...new Set(live.map((f) => f.ruleId))].sort();
  const described = used.map((id) => rules.get(id)).filter((m): m is RuleMeta => !!m);
  if (described.length > 0) {
    out.push('## How to fix', '');
    for (const m of described) out.push(`- ${md(m.id)} **${md(m.title)}**: ${md(m.fixHint)}`);
    out.push('');
  }
  return out.join('\n');
}

function row(cells: string[]): string {
  return `| ${cells.join(' | ')} |`;
}


function where(f: Finding): string {
  return f.location ? md(`${f.location.file}:${position(f)}`) : md(liveHeading(f));
}
