import { baseEventName } from '../activity/eventName';
import { functionKey, type FunctionIndex } from '../activity/functionIndex';
import { attributeCall } from '../activity/roleSessions';
import type { TrailEvent } from '../inventory/telemetryModel';

/** One kind of API call (event source + event name without version suffix) a function's role session made. */
export interface CallEntry {
  eventSource: string;
  eventName: string;
  firstSeen: number;
  lastSeen: number;
  count: number;
}

/** Per function (by `region/name`): the calls its role session made while learning. */
export type CallModels = Map<string, Map<string, CallEntry>>;

export function callKey(eventSource: string, eventName: string): string {
  return `${eventSource} ${baseEventName(eventName)}`;
}

function digits(s: string, from: number, count: number): number {
  let n = 0;
  for (let i = from; i < from + count; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return NaN;
    n = n * 10 + d;
  }
  return n;
}

/**
 * Epoch seconds of an ISO time. `YYYY-MM-DDTHH:MM:SS…Z` (what TrailEvent holds) is read digit by
 * digit — Date.parse costs a microsecond and runs for every event several times; anything else goes
 * through Date.parse.
 */
export function epochOf(isoTime: string): number {
  if (isoTime.length >= 20 && isoTime.charCodeAt(10) === 84 /* T */ && isoTime.endsWith('Z') && (isoTime.length === 20 || isoTime.charCodeAt(19) === 46) /* . */) {
    const ms = Date.UTC(digits(isoTime, 0, 4), digits(isoTime, 5, 2) - 1, digits(isoTime, 8, 2), digits(isoTime, 11, 2), digits(isoTime, 14, 2), digits(isoTime, 17, 2));
    if (Number.isFinite(ms)) return ms / 1000;
  }
  return Math.floor(Date.parse(isoTime) / 1000);
}

/** Adds the attributed calls with a time in [from, to). */
export function learnCalls(models: CallModels, events: TrailEvent[], index: FunctionIndex, from: number, to: number): void {
  for (const e of events) {
    const t = epochOf(e.time);
    if (!(t >= from && t < to)) continue;
    const who = attributeCall(e, index);
    if (!who) continue;
    const key = callKey(e.eventSource, e.eventName);
    for (const fn of who.functions) {
      const fk = functionKey(fn.region, fn.name);
      let calls = models.get(fk);
      if (!calls) {
        calls = new Map();
        models.set(fk, calls);
      }
      const entry = calls.get(key);
      if (entry) {
        entry.firstSeen = Math.min(entry.firstSeen, t);
        entry.lastSeen = Math.max(entry.lastSeen, t);
        entry.count += 1;
      } else {
        calls.set(key, { eventSource: e.eventSource, eventName: baseEventName(e.eventName), firstSeen: t, lastSeen: t, count: 1 });
      }
    }
  }
}

/** Drops calls not made since `before` (epoch seconds). */
export function forgetOldCalls(models: CallModels, before: number): void {
  for (const calls of models.values()) for (const [k, e] of calls) if (e.lastSeen < before) calls.delete(k);
}
