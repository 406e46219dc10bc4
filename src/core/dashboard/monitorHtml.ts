import { plural } from '../baselines/alertText';
import { updateBaselines, type LearnedBaselines } from '../baselines/learnedBaselines';
import type { AccountSnapshot } from '../inventory/accountModel';
import type { Telemetry } from '../inventory/telemetryModel';
import type { Alert } from '../model/alert';
import type { FunctionMonitorSummary, MonitorResult } from '../monitor/monitorResult';
import { escapeHtml as h } from '../report/escape';
import { alertsAbout } from './alertRows';
import { evidenceEntries } from './evidenceText';
import { collectErrorNote } from './functionDashboard';
import { standaloneHtmlPage } from './htmlPage';
import { buildFunctionCharts } from './functionCharts';
import { svgChart } from './svgChart';
import { epochSeconds, isoSeconds } from './timeText';

export interface MonitorHtmlInput {
  result: MonitorResult;
  snapshot: AccountSnapshot;
  /** The telemetry the result was judged on (baseline and window). */
  telemetry: Telemetry;
  toolVersion: string;
  /** The baselines behind the bands; learned from the result's baseline period when not given. */
  learned?: LearnedBaselines;
}

function when(iso: string): string {
  return iso.slice(0, 16).replace('T', ' ');
}

function alertTable(alerts: readonly Alert[], withFunction: boolean): string {
  if (alerts.length === 0) return '<p class="ok">No alerts.</p>';
  const head = `<tr><th>Time (UTC)</th><th>Severity</th><th>Rule</th>${withFunction ? '<th>Function</th>' : ''}<th>What happened</th></tr>`;
  const rows = alerts.map((a) => {
    const evidence = evidenceEntries(a.evidence)
      .map((e) => `<div class="ev"><span class="muted">${h(e.label)}:</span> ${h(e.value)}</div>`)
      .join('');
    return (
      `<tr><td class="nowrap">${h(when(a.time))}</td><td><span class="badge sev-${h(a.severity)}">${h(a.severity)}</span></td><td>${h(a.ruleId)}</td>` +
      `${withFunction ? `<td>${h(a.functionName)}</td>` : ''}<td><div>${h(a.message)}</div><details><summary>Evidence</summary>${evidence}</details></td></tr>`
    );
  });
  return `<table><thead>${head}</thead><tbody>${rows.join('')}</tbody></table>`;
}

function activity(f: FunctionMonitorSummary): string {
  const e = f.expectedInvocations;
  const parts = [
    `${plural(f.invocations, 'invocation')}${e ? ` (expected ${e.low.toLocaleString('en-US')}–${e.high.toLocaleString('en-US')})` : ''}`,
    f.warmup.peers === 'not-in-vpc' ? 'not in a VPC' : `${plural(f.peers, 'peer')}${f.newPeers ? ` (${f.newPeers} new)` : ''}`,
    `${plural(f.calls, 'API call')}${f.newCalls ? ` (${f.newCalls} new)` : ''}`,
    plural(f.changes, 'change'),
  ];
  return parts.join(' · ');
}

function functionSection(f: FunctionMonitorSummary, input: MonitorHtmlInput, learned: LearnedBaselines, ws: number, we: number): string {
  const alerts = alertsAbout(input.result.alerts, { name: f.name, region: f.region });
  const markers = alerts.map((a) => ({ time: epochSeconds(a.time) ?? ws, severity: a.severity, label: `${a.ruleId} ${a.severity} at ${when(a.time)} UTC` }));
  const { charts } = buildFunctionCharts({ telemetry: input.telemetry, fn: f, start: ws, end: we, learned });
  // Every function gets its invocations; a function with alerts gets all four charts.
  const shown = alerts.length ? charts : charts.filter((c) => c.id === 'invocations');
  const svgs = shown.map((c) => `<figure>${svgChart(c, { from: ws, to: we, markers, width: 720, height: alerts.length ? 160 : 120 })}</figure>`).join('');
  return [
    `<section class="fn"><h3>${h(f.name)} <span class="muted">(${h(f.region)})</span></h3>`,
    `<p>${h(activity(f))}${f.sharedWith?.length ? ` — shares its network interfaces with ${h(f.sharedWith.join(', '))}` : ''}</p>`,
    f.warmup.note ? `<p class="muted">Still learning: ${h(f.warmup.note)}</p>` : '',
    svgs,
    alerts.length ? alertTable(alerts, false) : '',
    '</section>',
  ].join('\n');
}

/**
 * `monitor --format html`: a standalone page — no script, no external resource (a CSP meta tag makes
 * the browser enforce it) — with the window and baseline, every alert, and per function its activity,
 * its invocations against the learned band as a static SVG chart with the alerts marked (all four
 * charts for a function with alerts), and its alerts with their evidence. Every string is escaped.
 */
export function monitorToHtml(input: MonitorHtmlInput): string {
  const { result } = input;
  const ws = epochSeconds(result.window.start) ?? 0;
  const we = epochSeconds(result.window.end) ?? ws + 1;
  const learned = input.learned ?? updateBaselines(undefined, input.snapshot, input.telemetry, { start: new Date(result.baseline.start), end: new Date(result.baseline.end) });
  const by = (s: string): number => result.alerts.filter((a) => a.severity === s).length;
  const body = [
    '<header><h1>Lambda Guard monitor report</h1>',
    `<p class="muted">Window ${h(when(result.window.start))} – ${h(when(result.window.end))} UTC, judged against ${h(when(result.baseline.start))} – ${h(when(result.baseline.end))} UTC</p>`,
    `<ul class="counts"><li class="sev-error">${h(plural(by('error'), 'error'))}</li><li class="sev-warning">${h(plural(by('warning'), 'warning'))}</li><li class="sev-info">${by('info')} info</li><li>${h(plural(result.functions.length, 'function'))}</li></ul></header>`,
    '<main><h2>Alerts</h2>',
    alertTable(result.alerts, true),
    '<h2>Functions</h2>',
    '<p class="muted">Invocations per period against the learned band: its top edge is the spike threshold for that hour of the day (LG101), its bottom edge the usual level minus two robust σ. Triangles mark alerts.</p>',
    ...result.functions.map((f) => functionSection(f, input, learned, ws, we)),
  ];
  if (result.errors.length) {
    body.push('<h2>Errors</h2><ul>', ...result.errors.map((e) => `<li>${h(collectErrorNote(e))}</li>`), '</ul>');
  }
  body.push('</main>', `<footer class="muted">Generated by lambda-guard ${h(input.toolVersion)} at ${h(isoSeconds(we))}</footer>`);
  return standaloneHtmlPage('Lambda Guard monitor report', CSS, body);
}

const CSS = `
:root { color-scheme: light dark; --fg: #1f2328; --muted: #656d76; --bg: #fff; --rule: #d0d7de; --th: #f6f8fa;
  --err: #cf222e; --warn: #9a6700; --inf: #0969da; --l0: #0969da; --l1: #bf3989; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6edf3; --muted: #8d96a0; --bg: #0d1117; --rule: #30363d; --th: #161b22;
  --err: #ff7b72; --warn: #d29922; --inf: #58a6ff; --l0: #58a6ff; --l1: #f778ba; } }
body { font: 14px/1.5 system-ui, sans-serif; color: var(--fg); background: var(--bg); max-width: 1100px; margin: 0 auto; padding: 24px; }
h1 { font-size: 22px; margin: 0; } h2 { font-size: 18px; margin-top: 28px; } h3 { font-size: 15px; margin: 20px 0 4px; }
.muted { color: var(--muted); } .nowrap { white-space: nowrap; }
.counts { display: flex; gap: 16px; list-style: none; padding: 0; font-weight: 600; }
.sev-error { color: var(--err); } .sev-warning { color: var(--warn); } .sev-info { color: var(--inf); }
table { border-collapse: collapse; width: 100%; } th, td { border: 1px solid var(--rule); padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: var(--th); } .badge { font-weight: 600; } .ev { font-size: 12px; word-break: break-word; }
figure { margin: 8px 0; } svg.lg-chart { max-width: 100%; height: auto; color: var(--fg); }
.lg-line-0 { stroke: var(--l0); } .lg-line-1 { stroke: var(--l1); } .lg-legend-0 { fill: var(--l0); } .lg-legend-1 { fill: var(--l1); } .lg-band { fill: var(--l0); }
.lg-marker-error line, .lg-marker-error path { stroke: var(--err); fill: var(--err); }
.lg-marker-warning line, .lg-marker-warning path { stroke: var(--warn); fill: var(--warn); }
section.fn { border-top: 1px solid var(--rule); } footer { margin-top: 32px; font-size: 12px; }
`;
