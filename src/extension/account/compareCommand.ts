import * as vscode from 'vscode';
import { auditSnapshotAsync } from '../../core/audit/auditAsync';
import { compareSnapshots, type SnapshotComparison } from '../../core/audit/compareSnapshots';
import { comparisonText } from '../../core/audit/comparisonText';
import { snapshotFromJson } from '../../core/inventory/snapshot/snapshotFile';
import { ALL_RULES } from '../../core/rules/registry';
import type { AccountSession } from './accountSession';

/** Compare with Snapshot…: what changed between a saved snapshot and the open account, as a Markdown preview. */
export async function compareWithSnapshot(session: AccountSession, uri?: vscode.Uri): Promise<SnapshotComparison | undefined> {
  const now = session.current;
  if (!now.snapshot || !now.audit) {
    void vscode.window.showInformationMessage('Lambda Guard: audit an account (or open the demo account) first, then compare it with a snapshot.');
    return undefined;
  }
  const file = uri ?? (await vscode.window.showOpenDialog({ canSelectMany: false, filters: { 'Lambda Guard snapshot': ['json'] }, title: 'Compare with a Lambda Guard snapshot' }))?.[0];
  if (!file) return undefined;
  try {
    const before = snapshotFromJson(new TextDecoder().decode(await vscode.workspace.fs.readFile(file)), vscode.workspace.asRelativePath(file));
    before.source = { ...before.source, file: vscode.workspace.asRelativePath(file) };
    const rules = ALL_RULES.map((r) => r.meta);
    const old = await auditSnapshotAsync(before, rules);
    const c = compareSnapshots(before, now.snapshot, old.findings, now.audit.findings);
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: comparisonText(c, true) });
    await vscode.window.showTextDocument(doc, { preview: true });
    void vscode.commands.executeCommand('markdown.showPreview', doc.uri);
    return c;
  } catch (e) {
    void vscode.window.showErrorMessage(`Lambda Guard: ${(e as Error).message}`);
    return undefined;
  }
}
