import { UsageError } from './usageError';

const UNIT_SECONDS: Record<string, number> = { m: 60, h: 3600, d: 86400, w: 604800 };

/** `90m`, `24h`, `14d`, `2w` → milliseconds; anything else is a usage error naming the flag. */
export function parseDuration(text: string, flag: string): number {
  const m = /^(\d+(?:\.\d+)?)([mhdw])$/.exec(text.trim());
  if (!m || Number(m[1]) <= 0) throw new UsageError(`${flag} must be a duration such as 90m, 24h, 14d or 2w, not "${text}"`);
  return Number(m[1]) * UNIT_SECONDS[m[2]] * 1000;
}
