import type { AccountSnapshot } from '../inventory/accountModel';
import type { MetricSeries } from '../inventory/telemetryModel';
import type { Finding } from '../model/finding';
import type { DashboardSeverity, OverviewDashboard, OverviewRow, RangeChoice } from '../../shared/protocol';
import { alertRow, alertsAbout, byTimeDesc } from './alertRows';
import { collectErrorNote, type DashboardInputData } from './functionDashboard';

export interface OverviewInput {
  snapshot: AccountSnapshot;
  data: DashboardInputData;
  findingsOf: (arn: string) => readonly Finding[];
  /** Epoch ms. */
  range: { start: number; end: number; choice: RangeChoice };
  /** Points of each sparkline. */
  sparkBuckets?: number;
  now?: number;
}

const RANK: Record<DashboardSeverity, number> = { error: 0, warning: 1, info: 2 };

/**
 * Worst first: functions with open alerts (by their worst severity, then how many), then those with
 * risky static findings (errors, then warnings), then the rest, by name.
 */
export function compareOverviewRows(a: OverviewRow, b: OverviewRow): number {
  const wa = a.worstAlert ? RANK[a.worstAlert] : 3;
  const wb = b.worstAlert ? RANK[b.worstAlert] : 3;
  return (
    wa - wb ||
    b.alerts - a.alerts ||
    b.errors - a.errors ||
    b.warnings - a.warnings ||
    (a.functionName < b.functionName ? -1 : a.functionName > b.functionName ? 1 : 0) ||
    (a.region < b.region ? -1 : a.region > b.region ? 1 : 0)
  );
}

/** Invocations in [start, end) (epoch seconds): the total and the sum per bucket for a sparkline. */
export function invocationSpark(series: readonly MetricSeries[], start: number, end: number, buckets: number): { total: number; spark: number[] } {
  const spark = new Array<number>(buckets).fill(0);
  const width = (end - start) / buckets;
  let total = 0;
  for (const s of series) {
    for (let i = 0; i < s.timestamps.length; i++) {
      const t = s.timestamps[i];
      const v = s.values[i];
      if (!(t >= start && t < end) || !Number.isFinite(v) || v < 0) continue;
      total += v;
      spark[Math.min(buckets - 1, Math.floor((t - start) / width))] += v;
    }
  }
  return { total, spark };
}

/** The account overview: one ranked row per function, and every alert of the range, newest first. */
export function buildOverview(input: OverviewInput): OverviewDashboard {
  const { snapshot, data, range } = input;
  const start = Math.floor(range.start / 1000);
  const end = Math.floor(range.end / 1000);
  const buckets = input.sparkBuckets ?? 48;
  const invocations = new Map<string, MetricSeries[]>();
  for (const s of data.telemetry.metrics) {
    if (s.metric !== 'Invocations') continue;
    const key = `${s.region}/${s.functionName}`;
    invocations.set(key, [...(invocations.get(key) ?? []), s]);
  }
  const rows = snapshot.functions.map((fn): OverviewRow => {
    const mine = alertsAbout(data.monitor.alerts, fn);
    const findings = input.findingsOf(fn.arn).filter((f) => !f.suppressed);
    const { total, spark } = invocationSpark(invocations.get(`${fn.region}/${fn.name}`) ?? [], start, end, buckets);
    const row: OverviewRow = {
      functionName: fn.name,
      region: fn.region,
      arn: fn.arn,
      alerts: mine.length,
      errors: findings.filter((f) => f.severity === 'error').length,
      warnings: findings.filter((f) => f.severity === 'warning').length,
      invocations: total,
      spark,
    };
    const worst = mine.map((a) => a.severity).sort((x, y) => RANK[x] - RANK[y])[0];
    if (worst) row.worstAlert = worst;
    return row;
  });
  const arnOf = new Map(snapshot.functions.map((f) => [`${f.region}/${f.name}`, f.arn]));
  const alerts = data.monitor.alerts.map((a) => {
    const row = alertRow(a);
    const arn = row.arn ?? arnOf.get(`${a.region ?? ''}/${a.functionName}`);
    if (arn) row.arn = arn;
    return row;
  });
  const account = snapshot.account.alias ? `${snapshot.account.alias} (${snapshot.account.id})` : snapshot.account.id;
  return {
    kind: 'overview',
    account,
    range: { start: range.start, end: range.end, choice: range.choice },
    rows: rows.sort(compareOverviewRows),
    alerts: alerts.sort(byTimeDesc),
    notes: data.monitor.errors.map(collectErrorNote),
    generatedAt: input.now ?? Date.now(),
  };
}
