import { atLeast, type Severity } from '../core/model/severity';
import type { ScanResult } from '../core/report/scanResult';

/** Exit statuses of every command; the README and each command's --help list them. */
export const EXIT = {
  /** Nothing reached --fail-on and everything named was analysed. */
  clean: 0,
  /** A finding reached --fail-on, or the scan was incomplete (a file could not be read or parsed). */
  failed: 1,
  /** Usage error: unknown command or option, bad value, a path that does not exist, an unknown rule id, an unwritable -o file. */
  usage: 2,
  /** Internal error: a bug in lambda-guard (the stack is printed). */
  internal: 3,
} as const;

export type FailOn = Severity | 'none';
export const FAIL_ON: readonly FailOn[] = ['error', 'warning', 'info', 'none'];

export const EXIT_STATUS_HELP = `Exit status:
  0  clean: no unsuppressed finding at or above --fail-on, and every file was analysed
  1  a finding reached --fail-on (default error), or the scan was incomplete: a file could not be
     read or parsed (listed under "Scan errors"); --fail-on none turns both off
  2  usage error: unknown command or option, bad value, a path that does not exist, an unknown
     rule id, an output file that cannot be written
  3  internal error (a bug: please report it with the printed stack)`;

/** 1 when a live finding reaches the threshold or the result is incomplete; `none` never fails. */
export function exitStatusFor(r: Pick<ScanResult, 'findings' | 'errors'>, failOn: FailOn): number {
  if (failOn === 'none') return EXIT.clean;
  const failing = r.errors.length > 0 || r.findings.some((f) => !f.suppressed && atLeast(f.severity, failOn));
  return failing ? EXIT.failed : EXIT.clean;
}
