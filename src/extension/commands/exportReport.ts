import * as vscode from 'vscode';
import type { ScanResult } from '../../core/report/scanResult';
import { ALL_RULES } from '../../core/rules/registry';
import { TOOL_VERSION } from '../../core/version';
import type { FindingsStore } from '../findings/findingsStore';

export type ReportFormat = 'sarif' | 'json' | 'markdown' | 'html';

const FORMATS: { format: ReportFormat; label: string; ext: string; filter: string }[] = [
  { format: 'sarif', label: 'SARIF 2.1.0', ext: 'sarif', filter: 'SARIF' },
  { format: 'json', label: 'JSON (lambda-guard scan --format json)', ext: 'json', filter: 'JSON' },
  { format: 'markdown', label: 'Markdown', ext: 'md', filter: 'Markdown' },
  { format: 'html', label: 'HTML (standalone page)', ext: 'html', filter: 'HTML' },
];

/** The workspace scan as the report writers take it. */
function scanResultOf(store: FindingsStore, filesScanned: number): ScanResult {
  const reports = store.all();
  return {
    findings: reports.flatMap((r) => r.findings),
    errors: reports.flatMap((r) => r.errors),
    rules: ALL_RULES.map((r) => r.meta),
    filesScanned,
    toolVersion: TOOL_VERSION,
  };
}

/** Report writers are loaded on first export only. */
function renderReport(format: ReportFormat, result: ScanResult): string {
  /* eslint-disable @typescript-eslint/no-require-imports */
  switch (format) {
    case 'sarif':
      return (require('../../core/report/sarifReport') as typeof import('../../core/report/sarifReport')).sarifText(result);
    case 'json':
      return (require('../../core/report/jsonReport') as typeof import('../../core/report/jsonReport')).toJson(result);
    case 'markdown':
      return (require('../../core/report/markdownReport') as typeof import('../../core/report/markdownReport')).toMarkdown(result);
    case 'html':
      return (require('../../core/report/htmlReport') as typeof import('../../core/report/htmlReport')).toHtml(result);
  }
  /* eslint-enable @typescript-eslint/no-require-imports */
}

/**
 * Exports the workspace scan. Format and target come from the arguments (tests, keybindings) or
 * from a quick pick and a save dialog. Returns the written file.
 */
export async function exportReport(
  scan: () => Promise<{ files: number; cancelled: boolean }>,
  store: FindingsStore,
  format?: ReportFormat,
  target?: vscode.Uri,
): Promise<vscode.Uri | undefined> {
  const spec = format ? FORMATS.find((f) => f.format === format) : await pickFormat();
  if (!spec) return undefined;
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  target ??= await vscode.window.showSaveDialog({
    title: 'Lambda Guard: export report',
    defaultUri: folder ? vscode.Uri.joinPath(folder, `lambda-guard-report.${spec.ext}`) : undefined,
    filters: { [spec.filter]: [spec.ext] },
  });
  if (!target) return undefined;
  const summary = await scan();
  if (summary.cancelled) return undefined;
  const text = renderReport(spec.format, scanResultOf(store, summary.files));
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
  void vscode.window.showInformationMessage(`Lambda Guard: report saved to ${vscode.workspace.asRelativePath(target)}`, 'Open').then((a) => {
    if (a === 'Open') void vscode.commands.executeCommand('vscode.open', target);
  });
  return target;
}

async function pickFormat(): Promise<(typeof FORMATS)[number] | undefined> {
  const pick = await vscode.window.showQuickPick(
    FORMATS.map((f) => ({ label: f.label, spec: f })),
    { title: 'Lambda Guard: report format' },
  );
  return pick?.spec;
}
