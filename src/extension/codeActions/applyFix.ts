import * as vscode from 'vscode';
import type { Fix } from '../../core/fixes/fixTypes';

/** The fix as a workspace edit on the document (offsets are into the document's current text). */
export function fixEdit(doc: vscode.TextDocument, fix: Fix): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  for (const e of fix.edits) edit.replace(doc.uri, new vscode.Range(doc.positionAt(e.start), doc.positionAt(e.end)), e.newText);
  return edit;
}

/** Command that selects the placeholder a fix inserted, once the edit is applied. */
export const SELECT_COMMAND = 'lambdaGuard.selectPlaceholder';

export function selectCommand(doc: vscode.TextDocument, fix: Fix): vscode.Command | undefined {
  if (!fix.select) return undefined;
  return { title: 'Select placeholder', command: SELECT_COMMAND, arguments: [doc.uri, fix.select.start, fix.select.end] };
}

export async function selectPlaceholder(uri: vscode.Uri, start: number, end: number): Promise<void> {
  const doc = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(doc, { preserveFocus: false });
  const range = new vscode.Range(doc.positionAt(start), doc.positionAt(end));
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

/** Applies a fix and selects its placeholder; returns whether the edit went through. */
export async function applyFix(doc: vscode.TextDocument, fix: Fix): Promise<boolean> {
  const ok = await vscode.workspace.applyEdit(fixEdit(doc, fix));
  if (ok && fix.select) await selectPlaceholder(doc.uri, fix.select.start, fix.select.end);
  return ok;
}
