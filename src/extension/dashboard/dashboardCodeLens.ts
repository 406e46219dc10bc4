import * as path from 'node:path';
import * as vscode from 'vscode';
import type { DashboardData } from './dashboardData';

/**
 * "Open dashboard" above a template resource that the open account's audit linked to a deployed
 * function (its CloudFormation tags name the stack resource: `functions[].source {file, line}`). Files
 * are relative to the first workspace folder, as the audit's source index writes them.
 */
export class DashboardCodeLens implements vscode.CodeLensProvider {
  readonly onDidChangeCodeLenses: vscode.Event<void>;

  constructor(private readonly data: DashboardData) {
    this.onDidChangeCodeLenses = data.onDidChange;
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? '';
    const lenses: vscode.CodeLens[] = [];
    for (const fn of this.data.auditFunctions?.() ?? []) {
      if (!fn.source) continue;
      const file = path.isAbsolute(fn.source.file) ? fn.source.file : path.join(folder, fn.source.file);
      if (path.normalize(file) !== path.normalize(document.uri.fsPath)) continue;
      const line = Math.min(Math.max(0, fn.source.line - 1), Math.max(0, document.lineCount - 1));
      lenses.push(
        new vscode.CodeLens(new vscode.Range(line, 0, line, 0), {
          title: `Open dashboard (${fn.name}, ${fn.region})`,
          tooltip: `Invocations, alerts and network activity of the deployed function ${fn.arn}`,
          command: 'lambdaGuard.openDashboard',
          arguments: [fn.arn],
        }),
      );
    }
    return lenses;
  }
}
