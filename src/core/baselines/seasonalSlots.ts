/**
 * Seasonal slots of the invocation baseline: hour of day × weekday or weekend, in UTC (48 slots).
 * A function's traffic at 14:00 on a Tuesday is compared with its other weekday 14:00s, not with 03:00
 * or Sunday. UTC rather than the user's zone: the data has no zone, and the daily shape is learned
 * wherever it falls; only the weekday/weekend cut is off by the zone's offset.
 */
export const SLOT_COUNT = 48;

/** 1970-01-01 was a Thursday (day 4 when Sunday is 0). */
export function isWeekend(epochSeconds: number): boolean {
  const weekday = (Math.floor(epochSeconds / 86400) + 4) % 7;
  return weekday === 0 || weekday === 6;
}

export function slotOf(epochSeconds: number): number {
  const hour = Math.floor(epochSeconds / 3600) % 24;
  return (isWeekend(epochSeconds) ? 24 : 0) + hour;
}

/** `weekday 14:00 UTC`. */
export function slotLabel(slot: number): string {
  const hour = slot % 24;
  return `${slot >= 24 ? 'weekend' : 'weekday'} ${String(hour).padStart(2, '0')}:00 UTC`;
}

/** The same-day-type slots one hour either side (wrapping at midnight), then the slot itself. */
export function neighbourSlots(slot: number): number[] {
  const base = slot >= 24 ? 24 : 0;
  const hour = slot % 24;
  return [base + ((hour + 23) % 24), slot, base + ((hour + 1) % 24)];
}

/** The same hours on the other day type. */
export function otherDayTypeSlots(slot: number): number[] {
  return neighbourSlots(slot).map((s) => (s + 24) % SLOT_COUNT);
}
