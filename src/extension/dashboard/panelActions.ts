import * as vscode from 'vscode';
import { ruleById } from '../../core/rules/registry';
import { shippedRulePage } from '../ruleDocs';

/** Writes an export where the user chooses (a save dialog in the workspace folder); null when cancelled. */
export async function saveExport(bytes: Uint8Array, name: string, kind: string): Promise<string | null> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const ext = name.slice(name.lastIndexOf('.') + 1);
  const target = await vscode.window.showSaveDialog({
    defaultUri: folder ? vscode.Uri.joinPath(folder, name) : undefined,
    filters: { [kind]: [ext] },
    saveLabel: `Save ${kind}`,
    title: `Lambda Guard: save the dashboard as ${kind}`,
  });
  if (!target) return null;
  await vscode.workspace.fs.writeFile(target, bytes);
  return target.fsPath;
}

/** A rule's page: static rules through their command (it renders a page for unwritten ones), runtime rules' shipped pages. */
export async function openRuleDoc(extensionUri: vscode.Uri, ruleId: unknown): Promise<void> {
  if (typeof ruleId !== 'string' || !/^LG\d{3}$/.test(ruleId)) return;
  if (ruleById(ruleId)) {
    await vscode.commands.executeCommand('lambdaGuard.showRuleDocumentation', ruleId);
    return;
  }
  await vscode.commands.executeCommand('markdown.showPreview', shippedRulePage(extensionUri, ruleId));
}
