import { CHANGE_WORDS, classifyChange } from '../activity/functionChanges';
import type { FunctionIndex } from '../activity/functionIndex';
import type { TrailEvent } from '../inventory/telemetryModel';
import type { ChangeRow } from '../../shared/protocol';
import { evidenceEntries } from './evidenceText';
import { epochSeconds } from './timeText';

/** Most changes a view lists: a deploy pipeline gone wild should not make a table of a million rows. */
export const MAX_CHANGE_ROWS = 500;

/**
 * Changes to one function recorded by CloudTrail in [start, end) (epoch seconds): what changed in plain
 * words, who made it (`user bob`, `role ci-deploy (session gh-42)`), from where, and the details the
 * event carries (new code SHA, the permission's principal …). Newest first.
 */
export function buildChangeRows(events: readonly TrailEvent[], index: FunctionIndex, fn: { name: string; region: string }, start: number, end: number): ChangeRow[] {
  const rows: ChangeRow[] = [];
  for (const e of events) {
    const t = epochSeconds(e.time);
    if (t === undefined || t < start || t >= end) continue;
    const change = classifyChange(e, index);
    if (!change || change.function.name !== fn.name || change.function.region !== fn.region) continue;
    const row: ChangeRow = { time: t, what: CHANGE_WORDS[change.kind], who: change.actor.label, eventName: change.eventName };
    if (change.actor.sourceIp) row.sourceIp = change.actor.sourceIp;
    const details = evidenceEntries(change.details).map((d) => `${d.label}: ${d.value}`);
    if (details.length) row.details = details.join('; ');
    rows.push(row);
  }
  rows.sort((a, b) => b.time - a.time);
  return rows.slice(0, MAX_CHANGE_ROWS);
}
