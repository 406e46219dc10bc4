import type { Severity } from './severity';
import type { SourceLocation, SourceRange } from './sourceRange';

/** Machine-readable data a quick fix needs; `kind` names the fix. */
export interface FixData {
  kind: string;
  [key: string]: unknown;
}

/**
 * Advice that fits one finding better than its rule's general text: a data read is not a credential
 * exposure, a Lambda permission is pinned differently from a trust policy. Reports, hovers and fix hints
 * prefer it over the rule's `description` / `fixHint`.
 */
export interface Advice {
  why?: string;
  fix?: string;
}

export interface RelatedInfo {
  message: string;
  location: SourceLocation;
}

/** What a rule reports, before the engine adds the file, severity overrides and suppressions. */
export interface RawFinding {
  ruleId: string;
  message: string;
  range: SourceRange;
  resource?: string;
  /** Overrides the rule's default severity for this finding (e.g. LG001 `*` is an error). */
  severity?: Severity;
  /** Which `!If` branch produced the finding. */
  branch?: string;
  related?: { message: string; range: SourceRange }[];
  fix?: FixData;
  advice?: Advice;
}

export interface FindingTarget {
  arn: string;
  functionName?: string;
  region?: string;
}

/** Where a live finding sits in the function's live configuration document (see core/audit/liveTemplate). */
export interface LiveLocation extends SourceRange {
  /** The live document's name, e.g. `us-east-1/orders-api.json`. */
  document: string;
}

/** A finding as reported (JSON contract in ARCHITECTURE.md). */
export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  location?: SourceLocation;
  target?: FindingTarget;
  /** Live findings: the range in the function's live configuration document. */
  live?: LiveLocation;
  resource?: string;
  suppressed: boolean;
  suppression?: { kind: 'comment' | 'metadata'; reason: string };
  branch?: string;
  related?: RelatedInfo[];
  fix?: FixData;
  advice?: Advice;
}

/**
 * Something the user should know that is not a failure: a file named explicitly that Lambda Guard does not
 * analyse (not a template, a FIFO, a link out of the scanned folder), or — with `line` — a part of a file
 * analysed in a bounded way (too many `!If` combinations judged together).
 */
export interface ScanNotice {
  file: string;
  message: string;
  /** 1-based line of the bounded part; absent for a file not analysed at all. */
  line?: number;
}

/** A file that could not be read or parsed. */
export interface ScanError {
  file: string;
  line?: number;
  column?: number;
  message: string;
}
