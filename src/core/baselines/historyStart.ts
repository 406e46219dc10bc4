const DAY = 86400;

/**
 * Where learning starts for one entity (a function's invocations, a group's flows). Data sources omit
 * empty periods (CloudWatch returns no datapoint for a period without invocations), so gaps count as
 * zeros — but only once the entity has shown a sign of life: when its first data comes more than a day
 * after the covered range starts, it probably did not exist before, and learning starts at that hour.
 * Returns undefined when there is nothing to learn yet (no history, no data).
 */
export function learningStart(rangeStart: number, firstData: number | undefined, hasHistory: boolean, align: number): number | undefined {
  const start = Math.ceil(rangeStart / align) * align;
  if (hasHistory) return start;
  if (firstData === undefined) return undefined;
  if (firstData <= start + DAY) return start;
  const hour = Math.floor(firstData / 3600) * 3600;
  return Math.max(start, Math.floor(hour / align) * align);
}

export type WarmupState = 'ready' | 'warming-up' | 'no-data';

/** Days of history before the window (from the entity's first data) and whether that is enough. */
export function warmupOf(firstData: number | undefined, windowStart: number, minDays: number): { state: WarmupState; historyDays: number } {
  if (firstData === undefined) return { state: 'no-data', historyDays: 0 };
  const historyDays = Math.round((Math.max(0, windowStart - firstData) / DAY) * 100) / 100;
  return { state: historyDays >= minDays ? 'ready' : 'warming-up', historyDays };
}
