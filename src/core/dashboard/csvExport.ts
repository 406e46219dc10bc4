import type { AlertRow, ChartSeries, DashboardModel, FunctionDashboard, OverviewDashboard } from '../../shared/protocol';
import { isoSeconds } from './timeText';

type Cell = string | number | boolean | null | undefined;

/**
 * RFC 4180 cell: quoted when it holds a comma, quote or line break. Text that a spreadsheet would run
 * as a formula (`=`, `+`, `-`, `@`, tab or CR first) gets a leading apostrophe: names and messages come
 * from AWS, and a cell must not become a formula when the file is opened. Numbers are written as is.
 */
export function csvCell(v: Cell): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  let s = typeof v === 'boolean' ? (v ? 'yes' : 'no') : v;
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function lines(rows: Cell[][]): string[] {
  return rows.map((r) => r.map(csvCell).join(','));
}

function section(name: string, header: string[], rows: Cell[][]): string[] {
  return [csvCell(name), ...lines([header]), ...lines(rows), ''];
}

/** Every chart's points in one table: one row per time any chart has, one column per line and band edge. */
function metricRows(charts: readonly ChartSeries[]): { header: string[]; rows: Cell[][] } {
  const header = ['time (UTC)'];
  const columns: { times: number[]; values: (number | null)[] }[] = [];
  for (const c of charts) {
    const unit = c.unit === 'ms' ? ' (ms)' : '';
    for (const l of c.lines) {
      header.push(`${c.lines.length > 1 ? `${c.title} ${l.label}` : c.title}${unit}`);
      columns.push({ times: c.timestamps, values: l.values });
    }
    if (c.band) {
      header.push(`${c.title} expected low`, `${c.title} expected high`);
      columns.push({ times: c.timestamps, values: c.band.low }, { times: c.timestamps, values: c.band.high });
    }
  }
  const byTime = new Map<number, Cell[]>();
  columns.forEach((col, j) => {
    for (let i = 0; i < col.times.length; i++) {
      let row = byTime.get(col.times[i]);
      if (!row) byTime.set(col.times[i], (row = new Array<Cell>(columns.length).fill(null)));
      row[j] = col.values[i];
    }
  });
  const rows = [...byTime.entries()].sort((a, b) => a[0] - b[0]).map(([t, r]) => [isoSeconds(t), ...r]);
  return { header, rows };
}

function alertSection(alerts: readonly AlertRow[]): string[] {
  return section(
    'alerts',
    ['time (UTC)', 'severity', 'rule', 'function', 'region', 'message', 'evidence'],
    alerts.map((a) => [isoSeconds(a.time), a.severity, a.ruleId, a.functionName, a.region, a.message, a.evidence.map((e) => `${e.label}: ${e.value}`).join('; ')]),
  );
}

function functionCsv(m: FunctionDashboard): string[] {
  const metrics = metricRows(m.charts);
  return [
    ...section('metrics', metrics.header, metrics.rows),
    ...alertSection(m.alerts),
    ...section(
      'peers',
      ['peer', 'what', 'port', 'service', 'protocol', 'direction', 'bytes', 'packets', 'accepted', 'rejected', 'first (UTC)', 'last (UTC)', 'new'],
      m.peers.map((p) => [p.peer, p.label, p.port, p.service, p.protocol, p.direction, p.bytes, p.packets, p.accepted, p.rejected, isoSeconds(p.first), isoSeconds(p.last), p.isNew]),
    ),
    ...section(
      'changes',
      ['time (UTC)', 'what', 'who', 'source IP', 'event', 'details'],
      m.changes.map((c) => [isoSeconds(c.time), c.what, c.who, c.sourceIp, c.eventName, c.details]),
    ),
    ...section(
      'findings',
      ['rule', 'severity', 'message', 'suppressed'],
      m.findings.map((f) => [f.ruleId, f.severity, f.message, f.suppressed]),
    ),
  ];
}

function overviewCsv(m: OverviewDashboard): string[] {
  return [
    ...section(
      'functions',
      ['function', 'region', 'ARN', 'alerts', 'worst alert', 'error findings', 'warning findings', 'invocations'],
      m.rows.map((r) => [r.functionName, r.region, r.arn, r.alerts, r.worstAlert, r.errors, r.warnings, r.invocations]),
    ),
    ...alertSection(m.alerts),
  ];
}

/**
 * The data of the view as CSV (CRLF line ends, RFC 4180): a heading line for the view and its range,
 * then one section per table — a line with its name, a header row, its rows, a blank line. The metrics
 * are the model's full points, not the ones drawn.
 */
export function dashboardCsv(model: DashboardModel): string {
  const what = model.kind === 'function' ? `${model.functionName} (${model.region})` : `account ${model.account}`;
  const head = [csvCell(`Lambda Guard dashboard: ${what}, ${new Date(model.range.start).toISOString()} to ${new Date(model.range.end).toISOString()}`), ''];
  const body = model.kind === 'function' ? functionCsv(model) : overviewCsv(model);
  return [...head, ...body].join('\r\n');
}
