import { count, plural } from '../baselines/alertText';
import type { Alert } from '../model/alert';
import type { Severity } from '../model/severity';
import { oneLine } from '../report/escape';
import type { FunctionMonitorSummary, MonitorResult } from './monitorResult';

const SEVERITY_WIDTH = 'warning'.length;

function shortTime(isoTime: string): string {
  return isoTime.slice(0, 16).replace('T', ' ');
}

// Messages of alerts that several functions share already name them; the JSON has them in `sharedWith`.
function alertLine(a: Alert): string {
  return `  ${shortTime(a.time)}  ${a.severity.padEnd(SEVERITY_WIDTH)}  ${a.ruleId}  ${oneLine(a.message)}`;
}

function activityLine(f: FunctionMonitorSummary): string {
  const e = f.expectedInvocations;
  const expected = e ? ` (expected ${count(e.low)}–${count(e.high)})` : '';
  const parts = [
    `${plural(f.invocations, 'invocation')}${expected}`,
    f.warmup.peers === 'not-in-vpc' ? 'not in a VPC' : `${plural(f.peers, 'peer')}${f.newPeers ? ` (${count(f.newPeers)} new)` : ''}`,
    `${plural(f.calls, 'API call')}${f.newCalls ? ` (${count(f.newCalls)} new)` : ''}`,
    plural(f.changes, 'change'),
  ];
  return `  ${parts.join(' · ')}`;
}

/**
 * `monitor --format text`: the window and baseline, then each function with its activity, what is
 * still learning and its alerts (by time); alerts about functions outside the summaries (created or
 * deleted since the snapshot) after them; errors; one closing line with the severity counts.
 */
export function monitorToText(result: MonitorResult): string {
  const out: string[] = [];
  out.push(`Window ${shortTime(result.window.start)} – ${shortTime(result.window.end)} UTC, judged against ${shortTime(result.baseline.start)} – ${shortTime(result.baseline.end)} UTC`);
  out.push('');
  // An alert goes under its function, or under the first listed function that shares its interface.
  const listed = new Set(result.functions.map((f) => `${f.region}/${f.name}`));
  const owner = (a: Alert): string | undefined => [a.functionName, ...(a.sharedWith ?? [])].map((n) => `${a.region}/${n}`).find((k) => listed.has(k));
  const placed = new Set<Alert>();
  for (const f of result.functions) {
    out.push(`${oneLine(f.name)} (${f.region})${f.sharedWith ? ` — shares its network interfaces with ${oneLine(f.sharedWith.join(', '))}` : ''}`);
    out.push(activityLine(f));
    if (f.warmup.note) out.push(`  learning: ${oneLine(f.warmup.note)}`);
    const mine = result.alerts.filter((a) => owner(a) === `${f.region}/${f.name}`);
    for (const a of mine) {
      out.push(alertLine(a));
      placed.add(a);
    }
    out.push('');
  }
  const rest = result.alerts.filter((a) => !placed.has(a));
  if (rest.length) {
    out.push('Other functions (not in the snapshot):');
    for (const a of rest) out.push(`${alertLine(a)}  [${oneLine(a.functionName)}]`);
    out.push('');
  }
  if (result.errors.length) {
    out.push('Errors:');
    for (const e of result.errors) out.push(`  ${e.service} ${e.operation}${e.resource ? ` ${oneLine(e.resource)}` : ''}: ${oneLine(e.message)}`);
    out.push('');
  }
  const by = (s: Severity): number => result.alerts.filter((a) => a.severity === s).length;
  const withAlerts = result.functions.filter((f) => f.alerts.total > 0).length;
  out.push(
    result.alerts.length === 0
      ? `No alerts on ${plural(result.functions.length, 'function')}.`
      : `${plural(result.alerts.length, 'alert')} (${plural(by('error'), 'error')}, ${plural(by('warning'), 'warning')}, ${by('info')} info) on ${withAlerts} of ${plural(result.functions.length, 'function')}.`,
  );
  return out.join('\n') + '\n';
}
