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
