/**
 * Times for people in the webview: the user's locale and time zone (the tests pin both), relative
 * durations ("3 hours ago"). Numbers come from src/core/dashboard/numberText.ts.
 */
export interface Fmt {
  locale?: string;
  timeZone?: string;
  /** Epoch ms. */
  now(): number;
}

export const USER_FMT: Fmt = { now: () => Date.now() };

// Formatters are cached: making an Intl formatter costs far more than using one, and tables format per cell.
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();

function dateFormat(fmt: Fmt, year: boolean, seconds: boolean): Intl.DateTimeFormat {
  const key = `${fmt.locale ?? ''}|${fmt.timeZone ?? ''}|${year}|${seconds}`;
  let f = dateFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(fmt.locale, {
      timeZone: fmt.timeZone,
      year: year ? 'numeric' : undefined,
      month: 'short',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      second: seconds ? '2-digit' : undefined,
      hourCycle: 'h23',
    });
    dateFormats.set(key, f);
  }
  return f;
}

/** `Dec 2, 09:15` (with the year when it is not this year's; seconds when asked). */
export function timeText(epochSeconds: number, fmt: Fmt, seconds = false): string {
  const d = new Date(epochSeconds * 1000);
  const sameYear = d.getUTCFullYear() === new Date(fmt.now()).getUTCFullYear();
  return dateFormat(fmt, !sameYear, seconds).format(d);
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
  ['second', 1000],
];

/** `3 hours ago`, `in 5 minutes`, `now`. */
export function relativeText(epochMs: number, fmt: Fmt): string {
  const diff = epochMs - fmt.now();
  let rtf = relativeFormats.get(fmt.locale ?? '');
  if (!rtf) relativeFormats.set(fmt.locale ?? '', (rtf = new Intl.RelativeTimeFormat(fmt.locale, { numeric: 'auto' })));
  for (const [unit, ms] of UNITS) {
    // Rounded by size, so 90 s ago reads as 2 minutes as 90 s ahead does (Math.round(-1.5) is -1).
    if (Math.abs(diff) >= ms || unit === 'second') return rtf.format(Math.sign(diff) * Math.round(Math.abs(diff) / ms), unit);
  }
  return rtf.format(0, 'second');
}

/** The time zone the user reads times in, for captions: `Europe/Paris`. */
export function zoneName(fmt: Fmt): string {
  return fmt.timeZone ?? new Intl.DateTimeFormat(fmt.locale).resolvedOptions().timeZone;
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** An evidence value that is an ISO 8601 time, shown in local time; anything else unchanged. */
export function evidenceValueText(value: string, fmt: Fmt): string {
  if (!ISO.test(value)) return value;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? timeText(Math.floor(ms / 1000), fmt, true) : value;
}
