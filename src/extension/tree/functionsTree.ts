import * as vscode from 'vscode';
import type { AuditFunction } from '../../core/audit/functionSummary';
import { buildLiveTemplate, type LivePart } from '../../core/audit/liveTemplate';
import type { LiveFunction } from '../../core/inventory/accountModel';
import type { Finding } from '../../core/model/finding';
import type { AccountSession } from '../account/accountSession';
import type { MonitorSession } from '../account/monitorSession';
import { readMonitorSettings } from '../account/monitorSettings';
import { toFunctionItem } from './functionItems';
import { functionNodes, rootNodes, sectionChildren, sectionNodes, type ActivityState, type FnNode } from './functionNodes';

/**
 * The Functions view: Account → Region → Function → role, triggers, who can modify / invoke, network,
 * findings. Node ids are ARN-based, so a refresh keeps what the user expanded. Children are computed on
 * expansion only: thousands of functions cost one node each until opened.
 */
export class FunctionsTreeProvider implements vscode.TreeDataProvider<FnNode>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<FnNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly subs: vscode.Disposable[];
  private findingsByArn = new Map<string, Finding[]>();
  private summaries = new Map<string, AuditFunction>();
  private parts = new Map<string, LivePart[]>();
  private pending?: NodeJS.Timeout;

  constructor(
    private readonly session: AccountSession,
    private readonly monitor: MonitorSession,
  ) {
    this.subs = [
      session.onDidChange(() => {
        this.reindex();
        this.schedule();
      }),
      monitor.onDidChange(() => this.schedule()),
    ];
  }

  private activityOf(arn: string): ActivityState {
    const m = this.monitor.current;
    if (m.state === 'ready' && m.activity) {
      const activity = m.activity.get(arn);
      return activity ? { activity, windowHours: readMonitorSettings().windowHours } : undefined;
    }
    if (m.state === 'loading') return { note: 'reading metrics, flow logs and CloudTrail…' };
    if (m.state === 'failed') return { note: `not available: ${m.error ?? 'the telemetry could not be read'}` };
    return undefined;
  }

  /** Pages of functions arrive quickly: one repaint per 150 ms at most (the index itself is always current). */
  private schedule(): void {
    if (this.pending) return;
    this.pending = setTimeout(() => {
      this.pending = undefined;
      this.emitter.fire(undefined);
    }, 150);
  }

  private reindex(): void {
    const v = this.session.current;
    this.findingsByArn = new Map();
    for (const f of v.audit?.findings ?? []) {
      const arn = f.target?.arn;
      if (arn) this.findingsByArn.set(arn, [...(this.findingsByArn.get(arn) ?? []), f]);
    }
    this.summaries = new Map((v.audit?.functions ?? []).map((s) => [s.arn, s]));
    this.parts = new Map();
  }

  private partsOf(fn: LiveFunction): LivePart[] {
    const snapshot = this.session.current.snapshot;
    if (!snapshot) return [];
    let p = this.parts.get(fn.arn);
    if (!p) {
      p = buildLiveTemplate(fn, snapshot).parts;
      this.parts.set(fn.arn, p);
    }
    return p;
  }

  getTreeItem(n: FnNode): vscode.TreeItem {
    return toFunctionItem(n);
  }

  getChildren(n?: FnNode): FnNode[] {
    const v = this.session.current;
    if (!n) return rootNodes(v);
    switch (n.kind) {
      case 'region':
        return functionNodes(v, n.region, (arn) => this.findingsByArn.get(arn) ?? []);
      case 'function':
        return sectionNodes(n.fn, this.partsOf(n.fn), this.summaries.get(n.fn.arn), n.findings, this.activityOf(n.fn.arn));
      case 'section':
        return sectionChildren(n, this.partsOf(n.fn), this.summaries.get(n.fn.arn), this.activityOf(n.fn.arn));
      case 'item':
        return n.children ?? [];
      default:
        return [];
    }
  }

  /** The function node of an ARN, for reveal from an alert or a CodeLens. */
  functionNode(arn: string): FnNode | undefined {
    const fn = this.session.current.functions.find((f) => f.arn === arn);
    return fn && { kind: 'function', fn, findings: this.findingsByArn.get(arn) ?? [] };
  }

  getParent(n: FnNode): FnNode | undefined {
    if (n.kind === 'function') {
      const count = this.session.current.functions.filter((f) => f.region === n.fn.region).length;
      return { kind: 'region', region: n.fn.region, count };
    }
    return undefined;
  }

  dispose(): void {
    if (this.pending) clearTimeout(this.pending);
    for (const s of this.subs) s.dispose();
    this.emitter.dispose();
  }
}
