import { LOAD_START } from './loadClock';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { registerAccount } from './account/registerAccount';
import { accountDashboardData } from './dashboard/accountDashboardData';
import { registerDashboard } from './dashboard/registerDashboard';
import { Analyzer } from './analysis/analyzer';
import type { LambdaGuardApi } from './api';
import { LgCodeActionProvider } from './codeActions/codeActionProvider';
import { FixCommands } from './commands/fixCommands';
import { registerCommands } from './commands/registerCommands';
import { readSettings, SECTION, type LgSettings } from './config/settings';
import { DiagnosticsPublisher } from './diagnostics/diagnosticsPublisher';
import { DocumentAnalyzer } from './diagnostics/documentAnalyzer';
import { FindingsStore } from './findings/findingsStore';
import { LgHoverProvider } from './hover/hoverProvider';
import { disposeLog } from './log';
import { FindingsStatusBar } from './statusBar';
import { FindingsTreeProvider } from './tree/findingsTree';
import { FileWatcher } from './workspace/fileWatcher';
import { WorkspaceScanner } from './workspace/workspaceScanner';
import { resolveFile } from './workspace/workspacePaths';

/** Module evaluation ends here: LOAD_START → LOADED is the cost of loading the bundle's code. */
const LOADED = performance.now();

const SELECTOR: vscode.DocumentSelector = ['yaml', 'json', 'jsonc', 'typescript'].flatMap((language) => [
  { language, scheme: 'file' },
  { language, scheme: 'untitled' },
]);

/** Composition root: wires the store, analysis, views and commands; heavy work starts after activation. */
export function activate(context: vscode.ExtensionContext): LambdaGuardApi {
  const activateStart = performance.now();
  let settings: LgSettings = readSettings();
  const getSettings = (): LgSettings => settings;
  const store = new FindingsStore();
  const workerScript = path.join(context.extensionPath, 'dist', 'analysisWorker.js');
  const analyzer = new Analyzer(existsSync(workerScript) ? workerScript : undefined);
  const docs = new DocumentAnalyzer(store, analyzer, getSettings, (uri) => void scanner.scanFile(uri));
  // A file open in an editor is analysed from the editor's text (it may be unsaved) and version.
  const viaEditor = async (uri: vscode.Uri): Promise<boolean> => {
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (!doc || !docs.isCandidate(doc)) return false;
    // Saving fires the file watcher: findings already for this version stay as they are (publishing them
    // again would make VS Code cancel a quick-fix request in flight). Settings changes re-run docs anyway.
    if (store.get(uri)?.version !== doc.version) await docs.analyzeNow(doc);
    return true;
  };
  const scanner = new WorkspaceScanner(store, analyzer, getSettings, viaEditor);
  const tree = new FindingsTreeProvider(store, context.workspaceState);
  const view = vscode.window.createTreeView('lambdaGuard.findings', { treeDataProvider: tree, showCollapseAll: true });
  const status = new FindingsStatusBar(store);
  const fixes = new FixCommands(store, getSettings, analyzer);

  context.subscriptions.push(
    store,
    { dispose: () => analyzer.dispose() },
    new DiagnosticsPublisher(store, resolveFile),
    docs,
    scanner,
    new FileWatcher(store, (uri) => scanner.scanFile(uri)),
    tree,
    view,
    status,
    store.onDidChange(() => {
      const c = store.counts();
      const n = c.error + c.warning + c.info;
      view.badge = n ? { value: n, tooltip: `${n} Lambda Guard finding${n === 1 ? '' : 's'}` } : undefined;
    }),
    scanner.onDidChangeRunning((on) => status.setScanning(on)),
    ...registerCommands({ extensionUri: context.extensionUri, store, scanner, docs, tree, fixes }),
    vscode.languages.registerCodeActionsProvider(SELECTOR, new LgCodeActionProvider((d) => docs.current(d), getSettings, resolveFile, analyzer), LgCodeActionProvider.metadata),
    vscode.languages.registerHoverProvider(SELECTOR, new LgHoverProvider((d) => docs.current(d), (d) => docs.modelFor(d))),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(SECTION)) refresh();
    }),
    // Trust brings the workspace's own values of the restricted settings into force.
    vscode.workspace.onDidGrantWorkspaceTrust(() => refresh()),
    // Last: what is disposed before it may still log.
    { dispose: disposeLog },
  );

  function refresh(): void {
    settings = readSettings();
    for (const d of vscode.workspace.textDocuments) docs.schedule(d, 0);
    if (vscode.workspace.workspaceFolders?.length) void scanner.scan(false);
  }

  const account = registerAccount(context);
  registerDashboard(context, accountDashboardData(context, account.session, account.monitor));
  docs.start();
  if (settings.scanWorkspaceOnStartup && vscode.workspace.workspaceFolders?.length) {
    // After activation returns: the scan runs in the background worker with a status bar spinner.
    setTimeout(() => void scanner.scan(false), 0);
  }
  // Loading plus activate() itself; the extension host's own scheduling between the two is not ours.
  const activationMs = LOADED - LOAD_START + (performance.now() - activateStart);
  return {
    activationMs,
    report: (uri) => store.get(uri),
    scanWorkspace: () => scanner.scan(false),
    cancelScan: () => scanner.cancel(),
    onDidAnalyzeDocument: docs.onDidAnalyze,
    account: {
      view: () => account.session.current,
      children: (n) => account.tree.getChildren(n),
      item: (n) => account.tree.getTreeItem(n),
      onDidChange: account.session.onDidChange,
      monitor: () => account.monitor.current,
      onDidChangeMonitor: account.monitor.onDidChange,
    },
  };
}
