import type * as vscode from 'vscode';
import type { Finding, ScanError } from '../core/model/finding';
import type { SessionView } from './account/accountSession';
import type { MonitorView } from './account/monitorSession';
import type { FnNode } from './tree/functionNodes';
import type { ScanSummary } from './workspace/workspaceScanner';

/** What `activate` returns: used by the integration tests and available to other extensions. */
export interface LambdaGuardApi {
  /** Milliseconds spent evaluating the bundle's modules plus running `activate`. */
  readonly activationMs: number;
  /** Findings and errors Lambda Guard holds for a file; `version` is the analysed document version. */
  report(uri: vscode.Uri): { findings: Finding[]; errors: ScanError[]; version?: number } | undefined;
  /** Runs (or joins) a workspace scan. */
  scanWorkspace(): Promise<ScanSummary>;
  /** Cancels the running workspace scan, as its notification's Cancel button does. */
  cancelScan(): void;
  /** Fires after an open document's findings were updated, with the analysis time in ms. */
  readonly onDidAnalyzeDocument: vscode.Event<{ uri: vscode.Uri; ms: number }>;
  /** The open AWS account (or snapshot, or demo) and the Functions view's nodes, as the view shows them. */
  readonly account: {
    view(): SessionView;
    children(node?: FnNode): FnNode[];
    item(node: FnNode): vscode.TreeItem;
    readonly onDidChange: vscode.Event<void>;
    /** Runtime monitoring of the open account: alerts and activity per function. */
    monitor(): MonitorView;
    readonly onDidChangeMonitor: vscode.Event<void>;
  };
}
