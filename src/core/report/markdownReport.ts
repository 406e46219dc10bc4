import type { Finding } from '../model/finding';
import type { RuleMeta } from '../model/rule';
import type { Severity } from '../model/severity';
import { joinChunks, joinLines, type Chunks } from './chunks';
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
  splitNotices,
  summarize,
  type ScanResult,
} from './scanResult';

const ICON: Record<Severity, string> = { error: '🔴', warning: '🟠', info: '🔵' };

/**
 * GitHub-flavoured Markdown for pull-request comments and job summaries. Every string from the
 * scan goes through `escapeMarkdown`, so data can neither break a table row nor inject HTML.
 */
export function markdownChunks(r: ScanResult): Chunks {
  return joinLines(markdownLines(r));
}

export function toMarkdown(r: ScanResult): string {
  return joinChunks(markdownChunks(r));
}

function* markdownLines(r: ScanResult): Generator<string> {
  const s = summarize(r);
  const rules = rulesById(r.rules);
  const sorted = sortFindings(r.findings);
  const live = sorted.filter((f) => !f.suppressed);
  const suppressed = sorted.filter((f) => f.suppressed);
  yield* ['# Lambda Guard report', ''];

  const counts = `${plural(s.bySeverity.error, 'error')}, ${plural(s.bySeverity.warning, 'warning')}, ${s.bySeverity.info} info`;
  yield `${md(TOOL_NAME)} ${md(r.toolVersion)} · ${plural(s.filesScanned, 'file')} scanned · ` +
    `**${plural(s.problems, 'problem')}** (${counts}) · ${s.suppressed} suppressed · ${plural(s.errors, 'scan error')}`;
  yield '';

  yield* ['## Findings', ''];
  if (live.length === 0) yield* ['No problems found.', ''];
  else {
    yield* ['| Severity | Rule | Location | Resource | Message |', '| --- | --- | --- | --- | --- |'];
    for (const f of live) {
      const note = branchNote(f);
      const advice = f.advice?.fix ? ` — fix: ${md(f.advice.fix)}` : '';
      const message = md(f.message) + (note ? ` _\\(when ${md(note)}\\)_` : '') + advice;
      yield row([`${ICON[f.severity]} ${f.severity}`, md(f.ruleId), where(f), md(f.resource ?? ''), message]);
    }
    yield '';
  }

  if (suppressed.length > 0) {
    yield* [`## Suppressed (${suppressed.length})`, '', '| Rule | Location | Reason | Message |', '| --- | --- | --- | --- |'];
    for (const f of suppressed) yield row([md(f.ruleId), where(f), md(f.suppression?.reason ?? ''), md(f.message)]);
    yield '';
  }

  if (r.errors.length > 0) {
    yield* [`## Scan errors (${r.errors.length})`, '', '| Location | Message |', '| --- | --- |'];
    for (const e of sortErrors(r.errors)) yield row([md(errorPlace(e)), md(e.message)]);
    yield '';
  }

  const [notAnalysed, bounded] = splitNotices(r.notices);
  const notices = [...notAnalysed, ...bounded];
  if (notices.length > 0) {
    yield* [`## Notices (${notices.length})`, '', '| Location | Message |', '| --- | --- |'];
    for (const n of notices) yield row([md(n.line === undefined ? n.file : `${n.file}:${n.line}`), md(n.message)]);
    yield '';
  }

  const used = [...new Set(live.map((f) => f.ruleId))].sort();
  const described = used.map((id) => rules.get(id)).filter((m): m is RuleMeta => !!m);
  if (described.length > 0) {
    yield* ['## How to fix', ''];
    for (const m of described) yield `- ${md(m.id)} **${md(m.title)}**: ${md(m.fixHint)}`;
    yield '';
  }
}

function row(cells: string[]): string {
  return `| ${cells.join(' | ')} |`;
}


function where(f: Finding): string {
  return f.location ? md(`${f.location.file}:${position(f)}`) : md(liveHeading(f));
}
