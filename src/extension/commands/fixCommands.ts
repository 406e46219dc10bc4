import * as vscode from 'vscode';
import { ACCESS_LEVELS } from '../../core/fixes/collectionFixes';
import type { SuppressionKind } from '../../core/fixes/suppressionFixes';
import type { Finding } from '../../core/model/finding';
import type { AccessLevel } from '../../core/iam/catalog';
import type { Analyzer } from '../analysis/analyzer';
import { analyzeOptions, type LgSettings } from '../config/settings';
import type { FindingsStore } from '../findings/findingsStore';
import { applyFix } from '../codeActions/applyFix';
import { findingsAt } from '../codeActions/findingAt';

/** A finding and its file, as tree nodes and code actions pass them. */
export interface FindingRef {
  uri: vscode.Uri;
  finding: Finding;
}

function isRef(x: unknown): x is FindingRef {
  return !!x && typeof x === 'object' && 'uri' in x && 'finding' in x;
}

export class FixCommands {
  constructor(
    private readonly store: FindingsStore,
    private readonly settings: () => LgSettings,
    private readonly analyzer: Analyzer,
  ) {}

  /** Narrows a wildcard to the actions of the access levels picked (or given). */
  async narrowWildcard(uri: vscode.Uri, finding: Finding, levels?: AccessLevel[]): Promise<boolean> {
    levels ??= await pickLevels(String(finding.fix?.pattern ?? ''));
    if (!levels?.length) return false;
    const doc = await vscode.workspace.openTextDocument(uri);
    const report = this.store.get(uri);
    const version = doc.version;
    const req = { text: doc.getText(), file: report?.file ?? uri.path, finding, opts: analyzeOptions(this.settings()), errorsBefore: report?.errors.length };
    const fix = await this.analyzer.fixes({ type: 'narrow', req, levels });
    // Offsets are into the text the fix was computed for.
    if (doc.version !== version) return false;
    if (!fix) {
      void vscode.window.showWarningMessage(`Lambda Guard: no ${levels.join(' / ')} actions match '${String(finding.fix?.pattern)}', or the change cannot be written safely here.`);
      return false;
    }
    return applyFix(doc, fix);
  }

  /** Suppresses a finding with a comment or a Metadata entry, asking for what is not given. */
  async suppress(target?: unknown, kind?: SuppressionKind, reason?: string): Promise<boolean> {
    const ref = isRef(target) ? target : await this.pickFindingAtCursor();
    if (!ref) return false;
    const doc = await vscode.workspace.openTextDocument(ref.uri);
    kind ??= await pickKind(doc, ref.finding);
    if (!kind) return false;
    reason ??= await vscode.window.showInputBox({
      title: `Suppress ${ref.finding.ruleId}`,
      prompt: 'Why is this finding acceptable? The reason is kept next to the suppression.',
      placeHolder: 'e.g. the URL is protected by a signed CloudFront origin',
      validateInput: (v) => (v.trim() ? undefined : 'A reason is required'),
    });
    if (!reason?.trim()) return false;
    const report = this.store.get(ref.uri);
    const version = doc.version;
    const req = { text: doc.getText(), file: report?.file ?? ref.uri.path, finding: ref.finding, opts: analyzeOptions(this.settings()), errorsBefore: report?.errors.length };
    const fix = await this.analyzer.fixes({ type: 'suppress', req, reason, kind });
    if (doc.version !== version) return false;
    if (!fix) {
      void vscode.window.showWarningMessage(`Lambda Guard: cannot add a suppression for ${ref.finding.ruleId} here safely.`);
      return false;
    }
    await vscode.window.showTextDocument(doc, { preview: false });
    return applyFix(doc, fix);
  }

  private async pickFindingAtCursor(): Promise<FindingRef | undefined> {
    const editor = vscode.window.activeTextEditor;
    if (!editor) return undefined;
    const report = this.store.get(editor.document.uri);
    let list = findingsAt(report, editor.selection.active);
    if (list.length === 0) list = report?.findings.filter((f) => !f.suppressed && f.location) ?? [];
    if (list.length === 0) {
      void vscode.window.showInformationMessage('Lambda Guard: no finding in this file.');
      return undefined;
    }
    if (list.length === 1) return { uri: editor.document.uri, finding: list[0] };
    const pick = await vscode.window.showQuickPick(
      list.map((f) => ({ label: `${f.ruleId} · Ln ${f.location!.startLine}`, detail: f.message, f })),
      { title: 'Lambda Guard: finding to suppress', matchOnDetail: true },
    );
    return pick && { uri: editor.document.uri, finding: pick.f };
  }
}

async function pickLevels(pattern: string): Promise<AccessLevel[] | undefined> {
  const picks = await vscode.window.showQuickPick(
    ACCESS_LEVELS.map((l) => ({ label: l, picked: l === 'Read' || l === 'List' })),
    { title: `Narrow '${pattern}': keep the actions of these access levels`, canPickMany: true },
  );
  return picks?.map((p) => p.label as AccessLevel);
}

async function pickKind(doc: vscode.TextDocument, f: Finding): Promise<SuppressionKind | undefined> {
  const json = doc.languageId === 'json' || doc.languageId === 'jsonc';
  const ts = doc.languageId === 'typescript';
  if (json) return 'metadata';
  if (ts || !f.resource) return 'comment';
  const pick = await vscode.window.showQuickPick(
    [
      { label: 'Comment above the line', suppression: 'comment' as const, detail: `# lambda-guard-ignore ${f.ruleId}: <reason>` },
      { label: `Metadata of ${f.resource}`, suppression: 'metadata' as const, detail: 'Metadata: lambda-guard: ignore: [{ id, reason }]' },
    ],
    { title: `Suppress ${f.ruleId}` },
  );
  return pick?.suppression;
}

