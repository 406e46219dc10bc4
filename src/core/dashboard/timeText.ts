/** Epoch seconds of an ISO 8601 time; undefined when it does not parse. */
export function epochSeconds(iso: string): number | undefined {
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? Math.floor(ms / 1000) : undefined;
}

/** `2026-03-02T14:05:00Z`: UTC, second precision (exports and reports). */
export function isoSeconds(epochSecondsValue: number): string {
  return new Date(epochSecondsValue * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
