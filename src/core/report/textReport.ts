import type { Finding } from '../model/finding';
import type { Severity } from '../model/severity';
import { oneLine } from './escape';
import {
  branchNote,
  errorPlace,
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

/**
 * Human-readable report in the style of ESLint's stylish formatter: findings grouped by file and
 * sorted by line, each followed by its rule's fix hint; then scan errors; then one summary line.
 */
export function toText(r: ScanResult, opts: TextOptions = {}): string {
  const paint = (style: keyof typeof ANSI, s: string): string =>
    opts.color ? `${ANSI[style]}${s}${ANSI.reset}` : s;
  const rules = rulesById(r.rules);
  const out: string[] = [];

  for (const group of groupFindings(r.findings)) {
    const heading = group.live ? liveHeading(group.findings[0]) : group.key;
    out.push(paint('underline', oneLine(heading)));
    const posWidth = Math.max(...group.findings.map((f) => position(f).length));
    for (const f of group.findings) {
      out.push(findingLine(f, posWidth, paint));
      const hint = rules.get(f.ruleId)?.fixHint;
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

  out.push(summaryLine(summarize(r), paint));
  return out.join('\n') + '\n';
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

function summaryLine(s: Summary, paint: Paint): string {
  const counts = `${plural(s.bySeverity.error, 'error')}, ${plural(s.bySeverity.warning, 'warning')}, ${s.bySeverity.info} info`;
  const head =
    s.problems > 0
      ? paint(s.bySeverity.error > 0 ? 'red' : 'yellow', `✖ ${plural(s.problems, 'problem')} (${counts})`)
      : paint('green', `✔ no problems (${counts})`);
  const parts = [head];
  if (s.suppressed > 0) parts.push(`${s.suppressed} suppressed`);
  if (s.errors > 0) parts.push(paint('red', plural(s.errors, 'scan error')));
  parts.push(`${plural(s.filesScanned, 'file')} scanned`);
  return parts.join(' · ');
}
