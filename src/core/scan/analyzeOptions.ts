import type { Severity } from '../model/severity';

export interface AnalyzeOptions {
  /** Rule ids that do not run. */
  disabledRules?: string[];
  /** Severity per rule id, replacing the rule's own. */
  severityOverrides?: Record<string, Severity>;
  /** Files larger than this (bytes) become an error instead of being analysed. */
  maxFileSize?: number;
  /**
   * Reads a sibling file (CDK constant imports); absent in contexts that may not touch the disk. The
   * path is absolute, or relative to the same base as the analysed file's name.
   */
  readSibling?: (path: string) => string | undefined;
  /** Re-use the parse of unchanged template parts from earlier calls (editors re-analysing on each edit). */
  incremental?: boolean;
}

export const DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024;
