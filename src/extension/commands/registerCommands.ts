import * as vscode from 'vscode';
import type { SuppressionKind } from '../../core/fixes/suppressionFixes';
import type { AccessLevel } from '../../core/iam/catalog';
import type { Finding } from '../../core/model/finding';
import { SELECT_COMMAND, selectPlaceholder } from '../codeActions/applyFix';
import type { DocumentAnalyzer } from '../diagnostics/documentAnalyzer';
import type { FindingsStore } from '../findings/findingsStore';
import type { FindingsTreeProvider } from '../tree/findingsTree';
import type { FindingsNode } from '../tree/treeNodes';
import type { WorkspaceScanner } from '../workspace/workspaceScanner';
import { exportReport, type ReportFormat } from './exportReport';
import type { FixCommands } from './fixCommands';
import { showRuleDocumentation } from './showRuleDocumentation';
import { SHOW_RULE_DOCUMENTATION } from '../ruleDocs';

export interface CommandDeps {
  extensionUri: vscode.Uri;
  store: FindingsStore;
  scanner: WorkspaceScanner;
  docs: DocumentAnalyzer;
  tree: FindingsTreeProvider;
  fixes: FixCommands;
}

/** A rule id from a tree node, a diagnostic-like object or a plain string. */
function ruleIdArg(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg;
  const n = arg as Partial<FindingsNode> | undefined;
  if (n?.kind === 'rule') return n.ruleId;
  if (n?.kind === 'finding') return n.finding?.ruleId;
  return undefined;
}

/** Every command of the extension; each returns a value so tests can check what it did. */
export function registerCommands(d: CommandDeps): vscode.Disposable[] {
  const reg = vscode.commands.registerCommand;
  return [
    reg('lambdaGuard.scanWorkspace', () => d.scanner.scan(true)),
    reg('lambdaGuard.scanCurrentFile', async (uri?: vscode.Uri | FindingsNode) => {
      const target = uri instanceof vscode.Uri ? uri : (uri as FindingsNode | undefined)?.kind === 'file' ? (uri as { uri: vscode.Uri }).uri : undefined;
      const doc = target ? await vscode.workspace.openTextDocument(target) : vscode.window.activeTextEditor?.document;
      if (!doc) {
        void vscode.window.showInformationMessage('Lambda Guard: open a template to scan it.');
        return undefined;
      }
      const r = await d.docs.analyzeNow(doc);
      if (r?.skipped) void vscode.window.showInformationMessage('Lambda Guard: not a SAM, CloudFormation, Serverless Framework or CDK file; skipped.');
      return r && { findings: r.findings.length, errors: r.errors.length, skipped: r.skipped };
    }),
    reg('lambdaGuard.exportReport', (format?: ReportFormat, target?: vscode.Uri) =>
      exportReport(() => d.scanner.scan(true), d.store, format, target),
    ),
    reg(SHOW_RULE_DOCUMENTATION, (arg?: unknown) => showRuleDocumentation(d.extensionUri, ruleIdArg(arg))),
    reg('lambdaGuard.suppressFinding', (target?: unknown, kind?: SuppressionKind, reason?: string) => d.fixes.suppress(target, kind, reason)),
    reg('lambdaGuard.clearFindings', () => {
      d.scanner.cancel();
      d.store.clear();
    }),
    reg('lambdaGuard.groupByFile', () => d.tree.setGroupBy('file')),
    reg('lambdaGuard.groupByRule', () => d.tree.setGroupBy('rule')),
    reg('lambdaGuard.narrowWildcard', (uri: vscode.Uri, finding: Finding, levels?: AccessLevel[]) => d.fixes.narrowWildcard(uri, finding, levels)),
    reg(SELECT_COMMAND, selectPlaceholder),
  ];
}
