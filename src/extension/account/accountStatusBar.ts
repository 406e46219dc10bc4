import * as vscode from 'vscode';
import type { AccountSession } from './accountSession';

/** Status bar item with the open account and its regions; a click focuses the Functions view. */
export class AccountStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('lambdaGuard.account', vscode.StatusBarAlignment.Left, 49);
  private readonly sub: vscode.Disposable;

  constructor(private readonly session: AccountSession) {
    this.item.name = 'Lambda Guard: AWS account';
    this.item.command = 'lambdaGuard.functions.focus';
    this.sub = session.onDidChange(() => this.update());
    this.update();
  }

  private update(): void {
    const v = this.session.current;
    if (v.state === 'empty') {
      this.item.hide();
      return;
    }
    const s = v.snapshot;
    const account = s ? (s.account.alias ? `${s.account.alias} (${s.account.id})` : s.account.id) : v.label ?? '';
    const regions = s?.regions ?? [];
    const where = regions.length > 2 ? `${regions.length} regions` : regions.join(', ');
    const icon = v.state === 'loading' ? '$(sync~spin)' : v.state === 'failed' ? '$(warning)' : s?.source.kind === 'aws' ? '$(cloud)' : '$(archive)';
    this.item.text = `${icon} ${account}${where ? ` · ${where}` : ''}`;
    const origin = s?.source.kind === 'demo' ? 'the embedded demo account' : s?.source.kind === 'snapshot' ? `snapshot ${s.source.file ?? ''}` : v.label ?? '';
    this.item.tooltip = v.state === 'failed' ? `Lambda Guard: ${v.failure?.message ?? 'the audit failed'}` : `Lambda Guard: ${origin}${s ? `, collected ${new Date(s.collectedAt).toLocaleString()}` : ''}. Click to show the Functions view.`;
    this.item.accessibilityInformation = { label: `Lambda Guard account ${account} ${where}` };
    this.item.show();
  }

  dispose(): void {
    this.sub.dispose();
    this.item.dispose();
  }
}
