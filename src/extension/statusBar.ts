import * as vscode from 'vscode';
import type { FindingsStore } from './findings/findingsStore';

/** Status bar item with the workspace's finding counts; a click focuses the Findings view. */
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
    const spin = this.scanning ? '$(sync~spin) ' : '';
    this.item.text = total === 0 ? `${spin}$(shield) 0` : `${spin}$(shield) $(error) ${c.error} $(warning) ${c.warning}${c.info ? ` $(info) ${c.info}` : ''}`;
    this.item.tooltip = total === 0
      ? 'Lambda Guard: no findings'
      : `Lambda Guard: ${c.error} errors, ${c.warning} warnings, ${c.info} infos in ${c.files} file${c.files === 1 ? '' : 's'}. Click to show the findings.`;
    this.item.accessibilityInformation = { label: `Lambda Guard: ${c.error} errors, ${c.warning} warnings, ${c.info} infos` };
    void vscode.commands.executeCommand('setContext', 'lambdaGuard.hasFindings', total > 0);
  }

  dispose(): void {
    this.sub.dispose();
    this.item.dispose();
  }
}
