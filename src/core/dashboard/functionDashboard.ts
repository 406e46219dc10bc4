import { buildFunctionIndex, type FunctionIndex } from '../activity/functionIndex';
import { buildFunctionGroups, type FunctionGroups } from '../baselines/functionGroups';
import type { LearnedBaselines } from '../baselines/learnedBaselines';
import { PeerResolver } from '../flows/peerResolver';
import type { AccountSnapshot, CollectError } from '../inventory/accountModel';
import type { Telemetry } from '../inventory/telemetryModel';
import type { Finding } from '../model/finding';
import type { MonitorResult } from '../monitor/monitorResult';
import type { FindingRow, FunctionDashboard, RangeChoice } from '../../shared/protocol';
import { alertRow, alertsAbout, byTimeDesc } from './alertRows';
import { buildChangeRows } from './changeRows';
import { buildFunctionCharts } from './functionCharts';
import { buildPeerRows } from './peerRows';

/** Runtime data of a range, as the extension's DashboardData gives it (RangeData). */
export interface DashboardInputData {
  telemetry: Telemetry;
  monitor: MonitorResult;
  learned?: LearnedBaselines;
}

/** Lookups over one snapshot, built once and shared by every dashboard of the account. */
export interface AccountIndexes {
  index: FunctionIndex;
  groups: FunctionGroups;
  resolver: PeerResolver;
}

export function accountIndexes(snapshot: AccountSnapshot): AccountIndexes {
  return { index: buildFunctionIndex(snapshot.functions), groups: buildFunctionGroups(snapshot), resolver: PeerResolver.fromSnapshot(snapshot) };
}

export interface FunctionDashboardInput {
  snapshot: AccountSnapshot;
  arn: string;
  data: DashboardInputData;
  findings: readonly Finding[];
  /** Epoch ms. */
  range: { start: number; end: number; choice: RangeChoice };
  indexes?: AccountIndexes;
  /** Epoch ms; defaults to the clock. */
  now?: number;
}

export class DashboardInputError extends Error {}

const SEVERITY_RANK = { error: 0, warning: 1, info: 2 } as const;

export function findingRows(findings: readonly Finding[]): FindingRow[] {
  return findings
    .map((f) => ({ ruleId: f.ruleId, severity: f.severity, message: f.message, suppressed: f.suppressed === true }))
    .sort((a, b) => Number(a.suppressed) - Number(b.suppressed) || SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
}

/** A failed or partial read, for the notes. */
export function collectErrorNote(e: CollectError): string {
  return `${e.service} ${e.operation}${e.resource ? ` (${e.resource})` : ''}: ${e.message}`;
}

/** Why the data is partial: the range reaches past the telemetry read, or reads failed. */
function coverageNotes(t: Telemetry, startMs: number, endMs: number): string[] {
  const notes: string[] = [];
  const from = Date.parse(t.start);
  const to = Date.parse(t.end);
  if (Number.isFinite(from) && from > startMs + 60_000) notes.push(`Runtime data starts at ${t.start}: the range begins before it.`);
  if (Number.isFinite(to) && to < endMs - 15 * 60_000) notes.push(`Runtime data ends at ${t.end}.`);
  return notes;
}

/**
 * The view model of one function's dashboard: its four charts with the learned band, the alerts about it
 * (its own and its shared network interface's), its group's network peers, its changes from CloudTrail,
 * its static findings, and notes for whatever is missing or partial.
 */
export function buildFunctionDashboard(input: FunctionDashboardInput): FunctionDashboard {
  const { snapshot, data, range } = input;
  const fn = snapshot.functions.find((f) => f.arn === input.arn);
  if (!fn) throw new DashboardInputError(`function ${input.arn} is not in the open account`);
  const indexes = input.indexes ?? accountIndexes(snapshot);
  const start = Math.floor(range.start / 1000);
  const end = Math.floor(range.end / 1000);
  const charts = buildFunctionCharts({ telemetry: data.telemetry, fn, start, end, learned: data.learned });
  const peers = buildPeerRows({ snapshot, flows: data.telemetry.flows, fn, start, end, learned: data.learned, groups: indexes.groups, resolver: indexes.resolver });
  const summary = data.monitor.functions.find((f) => f.name === fn.name && f.region === fn.region);
  const notes = [
    ...coverageNotes(data.telemetry, range.start, range.end),
    ...(summary?.warmup.note ? [`Still learning: ${summary.warmup.note}.`] : []),
    ...charts.notes,
    ...peers.notes,
    ...data.monitor.errors.map(collectErrorNote),
  ];
  return {
    kind: 'function',
    functionName: fn.name,
    region: fn.region,
    arn: fn.arn,
    sharedWith: peers.sharedWith,
    range: { start: range.start, end: range.end, choice: range.choice },
    charts: charts.charts,
    alerts: alertsAbout(data.monitor.alerts, fn).map(alertRow).sort(byTimeDesc),
    peers: peers.rows,
    changes: buildChangeRows(data.telemetry.events, indexes.index, fn, start, end),
    findings: findingRows(input.findings),
    notes,
    generatedAt: input.now ?? Date.now(),
  };
}
