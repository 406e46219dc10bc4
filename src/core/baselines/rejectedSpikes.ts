import type { FlowSummary } from '../inventory/telemetryModel';
import type { Alert } from '../model/alert';
import { clock, count, iso, makeAlert, plural, round2 } from './alertText';
import { countBand, robustSigma, zScore, type BandRule } from './countBand';
import { functionsBehind, groupTarget, type FunctionGroup, type FunctionGroups } from './functionGroups';
import { warmupOf, type WarmupState } from './historyStart';
import { MIN_FLOW_HISTORY_DAYS } from './newPeers';
import { hourOf, type RejectedModel } from './rejectedModel';
import { histogramStats } from './valueHistogram';

/** The hourly rule of the invocation baseline (5σ, double the usual), with a floor of 10 rejected records in an hour. */
export const REJECTED_RULE: BandRule = { z: 5, ratio: 1, floor: 10 };
/** One peer hitting this many distinct ports in the alert is a port scan: error. */
const SCAN_PORTS = 100;

export interface RejectedSummary {
  state: WarmupState;
  historyDays: number;
  rejected: number;
}

/** LG105 for one group: hours of the window whose rejected records exceed the learned hourly band; consecutive hours are one alert. */
export function detectRejectedSpikes(
  model: RejectedModel | undefined,
  windowFlows: FlowSummary[],
  group: FunctionGroup,
  groups: FunctionGroups,
  window: { start: number; end: number },
): { alerts: Alert[]; summary: RejectedSummary } {
  const rejectedFlows = windowFlows.filter((f) => f.rejected > 0);
  const rejected = rejectedFlows.reduce((s, f) => s + f.rejected, 0);
  const { state, historyDays } = warmupOf(model?.firstData, window.start, MIN_FLOW_HISTORY_DAYS);
  if (!model || state !== 'ready') return { alerts: [], summary: { state, historyDays, rejected } };

  const stats = histogramStats(model.hours);
  const band = countBand(stats.median, robustSigma(stats), stats.n, REJECTED_RULE);
  const perHour = new Map<number, FlowSummary[]>();
  for (const f of rejectedFlows) {
    const h = hourOf(f.first);
    const list = perHour.get(h);
    if (list) list.push(f);
    else perHour.set(h, [f]);
  }
  const flagged = [...perHour]
    .filter(([, fl]) => fl.reduce((s, f) => s + f.rejected, 0) > band.upper)
    .map(([h]) => h)
    .sort((a, b) => a - b);
  const runs: number[][] = [];
  for (const h of flagged) {
    const run = runs[runs.length - 1];
    if (run && h === run[run.length - 1] + 3600) run.push(h);
    else runs.push([h]);
  }
  const alerts = runs.map((hours) => rejectedAlert(hours.flatMap((h) => perHour.get(h) ?? []), hours, band, group, groups, historyDays));
  return { alerts, summary: { state, historyDays, rejected } };
}

function rejectedAlert(
  flows: FlowSummary[],
  hours: number[],
  band: ReturnType<typeof countBand>,
  group: FunctionGroup,
  groups: FunctionGroups,
  historyDays: number,
): Alert {
  const total = flows.reduce((s, f) => s + f.rejected, 0);
  const peak = Math.max(...hours.map((h) => flows.filter((f) => hourOf(f.first) === h).reduce((s, f) => s + f.rejected, 0)));
  const byPeer = new Map<string, { rejected: number; ports: Set<number> }>();
  for (const f of flows) {
    const p = byPeer.get(f.peer) ?? { rejected: 0, ports: new Set<number>() };
    p.rejected += f.rejected;
    p.ports.add(f.port);
    byPeer.set(f.peer, p);
  }
  const top = [...byPeer]
    .sort((a, b) => b[1].rejected - a[1].rejected || (a[0] < b[0] ? -1 : 1))
    .slice(0, 5)
    .map(([peer, p]) => ({ peer, rejected: p.rejected, ports: p.ports.size }));
  const distinctPorts = new Set(flows.map((f) => f.port)).size;
  const first = flows.reduce((m, f) => Math.min(m, f.first), Infinity);
  const names = functionsBehind(groups, group, new Set(flows.map((f) => f.interfaceId)));
  const scan = top[0] && top[0].ports >= SCAN_PORTS;
  const lead = top[0] ? `; ${top[0].peer} alone: ${plural(top[0].rejected, 'record')} on ${plural(top[0].ports, 'port')}` : '';
  const message =
    `${count(total)} rejected connection records in ${plural(hours.length, 'hour')} from ${clock(hours[0])} (peak ${count(peak)} in an hour; ` +
    `usually ${count(band.median)}, at most ${count(band.upper)})${lead}${scan ? ' — a port scan looks like this' : ''}` +
    `${names.length > 1 ? ` (network interface shared by ${names.join(', ')})` : ''}.`;
  const evidence = {
    rejectedRecords: total,
    peakPerHour: peak,
    expectedPerHour: round2(band.median),
    expectedUpper: round2(band.upper),
    robustZ: round2(zScore(peak, band)),
    start: iso(hours[0]),
    end: iso(hours[hours.length - 1] + 3600),
    topPeers: top,
    distinctPeers: byPeer.size,
    distinctPorts,
    interfaceIds: [...new Set(flows.map((f) => f.interfaceId))].sort(),
    baselineDays: historyDays,
  };
  return makeAlert('LG105', scan ? 'error' : 'warning', groupTarget(group, names), iso(first), message, evidence, names);
}
