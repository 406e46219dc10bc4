import * as vscode from 'vscode';
import type { SourceRange } from '../../core/model/sourceRange';

/** Core ranges are 1-based with an exclusive end column; VS Code positions are 0-based. */
export function toRange(r: SourceRange): vscode.Range {
  return new vscode.Range(r.startLine - 1, r.startColumn - 1, r.endLine - 1, Math.max(0, r.endColumn - 1));
}

