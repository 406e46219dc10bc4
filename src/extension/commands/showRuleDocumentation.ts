import * as vscode from 'vscode';
import { ALL_RULES, ruleById } from '../../core/rules/registry';
import { ruleMarkdown } from '../../core/hover/ruleMarkdown';
import { shippedRulePage } from '../ruleDocs';

/**
 * Opens a rule's documentation page as a Markdown preview: the page shipped in the extension
 * (docs/rules/<id>.md), or — for a rule whose page is not written yet — one made from its metadata.
 * Returns the URI of the opened document.
 */
export async function showRuleDocumentation(extensionUri: vscode.Uri, ruleId?: string): Promise<vscode.Uri | undefined> {
  ruleId ??= await pickRule();
  const rule = ruleId ? ruleById(ruleId.toUpperCase()) : undefined;
  if (!rule) {
    if (ruleId) void vscode.window.showWarningMessage(`Lambda Guard: unknown rule ${ruleId}`);
    return undefined;
  }
  let uri = shippedRulePage(extensionUri, rule.meta.id);
  try {
    await vscode.workspace.fs.stat(uri);
  } catch {
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: ruleMarkdown(rule.meta) });
    uri = doc.uri;
  }
  await vscode.commands.executeCommand('markdown.showPreview', uri);
  return uri;
}

async function pickRule(): Promise<string | undefined> {
  const pick = await vscode.window.showQuickPick(
    ALL_RULES.map((r) => ({ label: r.meta.id, description: r.meta.title, detail: r.meta.fixHint })),
    { title: 'Lambda Guard: rule documentation', matchOnDescription: true },
  );
  return pick?.label;
}
