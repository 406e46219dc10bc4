import * as vscode from 'vscode';
import { ruleById } from '../../core/rules/registry';
import type { FindingsStore } from '../findings/findingsStore';
import { toTreeItem, type FindingsNode } from './treeNodes';

export type GroupBy = 'file' | 'rule';

/** The Findings view: live findings grouped by file or by rule, with counts; a click reveals the range. */
export class FindingsTreeProvider implements vscode.TreeDataProvider<FindingsNode>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<FindingsNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly sub: vscode.Disposable;
  private groupBy: GroupBy;

  constructor(
    private readonly store: FindingsStore,
    private readonly state: vscode.Memento,
  ) {
    this.groupBy = state.get<GroupBy>('lambdaGuard.groupBy') === 'rule' ? 'rule' : 'file';
    void vscode.commands.executeCommand('setContext', 'lambdaGuard.groupBy', this.groupBy);
    this.sub = store.onDidChange(() => this.emitter.fire(undefined));
  }

  /** Regroups the view; returns the top-level entries it now shows (file paths or rule ids), for commands and tests. */
  setGroupBy(g: GroupBy): string[] {
    this.groupBy = g;
    void this.state.update('lambdaGuard.groupBy', g);
    void vscode.commands.executeCommand('setContext', 'lambdaGuard.groupBy', g);
    this.emitter.fire(undefined);
    return this.getChildren().map((n) => (n.kind === 'file' ? n.file : n.kind === 'rule' ? n.ruleId : ''));
  }

  getTreeItem(n: FindingsNode): vscode.TreeItem {
    return toTreeItem(n);
  }

  getChildren(n?: FindingsNode): FindingsNode[] {
    if (!n) return this.groupBy === 'file' ? this.files() : this.rules();
    if (n.kind === 'file') {
      return [
        ...n.errors.map((error): FindingsNode => ({ kind: 'error', uri: n.uri, error })),
        ...n.findings.map((finding): FindingsNode => ({ kind: 'finding', uri: n.uri, file: n.file, finding, showFile: false })),
      ];
    }
    if (n.kind === 'rule') return n.items.map((i): FindingsNode => ({ kind: 'finding', ...i, showFile: true }));
    return [];
  }

  /** Needed by TreeView.reveal. */
  getParent(n: FindingsNode): FindingsNode | undefined {
    if (n.kind !== 'finding') return undefined;
    const parents = this.groupBy === 'file' ? this.files() : this.rules();
    return parents.find((p) => (p.kind === 'file' ? p.uri.toString() === n.uri.toString() : p.kind === 'rule' && p.ruleId === n.finding.ruleId));
  }

  private files(): FindingsNode[] {
    return this.store
      .all()
      .map((r): FindingsNode => ({ kind: 'file', uri: r.uri, file: r.file, findings: r.findings.filter((f) => !f.suppressed && f.location), errors: r.errors }))
      .filter((n) => n.kind === 'file' && (n.findings.length > 0 || n.errors.length > 0));
  }

  private rules(): FindingsNode[] {
    const byRule = new Map<string, FindingsNode & { kind: 'rule' }>();
    for (const r of this.store.all()) {
      for (const finding of r.findings) {
        if (finding.suppressed || !finding.location) continue;
        let g = byRule.get(finding.ruleId);
        if (!g) {
          g = { kind: 'rule', ruleId: finding.ruleId, title: ruleById(finding.ruleId)?.meta.title ?? '', items: [] };
          byRule.set(finding.ruleId, g);
        }
        g.items.push({ uri: r.uri, file: r.file, finding });
      }
    }
    return [...byRule.values()].sort((a, b) => a.ruleId.localeCompare(b.ruleId));
  }

  dispose(): void {
    this.sub.dispose();
    this.emitter.dispose();
  }
}
