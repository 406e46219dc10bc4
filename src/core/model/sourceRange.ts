/**
 * A range in a source file. Lines and columns are 1-based; `endColumn` is exclusive
 * (the column of the character after the last one), as in SARIF.
 */
export interface SourceRange {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

/** A range in a named file; `file` is relative to the scan's working directory when reported. */
export interface SourceLocation extends SourceRange {
  file: string;
}

export function rangesEqual(a: SourceRange, b: SourceRange): boolean {
  return (
    a.startLine === b.startLine &&
    a.startColumn === b.startColumn &&
    a.endLine === b.endLine &&
    a.endColumn === b.endColumn
  );
}

