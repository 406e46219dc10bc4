import type { FlowSummary } from '../inventory/telemetryModel';
import type { FunctionGroups } from './functionGroups';
import { learningStart } from './historyStart';
import { addValue, emptyHistogram, type ValueHistogram } from './valueHistogram';

/**
 * The learned rate of rejected flow records of one function group: a histogram of rejected records per
 * hour. Not seasonal: rejections come from scanners and misconfigurations, not from the users' day.
 */
export interface RejectedModel {
  hours: ValueHistogram;
  /** Epoch seconds of the first flow record of the group (any action). */
  firstData: number;
  historySeconds: number;
}

const HOUR = 3600;

export function hourOf(epochSeconds: number): number {
  return Math.floor(epochSeconds / HOUR) * HOUR;
}

/** Rejected records per hour (by the hour of each record's `first`), per group key. */
export function rejectedByHour(flows: FlowSummary[], groups: FunctionGroups, keep: (f: FlowSummary) => boolean): Map<string, { hours: Map<number, number>; first: number }> {
  const out = new Map<string, { hours: Map<number, number>; first: number }>();
  for (const f of flows) {
    if (!keep(f)) continue;
    const group = groups.byInterface.get(f.interfaceId);
    if (!group) continue;
    let acc = out.get(group.key);
    if (!acc) {
      acc = { hours: new Map(), first: f.first };
      out.set(group.key, acc);
    }
    acc.first = Math.min(acc.first, f.first);
    if (f.rejected > 0) acc.hours.set(hourOf(f.first), (acc.hours.get(hourOf(f.first)) ?? 0) + f.rejected);
  }
  return out;
}

/** Adds the hours in [from, to) to each group's model, hours without records counting as zero once the group has shown traffic. */
export function learnRejected(models: Map<string, RejectedModel>, flows: FlowSummary[], groups: FunctionGroups, from: number, to: number): void {
  const byGroup = rejectedByHour(flows, groups, (f) => f.last >= from && f.last < to);
  for (const [key, acc] of byGroup) {
    const prior = models.get(key);
    const start = learningStart(from, acc.first, prior !== undefined, HOUR);
    if (start === undefined) continue;
    const end = hourOf(to);
    if (end <= start) continue;
    const model = prior ?? { hours: emptyHistogram(), firstData: acc.first, historySeconds: 0 };
    model.firstData = Math.min(model.firstData, acc.first);
    for (let h = start; h < end; h += HOUR) addValue(model.hours, acc.hours.get(h) ?? 0);
    model.historySeconds += end - start;
    models.set(key, model);
  }
}
