/** Axis ticks for the static SVG charts: round values and whole time steps (UTC). */

/** 0, step, 2·step … up to the first tick at or above `max`, with step 1, 2 or 5 × 10ⁿ and about `count` intervals. */
export function niceTicks(max: number, count: number): number[] {
  if (!(max > 0)) return [0, 1];
  const raw = max / Math.max(1, count);
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const out: number[] = [];
  for (let v = 0; v < max + step; v += step) {
    out.push(Math.round(v / step) * step);
    if (v >= max) break;
  }
  return out;
}

const MIN = 60;
const HOUR = 3600;
const DAY = 86400;
const STEPS = [5 * MIN, 15 * MIN, 30 * MIN, HOUR, 2 * HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR, DAY, 2 * DAY, 7 * DAY, 14 * DAY, 30 * DAY];

function two(n: number): string {
  return String(n).padStart(2, '0');
}

/** Ticks at whole steps of time between `from` and `to` (epoch seconds), labelled `14:00` or `03-02` (UTC). */
export function timeTicks(from: number, to: number, maxTicks: number): { time: number; label: string }[] {
  const span = to - from;
  if (!(span > 0)) return [];
  const step = STEPS.find((s) => span / s <= maxTicks) ?? STEPS[STEPS.length - 1];
  const out: { time: number; label: string }[] = [];
  for (let t = Math.ceil(from / step) * step; t <= to; t += step) {
    const d = new Date(t * 1000);
    const label = step < DAY ? `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}` : `${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())}`;
    out.push({ time: t, label });
  }
  return out;
}
