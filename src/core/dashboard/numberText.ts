/**
 * Numbers for people, shared by the webview, the SVG charts and the exports' headings: thousands
 * separators, short forms on axes (12.3k), durations in ms or s, bytes in KB/MB/GB. `locale` defaults to
 * the runtime's (the user's, in the webview).
 */

const formats = new Map<string, Intl.NumberFormat>();

/** One formatter per locale and precision: making one costs far more than using it (tables call this per cell). */
function nf(locale: string | undefined, maxFractionDigits: number): Intl.NumberFormat {
  const key = `${locale ?? ''}|${maxFractionDigits}`;
  let f = formats.get(key);
  if (!f) formats.set(key, (f = new Intl.NumberFormat(locale, { maximumFractionDigits: maxFractionDigits })));
  return f;
}

export function groupedNumber(n: number, locale?: string, maxFractionDigits = 0): string {
  return nf(locale, maxFractionDigits).format(n);
}

/** Axis ticks: 950, 1.2k, 34k, 1.5M. */
export function shortNumber(n: number, locale?: string): string {
  const a = Math.abs(n);
  const fmt = (v: number, suffix: string): string => `${nf(locale, Math.abs(v) < 10 ? 1 : 0).format(v)}${suffix}`;
  if (a >= 1e9) return fmt(n / 1e9, 'G');
  if (a >= 1e6) return fmt(n / 1e6, 'M');
  if (a >= 1e4) return fmt(n / 1e3, 'k');
  return nf(locale, a < 10 && !Number.isInteger(n) ? 2 : 0).format(n);
}

/** 850 ms, 1.25 s, 2 min 5 s. */
export function durationMs(ms: number, locale?: string): string {
  if (!Number.isFinite(ms)) return '—';
  if (Math.abs(ms) < 1000) return `${nf(locale, Math.abs(ms) < 10 ? 1 : 0).format(ms)} ms`;
  if (Math.abs(ms) < 60_000) return `${nf(locale, 2).format(ms / 1000)} s`;
  const min = Math.floor(ms / 60_000);
  const s = Math.round((ms % 60_000) / 1000);
  return s ? `${min} min ${s} s` : `${min} min`;
}

const BYTE_UNITS = ['bytes', 'KB', 'MB', 'GB', 'TB'];

/** 1,023 bytes, 1.4 MB (powers of 1024, as the consoles show). */
export function humanBytes(n: number, locale?: string): string {
  let v = n;
  let u = 0;
  while (Math.abs(v) >= 1024 && u < BYTE_UNITS.length - 1) {
    v /= 1024;
    u++;
  }
  return `${nf(locale, u === 0 ? 0 : 1).format(v)} ${BYTE_UNITS[u]}`;
}

/** A value of a chart for a tooltip or a table: counts grouped, durations with their unit. */
export function chartValue(v: number | null | undefined, unit: 'count' | 'ms', locale?: string): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  return unit === 'ms' ? durationMs(v, locale) : groupedNumber(v, locale, 2);
}

/** `5 minutes`, `1 hour`: a period in words. */
export function periodWords(seconds: number): string {
  if (seconds % 86400 === 0) return seconds === 86400 ? '1 day' : `${seconds / 86400} days`;
  if (seconds % 3600 === 0) return seconds === 3600 ? '1 hour' : `${seconds / 3600} hours`;
  if (seconds % 60 === 0) return seconds === 60 ? '1 minute' : `${seconds / 60} minutes`;
  return `${seconds} seconds`;
}
