import * as vscode from 'vscode';
import { updateBaselines, type LearnedBaselines } from '../../core/baselines/learnedBaselines';
import { deserializeBaselines, serializeBaselines } from '../../core/baselines/persistBaselines';
import type { AccountSnapshot } from '../../core/inventory/accountModel';
import type { Telemetry } from '../../core/inventory/telemetryModel';
import type { Alert } from '../../core/model/alert';
import { evaluateMonitor } from '../../core/monitor/evaluateMonitor';
import { functionActivity, type FunctionActivity } from '../../core/monitor/functionActivity';
import type { MonitorResult } from '../../core/monitor/monitorResult';
import type { RangeData } from '../dashboard/dashboardData';
import { log } from '../log';
import type { AccountSession } from './accountSession';
import { readMonitorSettings } from './monitorSettings';

export interface MonitorView {
  state: 'idle' | 'loading' | 'ready' | 'failed';
  result?: MonitorResult;
  telemetry?: Telemetry;
  activity?: Map<string, FunctionActivity>;
  /** Why there is no runtime data (no telemetry source, a failed read). */
  error?: string;
}

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const BASELINES_KEY = 'lambdaGuard.baselines.';
const SEEN_KEY = 'lambdaGuard.seenAlerts';

const alertKey = (a: Alert): string => `${a.ruleId}|${a.region ?? ''}|${a.functionName}|${a.time}`;

/**
 * Runtime monitoring of the open account: telemetry for the window and the baseline before it, judged
 * by the learned baselines (kept in workspace storage per AWS account, so learning continues between
 * sessions), refreshed on a timer while the Functions view is visible, with a notification for new
 * high-severity alerts. The demo account's baselines are not kept: its telemetry is made up anew.
 */
export class MonitorSession implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.emitter.event;
  private view: MonitorView = { state: 'idle' };
  private timer?: NodeJS.Timeout;
  private running?: Promise<MonitorView>;
  private lastNotice = 0;
  private readonly ranges = new Map<string, Promise<RangeData>>();
  private readonly sub: vscode.Disposable;

  constructor(
    private readonly session: AccountSession,
    private readonly state: vscode.Memento,
  ) {
    let audited: unknown;
    this.sub = session.onDidChange(() => {
      const v = session.current;
      if (v.state === 'ready' && v.audit !== audited) {
        audited = v.audit;
        this.ranges.clear();
        if (readMonitorSettings().enabled) void this.run();
      }
      if (v.state === 'empty' || v.state === 'loading') this.set({ state: 'idle' });
    });
  }

  get current(): MonitorView {
    return this.view;
  }

  private set(v: MonitorView): void {
    this.view = v;
    this.emitter.fire();
  }

  private baselineKey(s: AccountSnapshot): string | undefined {
    return s.source.kind === 'demo' ? undefined : `${BASELINES_KEY}${s.account.id}`;
  }

  private keptBaselines(s: AccountSnapshot): LearnedBaselines | undefined {
    const key = this.baselineKey(s);
    const text = key ? this.state.get<string>(key) : undefined;
    if (!text) return undefined;
    try {
      const { baselines, warnings } = deserializeBaselines(text);
      for (const w of warnings) log().warn(`kept baselines: ${w}`);
      return baselines;
    } catch (e) {
      log().warn(`kept baselines could not be read, learning again: ${(e as Error).message}`);
      return undefined;
    }
  }

  /** Judges the last window of the open account; joins a run in progress. */
  run(): Promise<MonitorView> {
    this.running ??= this.runOnce().finally(() => (this.running = undefined));
    return this.running;
  }

  private async runOnce(): Promise<MonitorView> {
    const account = this.session.current;
    const source = this.session.currentSource;
    const snapshot = account.snapshot;
    if (!source || !snapshot) return this.view;
    const settings = readMonitorSettings();
    const end = new Date();
    const windowStart = new Date(end.getTime() - settings.windowHours * HOUR);
    const baselineStart = new Date(windowStart.getTime() - settings.baselineDays * DAY);
    this.set({ ...this.view, state: 'loading' });
    try {
      const kept = this.keptBaselines(snapshot);
      // With kept baselines only the stretch after what they learned must be read again.
      const from = kept && kept.end * 1000 > baselineStart.getTime() && kept.end * 1000 < windowStart.getTime() ? new Date(kept.end * 1000) : baselineStart;
      const telemetry = await source.collectTelemetry(snapshot, { start: from, end });
      const learned = updateBaselines(kept, snapshot, telemetry, { start: baselineStart, end: windowStart });
      const key = this.baselineKey(snapshot);
      if (key) await this.state.update(key, serializeBaselines(learned));
      const result = evaluateMonitor({ snapshot, telemetry, window: { start: windowStart, end }, baseline: { start: baselineStart, end: windowStart }, learned, errors: telemetry.errors });
      const view: MonitorView = { state: 'ready', result, telemetry, activity: functionActivity(snapshot, telemetry, result) };
      this.set(view);
      void this.notifyNew(result.alerts);
      return view;
    } catch (e) {
      const error = (e as Error).message;
      log().warn(`monitoring ${source.label}: ${error}`);
      const view: MonitorView = { state: 'failed', error };
      this.set(view);
      return view;
    }
  }

  /** A notification for high-severity alerts not seen before (at most one every 10 minutes; a setting mutes it). */
  private async notifyNew(alerts: Alert[]): Promise<void> {
    const seen = new Set(this.state.get<string[]>(SEEN_KEY, []));
    const fresh = alerts.filter((a) => a.severity === 'error' && !seen.has(alertKey(a)));
    await this.state.update(SEEN_KEY, [...new Set([...seen, ...alerts.map(alertKey)])].slice(-2000));
    if (!fresh.length || !readMonitorSettings().notifications || Date.now() - this.lastNotice < 10 * 60_000) return;
    this.lastNotice = Date.now();
    const first = fresh[0];
    const more = fresh.length > 1 ? ` (and ${fresh.length - 1} more)` : '';
    const pick = await vscode.window.showWarningMessage(`Lambda Guard: ${first.ruleId} on ${first.functionName}: ${first.message}${more}`, 'Show Dashboard', 'Mute Notifications');
    if (pick === 'Show Dashboard') await vscode.commands.executeCommand('lambdaGuard.openDashboard', first.arn ?? first.functionName);
    if (pick === 'Mute Notifications') await vscode.workspace.getConfiguration('lambdaGuard.monitor').update('notifications', false, vscode.ConfigurationTarget.Global);
  }

  /** Telemetry and alerts for any range (the dashboard's picker): judged against the baseline before it; cached. */
  range(start: number, end: number): Promise<RangeData> {
    const key = `${start}|${end}`;
    let p = this.ranges.get(key);
    if (!p) {
      p = this.computeRange(start, end);
      p.catch(() => this.ranges.delete(key));
      this.ranges.set(key, p);
      if (this.ranges.size > 8) this.ranges.delete(this.ranges.keys().next().value as string);
    }
    return p;
  }

  private async computeRange(start: number, end: number): Promise<RangeData> {
    const source = this.session.currentSource;
    const snapshot = this.session.current.snapshot;
    if (!source || !snapshot) throw new Error('No account is open.');
    const baselineStart = new Date(start - readMonitorSettings().baselineDays * DAY);
    const telemetry = await source.collectTelemetry(snapshot, { start: baselineStart, end: new Date(end) });
    const learned = updateBaselines(undefined, snapshot, telemetry, { start: baselineStart, end: new Date(start) });
    const monitor = evaluateMonitor({ snapshot, telemetry, window: { start: new Date(start), end: new Date(end) }, baseline: { start: baselineStart, end: new Date(start) }, learned, errors: telemetry.errors });
    return { telemetry, monitor, learned };
  }

  /** Forgets what was learned for the open account; the next run learns from the baseline period again. */
  async resetBaselines(): Promise<void> {
    const s = this.session.current.snapshot;
    const key = s && this.baselineKey(s);
    if (key) await this.state.update(key, undefined);
    this.ranges.clear();
    await this.run();
  }

  /** Refreshes on a timer while the Functions view is visible. */
  setVisible(visible: boolean): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    if (!visible) return;
    const minutes = readMonitorSettings().refreshMinutes;
    if (minutes > 0) this.timer = setInterval(() => this.session.current.state === 'ready' && void this.run(), minutes * 60_000);
  }

  dispose(): void {
    if (this.timer) clearInterval(this.timer);
    this.sub.dispose();
    this.emitter.dispose();
  }
}
