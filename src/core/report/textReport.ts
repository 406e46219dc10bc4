import type { Finding } from '../model/finding';
import type { Severity } from '../model/severity';
import { joinChunks } from './chunks';
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
  splitNotices,
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
 * Produced line by line (textChunks) so that any number of findings can be written.
 */
export function* textChunks(r: ScanResult, opts: TextOptions = {}): Generator<string> {
  const paint = painter(opts);
  const rules = rulesById(r.rules);
  const summary = summarize(r);
  if (summary.incomplete) yield `${paint('red', `⚠ ${incompleteText(r)} (see "Scan errors"): the results below do not cover what is in them.`)}\n\n`;

  for (const group of groupFindings(r.findings)) {
    const heading = group.live ? liveHeading(group.findings[0]) : group.key;
    yield `${paint('underline', oneLine(heading))}\n`;
    let posWidth = 0;
    for (const f of group.findings) posWidth = Math.max(posWidth, position(f).length);
    for (const f of group.findings) {
      yield `${findingLine(f, posWidth, paint)}\n`;
      const hint = fixHintOf(f, rules.get(f.ruleId));
      if (hint && !f.suppressed) yield `    ${paint('cyan', '↳ fix:')} ${oneLine(hint)}\n`;
    }
    yield '\n';
  }

  if (r.errors.length > 0) {
    yield `${paint('bold', 'Scan errors:')}\n`;
    for (const e of sortErrors(r.errors)) yield `  ${oneLine(errorPlace(e))}  ${paint('red', 'error')}  ${oneLine(e.message)}\n`;
    yield '\n';
  }

  const [notAnalysed, bounded] = splitNotices(r.notices);
  if (notAnalysed.length) {
    yield `${paint('bold', 'Not analysed:')}\n`;
    for (const n of notAnalysed) yield `  ${oneLine(n.file)}  ${paint('yellow', 'notice')}  ${oneLine(n.message)}\n`;
    yield '\n';
  }
  if (bounded.length) {
    yield `${paint('bold', 'Notices:')}\n`;
    for (const n of bounded) yield `  ${oneLine(`${n.file}:${n.line}`)}  ${paint('yellow', 'notice')}  ${oneLine(n.message)}\n`;
    yield '\n';
  }

  yield `${summaryLine(summary, opts)}\n`;
}

export function toText(r: ScanResult, opts: TextOptions = {}): string {
  return joinChunks(textChunks(r, opts));
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
  if (s.notAnalysed > 0) parts.push(paint('yellow', `${plural(s.notAnalysed, 'file')} not analysed${s.onlyNonTemplates ? ' (not a template)' : ''}`));
  if (s.notices > s.notAnalysed) parts.push(paint('yellow', plural(s.notices - s.notAnalysed, 'notice')));
  parts.push(`${plural(s.filesScanned, 'file')} scanned${s.filesSkipped ? `, ${s.filesSkipped} skipped (not templates)` : ''}`);
  return parts.join(' · ');
}
