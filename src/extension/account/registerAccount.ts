import * as vscode from 'vscode';
import type { FunctionAccess } from '../../core/access/accessModel';
import { analyzeAccess } from '../../core/access/analyzeAccess';
import { buildSourceIndex } from '../../core/audit/buildSourceIndex';
import type { AccountSnapshot } from '../../core/inventory/accountModel';
import { analyzeOptions, readSettings } from '../config/settings';
import { FunctionsTreeProvider } from '../tree/functionsTree';
import { registerAccountCommands } from './accountCommands';
import { AccountSession } from './accountSession';
import { readAwsSettings } from './accountSettings';
import { AccountStatusBar } from './accountStatusBar';
import { describeFailure } from './awsLoader';
import { DeployedFunctionHover } from './deployedHover';
import { LiveDocuments } from './liveDocuments';
import { MonitorSession } from './monitorSession';
import { recordAudit, remindOverdue } from './reauditReminder';

/** The deployed-account half of the extension: session, Functions view, live documents, status bar, commands. */
export function registerAccount(context: vscode.ExtensionContext): { session: AccountSession; monitor: MonitorSession; tree: FunctionsTreeProvider } {
  const session = new AccountSession({
    analyzeOptions: () => analyzeOptions(readSettings()),
    analyzeAccess: (s: AccountSnapshot): ReadonlyMap<string, FunctionAccess> => analyzeAccess(s),
    sourceIndex: async () => {
      const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
      return folder?.scheme === 'file' ? buildSourceIndex(folder.fsPath, folder.fsPath) : undefined;
    },
    describeError: (e) => describeFailure(e, readAwsSettings().profile, readAwsSettings().endpoint),
  });
  const monitor = new MonitorSession(session, context.workspaceState);
  const tree = new FunctionsTreeProvider(session, monitor);
  const view = vscode.window.createTreeView('lambdaGuard.functions', { treeDataProvider: tree, showCollapseAll: true });
  const liveDocs = new LiveDocuments(session);
  const reveal = async (arn: string): Promise<void> => {
    const node = tree.functionNode(arn);
    if (node) await view.reveal(node, { select: true, focus: true, expand: true });
  };
  let recorded: unknown;
  context.subscriptions.push(
    session,
    monitor,
    tree,
    view.onDidChangeVisibility((e) => monitor.setVisible(e.visible)),
    vscode.languages.registerHoverProvider([{ language: 'yaml', scheme: 'file' }, { language: 'json', scheme: 'file' }], new DeployedFunctionHover(session)),
    vscode.commands.registerCommand('lambdaGuard.refreshActivity', () => monitor.run()),
    vscode.commands.registerCommand('lambdaGuard.resetBaselines', () => monitor.resetBaselines()),
    view,
    liveDocs,
    new AccountStatusBar(session),
    session.onDidChange(() => {
      const v = session.current;
      view.badge = v.audit ? badge(v.audit.findings.filter((f) => !f.suppressed && f.severity === 'error').length) : undefined;
      view.message = v.state === 'ready' && v.snapshot ? `${v.snapshot.source.kind === 'demo' ? 'Demo account' : v.label} · ${v.functions.length} functions` : undefined;
      void vscode.commands.executeCommand('setContext', 'lambdaGuard.accountOpen', v.state !== 'empty');
      if (v.state === 'ready' && v.snapshot && v.audit !== recorded) {
        recorded = v.audit;
        void recordAudit(context.globalState, v.snapshot);
      }
    }),
    ...registerAccountCommands({ session, liveDocs, reveal }),
  );
  setTimeout(() => void remindOverdue(context.globalState, readAwsSettings().reauditReminderDays), 5000);
  monitor.setVisible(view.visible);
  if (vscode.workspace.getConfiguration('lambdaGuard.account').get('openOnStartup') === 'demo') {
    setTimeout(() => void vscode.commands.executeCommand('lambdaGuard.openDemoAccount'), 0);
  }
  return { session, monitor, tree };
}

function badge(errors: number): vscode.ViewBadge | undefined {
  return errors ? { value: errors, tooltip: `${errors} error finding${errors === 1 ? '' : 's'} on deployed functions` } : undefined;
}
