import * as vscode from 'vscode';
import type { FindingsStore } from './findings/findingsStore';

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * Status bar item with the workspace's finding counts; a click focuses the Findings view. It names itself
 * in words ("Lambda Guard: 1 error, 3 warnings") so it is never taken for VS Code's own problem counter,
 * which shows bare error and warning icons for every source.
 */
export class FindingsStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('lambdaGuard.status', vscode.StatusBarAlignment.Left, 50);
  private readonly sub: vscode.Disposable;
  private scanning = false;

  constructor(private readonly store: FindingsStore) {
    this.item.name = 'Lambda Guard';
    this.item.command = 'lambdaGuard.findings.focus';
    this.sub = store.onDidChange(() => this.update());
    this.update();
    this.item.show();
  }

  setScanning(on: boolean): void {
    this.scanning = on;
    this.update();
  }

  private update(): void {
    const c = this.store.counts();
    const total = c.error + c.warning + c.info;
    const parts = [c.error ? plural(c.error, 'error') : '', c.warning ? plural(c.warning, 'warning') : '', c.info ? `${c.info} info` : ''].filter(Boolean);
    const notAnalysed = c.notAnalysed ? ` · ${plural(c.notAnalysed, 'file')} not analysed` : '';
    this.item.text = `${this.scanning ? '$(sync~spin)' : '$(shield)'} Lambda Guard: ${parts.join(', ') || 'no findings'}${notAnalysed}`;
    const tooltip = new vscode.MarkdownString(
      `**Lambda Guard** — security findings in SAM, CloudFormation and CDK sources (its own count, apart from VS Code's Problems counter).\n\n` +
        `${plural(c.error, 'error')}, ${plural(c.warning, 'warning')}, ${c.info} info in ${plural(c.files, 'file')}` +
        `${c.notAnalysed ? `; ${plural(c.notAnalysed, 'file')} could not be analysed` : ''}${this.scanning ? '; scanning the workspace…' : ''}.\n\nClick to open the Findings view.`,
    );
    this.item.tooltip = tooltip;
    this.item.accessibilityInformation = { label: `Lambda Guard: ${c.error} errors, ${c.warning} warnings, ${c.info} infos${c.notAnalysed ? `, ${plural(c.notAnalysed, 'file')} not analysed` : ''}` };
    void vscode.commands.executeCommand('setContext', 'lambdaGuard.hasFindings', total > 0);
  }

  dispose(): void {
    this.sub.dispose();
    this.item.dispose();
  }
}
