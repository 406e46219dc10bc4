import * as vscode from 'vscode';
import type { Finding, ScanError } from '../../core/model/finding';
import type { Severity } from '../../core/model/severity';

/** Nodes of the Findings view; `contextValue` (file, rule, finding, error) scopes its menus. */
export type FindingsNode =
  | { kind: 'file'; uri: vscode.Uri; file: string; findings: Finding[]; errors: ScanError[] }
  | { kind: 'rule'; ruleId: string; title: string; items: { uri: vscode.Uri; file: string; finding: Finding }[] }
  | { kind: 'finding'; uri: vscode.Uri; file: string; finding: Finding; showFile: boolean }
  | { kind: 'error'; uri: vscode.Uri; error: ScanError };

const ICON: Record<Severity, [string, string]> = {
  error: ['error', 'problemsErrorIcon.foreground'],
  warning: ['warning', 'problemsWarningIcon.foreground'],
  info: ['info', 'problemsInfoIcon.foreground'],
};

function severityIcon(s: Severity): vscode.ThemeIcon {
  const [id, color] = ICON[s];
  return new vscode.ThemeIcon(id, new vscode.ThemeColor(color));
}

function worst(findings: Finding[]): Severity {
  if (findings.some((f) => f.severity === 'error')) return 'error';
  return findings.some((f) => f.severity === 'warning') ? 'warning' : 'info';
}

function plural(n: number, w: string): string {
  return `${n} ${w}${n === 1 ? '' : 's'}`;
}

function openCommand(uri: vscode.Uri, line: number, col: number, endLine: number, endCol: number): vscode.Command {
  const selection = new vscode.Range(line - 1, col - 1, endLine - 1, Math.max(0, endCol - 1));
  return { title: 'Reveal', command: 'vscode.open', arguments: [uri, { selection, preserveFocus: false } satisfies vscode.TextDocumentShowOptions] };
}

export function toTreeItem(n: FindingsNode): vscode.TreeItem {
  switch (n.kind) {
    case 'file': {
      const item = new vscode.TreeItem(n.uri, vscode.TreeItemCollapsibleState.Expanded);
      const dir = n.file.includes('/') ? n.file.slice(0, n.file.lastIndexOf('/')) : '';
      item.description = [dir, n.findings.length ? plural(n.findings.length, 'finding') : 'not analysed'].filter(Boolean).join(' · ');
      item.contextValue = 'file';
      item.tooltip = n.file;
      item.id = `file:${n.uri.toString()}`;
      return item;
    }
    case 'rule': {
      const item = new vscode.TreeItem(`${n.ruleId} ${n.title}`, vscode.TreeItemCollapsibleState.Expanded);
      item.description = plural(n.items.length, 'finding');
      item.iconPath = severityIcon(worst(n.items.map((i) => i.finding)));
      item.contextValue = 'rule';
      item.id = `rule:${n.ruleId}`;
      return item;
    }
    case 'finding': {
      const f = n.finding;
      const l = f.location!;
      const item = new vscode.TreeItem(f.message, vscode.TreeItemCollapsibleState.None);
      item.description = n.showFile ? `${n.file}:${l.startLine}` : `${f.ruleId} · Ln ${l.startLine}, Col ${l.startColumn}`;
      item.iconPath = severityIcon(f.severity);
      item.contextValue = 'finding';
      item.tooltip = new vscode.MarkdownString(`**${f.ruleId}** (${f.severity})${f.resource ? ` · \`${f.resource}\`` : ''}\n\n${f.message}`);
      item.command = openCommand(n.uri, l.startLine, l.startColumn, l.endLine, l.endColumn);
      item.id = `finding:${n.showFile ? 'r' : 'f'}:${n.uri.toString()}:${f.ruleId}:${l.startLine}:${l.startColumn}:${l.endLine}:${l.endColumn}:${f.message}`;
      return item;
    }
    case 'error': {
      const e = n.error;
      const item = new vscode.TreeItem(`Not analysed: ${e.message}`, vscode.TreeItemCollapsibleState.None);
      item.iconPath = new vscode.ThemeIcon('circle-slash');
      item.contextValue = 'error';
      item.command = openCommand(n.uri, e.line ?? 1, e.column ?? 1, e.line ?? 1, e.column ?? 1);
      return item;
    }
  }
}
