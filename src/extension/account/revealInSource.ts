import * as path from 'node:path';
import * as vscode from 'vscode';
import type { AccountSession } from './accountSession';

/** Opens the template line a deployed function was created from (linked by its CloudFormation tags). */
export async function revealInSource(session: AccountSession, arn: string): Promise<vscode.TextEditor | undefined> {
  const fn = session.current.audit?.functions.find((f) => f.arn === arn);
  if (!fn?.source) {
    const tagged = session.current.functions.find((f) => f.arn === arn)?.tags['aws:cloudformation:logical-id'];
    void vscode.window.showInformationMessage(
      tagged
        ? `Lambda Guard: no template in this workspace declares ${tagged} (the function's CloudFormation logical id).`
        : 'Lambda Guard: this function has no CloudFormation tags, so its template cannot be found.',
    );
    return undefined;
  }
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? '';
  const uri = vscode.Uri.file(path.isAbsolute(fn.source.file) ? fn.source.file : path.join(folder, fn.source.file));
  const editor = await vscode.window.showTextDocument(uri);
  const line = Math.max(0, fn.source.line - 1);
  const r = new vscode.Range(line, 0, line, editor.document.lineAt(line).text.length);
  editor.selection = new vscode.Selection(r.start, r.end);
  editor.revealRange(r, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}
