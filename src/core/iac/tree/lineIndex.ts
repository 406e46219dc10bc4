import type { SourceRange } from '../../model/sourceRange';

/** Maps string offsets to 1-based line/column (UTF-16 code units, as editors count). */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) {
      if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
    }
  }

  pos(offset: number): { line: number; col: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, col: offset - this.starts[lo] + 1 };
  }

  range(start: number, end: number): SourceRange {
    const a = this.pos(start);
    const b = this.pos(Math.max(start, end));
    return { startLine: a.line, startColumn: a.col, endLine: b.line, endColumn: b.col };
  }

  get lineCount(): number {
    return this.starts.length;
  }

  lineStart(line: number): number {
    return this.starts[line - 1] ?? 0;
  }
}
