import type * as vscode from 'vscode';
import type { AuditFunction } from '../../core/audit/functionSummary';
import type { LearnedBaselines } from '../../core/baselines/learnedBaselines';
import type { AccountSnapshot } from '../../core/inventory/accountModel';
import type { Telemetry } from '../../core/inventory/telemetryModel';
import type { Finding } from '../../core/model/finding';
import type { MonitorResult } from '../../core/monitor/monitorResult';

/** Runtime data for a range of the open account, as the monitoring session holds it. */
export interface RangeData {
  telemetry: Telemetry;
  /** The range judged against the baseline before it (alerts, per-function summaries, errors). */
  monitor: MonitorResult;
  /** The baselines learned up to the range's start (bands for the charts); undefined while learning. */
  learned?: LearnedBaselines;
}

/** What the dashboard reads from the rest of the extension; views never call AWS themselves. */
export interface DashboardData {
  /** The open account, or undefined when none is open. */
  snapshot(): AccountSnapshot | undefined;
  /** Static findings of a deployed function (its role, permissions, URL, environment). */
  findings(arn: string): Finding[];
  /** Telemetry and alerts for a range ending at `end` (epoch ms); read from AWS or the snapshot, cached. */
  range(start: number, end: number): Promise<RangeData>;
  /** Fires when the account or its runtime data changed (a refresh, new alerts). */
  readonly onDidChange: vscode.Event<void>;
  /** Reveals a function in the Functions view. */
  revealInTree(arn: string): Thenable<void>;
  /**
   * The audit's per-function summaries of the open account (`functions[]` of `audit --format json`):
   * their `source {file, line}` links a deployed function to its template resource, where a CodeLens
   * opens its dashboard. Optional: without it there is no CodeLens.
   */
  auditFunctions?(): readonly AuditFunction[];
}
