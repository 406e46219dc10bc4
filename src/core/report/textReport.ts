import type { Finding } from '../model/finding';
import type { Severity } from '../model/severity';
import { oneLine } from './escape';
import {
  branchNote,
  errorPlace,
  fixHintOf,
  groupFindings,
  liveHeading,
  plural,
  position,
  rulesById,
  sortErrors,
  summarize,
  type ScanResult,
  type Summary,
} from './scanResult';

export interface TextOptions {
  /** ANSI colours; the caller decides (TTY, NO_COLOR, --color). Off by default. */
  color?: boolean;
}

const ANSI = {
  bold: '\u001b[1m',
  dim: '\u001b[2m',
  underline: '\u001b[4m',
  red: '\u001b[31m',
  yellow: '\u001b[33m',
  blue: '\u001b[34m',
  green: '\u001b[32m',
  cyan: '\u001b[36m',
  reset: '\u001b[0m',
} as const;

const SEVERITY_COLOR: Record<Severity, keyof typeof ANSI> = { error: 'red', warning: 'yellow', info: 'blue' };
const SEVERITY_WIDTH = 'warning'.length;

function painter(opts: TextOptions): Paint {
  return (style, s) => (opts.color ? `${ANSI[style]}${s}${ANSI.reset}` : s);
}

/**
 * Human-readable report in the style of ESLint's stylish formatter: findings grouped by file and
 * sorted by line, each followed by its fix hint; then scan errors and notices; then one summary line.
 * A scan that could not read or parse something says so first and last: its "no problems" is partial.
 */
export function toText(r: ScanResult, opts: TextOptions = {}): string {
  const paint = painter(opts);
  const rules = rulesById(r.rules);
  const summary = summarize(r);
  const out: string[] = [];
  if (summary.incomplete) out.push(paint('red', `⚠ ${incompleteText(r)} (see "Scan errors"): the results below do not cover what is in them.`), '');

  for (const group of groupFindings(r.findings)) {
    const heading = group.live ? liveHeading(group.findings[0]) : group.key;
    out.push(paint('underline', oneLine(heading)));
    const posWidth = Math.max(...group.findings.map((f) => position(f).length));
    for (const f of group.findings) {
      out.push(findingLine(f, posWidth, paint));
      const hint = fixHintOf(f, rules.get(f.ruleId));
      if (hint && !f.suppressed) out.push(`    ${paint('cyan', '↳ fix:')} ${oneLine(hint)}`);
    }
    out.push('');
  }

  if (r.errors.length > 0) {
    out.push(paint('bold', 'Scan errors:'));
    for (const e of sortErrors(r.errors)) {
      out.push(`  ${oneLine(errorPlace(e))}  ${paint('red', 'error')}  ${oneLine(e.message)}`);
    }
    out.push('');
  }

  if (r.notices?.length) {
    out.push(paint('bold', 'Not analysed:'));
    for (const n of [...r.notices].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))) out.push(`  ${oneLine(n.file)}  ${paint('yellow', 'notice')}  ${oneLine(n.message)}`);
    out.push('');
  }

  out.push(summaryLine(summary, opts));
  return out.join('\n') + '\n';
}

/** `scan incomplete: 2 files could not be analysed` */
function incompleteText(r: ScanResult): string {
  const files = new Set(r.errors.map((e) => e.file)).size;
  return `Scan incomplete: ${plural(files, 'file')} could not be analysed`;
}

type Paint = (style: keyof typeof ANSI, s: string) => string;

function findingLine(f: Finding, posWidth: number, paint: Paint): string {
  const pos = position(f).padEnd(posWidth);
  const sev = f.severity.padEnd(SEVERITY_WIDTH);
  const resource = f.resource ? ` [${oneLine(f.resource)}]` : '';
  const note = branchNote(f);
  const branch = note ? ` (when ${oneLine(note)})` : '';
  const text = `${oneLine(f.message)}${resource}${branch}`;
  if (f.suppressed) {
    const reason = oneLine(f.suppression?.reason ?? '') || 'no reason given';
    // The whole line is dimmed: still visible for review, but clearly not a problem.
    return paint('dim', `  ${pos}  ${sev}  ${f.ruleId}  ${text} (suppressed: ${reason})`);
  }
  return `  ${paint('dim', pos)}  ${paint(SEVERITY_COLOR[f.severity], sev)}  ${f.ruleId}  ${text}`;
}

/**
 * The one-line summary that ends the text report (and that the CLI prints on stderr for other formats):
 * never a green tick when something could not be analysed.
 */
export function summaryLine(s: Summary, opts: TextOptions = {}): string {
  const paint = painter(opts);
  const counts = `${plural(s.bySeverity.error, 'error')}, ${plural(s.bySeverity.warning, 'warning')}, ${s.bySeverity.info} info`;
  const parts: string[] = [];
  if (s.incomplete) parts.push(paint('red', `⚠ scan incomplete (${plural(s.errors, 'scan error')})`));
  if (s.problems > 0) parts.push(paint(s.bySeverity.error > 0 ? 'red' : 'yellow', `✖ ${plural(s.problems, 'problem')} (${counts})`));
  else if (s.incomplete) parts.push(`no problems in what was analysed (${counts})`);
  // Nothing analysed is not "all clear": say what happened instead of a tick.
  else if (s.filesScanned === 0) parts.push(paint('yellow', `no template or CDK source found (${counts})`));
  else parts.push(paint('green', `✔ no problems (${counts})`));
  if (s.suppressed > 0) parts.push(`${s.suppressed} suppressed`);
  if (s.notices > 0) parts.push(paint('yellow', `${plural(s.notices, 'file')} not analysed (not a template)`));
  parts.push(`${plural(s.filesScanned, 'file')} scanned`);
  return parts.join(' · ');
}
