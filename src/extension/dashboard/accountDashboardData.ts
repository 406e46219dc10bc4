import * as vscode from 'vscode';
import type { AuditFunction } from '../../core/audit/functionSummary';
import type { AccountSnapshot } from '../../core/inventory/accountModel';
import type { Finding } from '../../core/model/finding';
import type { AccountSession } from '../account/accountSession';
import type { MonitorSession } from '../account/monitorSession';
import type { DashboardData, RangeData } from './dashboardData';
import { rangeBounds } from './modelLoader';

/** A prefetched range serves a request of the same span ending this much later (the clock moved on). */
const PREFETCH_TOLERANCE_MS = 5 * 60_000;

/**
 * DashboardData over the open account (AccountSession: snapshot, audit) and its runtime monitoring
 * (MonitorSession: telemetry, alerts and baselines for any range). When monitoring settles, the default
 * range (the last 24 hours) is computed in the background, so the first dashboard opens on data that is
 * already there.
 */
export class AccountDashboardData implements DashboardData, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.emitter.event;
  private findingsByArn = new Map<string, Finding[]>();
  private indexed?: unknown;
  private prefetched?: { start: number; end: number; data: Promise<RangeData> };
  private readonly subs: vscode.Disposable[];
  private timer?: ReturnType<typeof setTimeout>;

  constructor(
    private readonly session: AccountSession,
    private readonly monitor: MonitorSession,
  ) {
    let seen: unknown;
    this.subs = [
      session.onDidChange(() => {
        const v = session.current;
        const key = v.state === 'ready' ? v.audit : undefined;
        if (key === seen) return;
        seen = key;
        this.prefetched = undefined;
        this.emitter.fire();
      }),
      monitor.onDidChange(() => {
        if (monitor.current.state !== 'ready') return;
        // After the views that show the new alerts had their turn on the extension host.
        clearTimeout(this.timer);
        this.timer = setTimeout(() => this.prefetch(), 500);
        this.emitter.fire();
      }),
    ];
  }

  snapshot(): AccountSnapshot | undefined {
    const v = this.session.current;
    return v.state === 'ready' ? v.snapshot : undefined;
  }

  findings(arn: string): Finding[] {
    const audit = this.session.current.audit;
    if (audit !== this.indexed) {
      this.indexed = audit;
      this.findingsByArn = new Map();
      for (const f of audit?.findings ?? []) {
        const a = f.target?.arn;
        if (a) this.findingsByArn.set(a, [...(this.findingsByArn.get(a) ?? []), f]);
      }
    }
    return this.findingsByArn.get(arn) ?? [];
  }

  auditFunctions(): readonly AuditFunction[] {
    return this.session.current.audit?.functions ?? [];
  }

  range(start: number, end: number): Promise<RangeData> {
    const p = this.prefetched;
    if (p && end - start === p.end - p.start && end >= p.end && end - p.end <= PREFETCH_TOLERANCE_MS) {
      // Used once: later loads of the view (refresh, live updates) read the range they ask for.
      this.prefetched = undefined;
      return p.data;
    }
    return this.monitor.range(start, end);
  }

  revealInTree(arn: string): Thenable<void> {
    return vscode.commands.executeCommand('lambdaGuard.revealFunction', arn);
  }

  /** The last 24 hours, computed now so that opening a dashboard does not wait for it. */
  private prefetch(): void {
    if (!this.snapshot()) return;
    const { start, end } = rangeBounds({ kind: '24h' }, Date.now());
    const data = this.monitor.range(start, end);
    data.catch(() => undefined);
    this.prefetched = { start, end, data };
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const s of this.subs) s.dispose();
    this.emitter.dispose();
  }
}

/** The dashboard's data for the composition root: created with the account and disposed with the extension. */
export function accountDashboardData(context: vscode.ExtensionContext, session: AccountSession, monitor: MonitorSession): AccountDashboardData {
  const data = new AccountDashboardData(session, monitor);
  context.subscriptions.push(data);
  return data;
}
