import type { PanelState, RangeChoice } from '../../shared/protocol';

const HOUR = 3_600_000;
const SPANS: Record<Exclude<RangeChoice['kind'], 'custom'>, number> = { '1h': HOUR, '24h': 24 * HOUR, '7d': 7 * 24 * HOUR, '30d': 30 * 24 * HOUR };
/** Longest custom range: a year of one-minute points is already half a million per series. */
export const MAX_CUSTOM_SPAN_MS = 366 * 24 * HOUR;

export const DEFAULT_RANGE: RangeChoice = { kind: '24h' };

/** [start, end) in epoch ms: the last hour/day/week/month ending `now`, or the custom bounds. */
export function resolveRange(choice: RangeChoice, now: number): { start: number; end: number } {
  if (choice.kind === 'custom') return { start: choice.start, end: choice.end };
  return { start: now - SPANS[choice.kind], end: now };
}

/** A range choice from an untrusted message or a restored state; a plain-words reason when it is not one. */
export function parseRangeChoice(x: unknown): { ok: true; value: RangeChoice } | { ok: false; error: string } {
  const o = x as { kind?: unknown; start?: unknown; end?: unknown } | null;
  if (!o || typeof o !== 'object') return { ok: false, error: 'no time range given' };
  if (o.kind === '1h' || o.kind === '24h' || o.kind === '7d' || o.kind === '30d') return { ok: true, value: { kind: o.kind } };
  if (o.kind !== 'custom') return { ok: false, error: `unknown time range ${JSON.stringify(o.kind)}` };
  const { start, end } = o;
  if (typeof start !== 'number' || typeof end !== 'number' || !Number.isFinite(start) || !Number.isFinite(end)) return { ok: false, error: 'a custom range needs a start and an end time' };
  if (end <= start) return { ok: false, error: 'the range must end after it starts' };
  if (end - start > MAX_CUSTOM_SPAN_MS) return { ok: false, error: 'a custom range may span at most 366 days' };
  return { ok: true, value: { kind: 'custom', start, end } };
}

/** A panel state from the webview or VS Code's saved state; undefined when it is not one. */
export function parsePanelState(x: unknown): PanelState | undefined {
  const o = x as { view?: { kind?: unknown; arn?: unknown }; range?: unknown } | null;
  if (!o || typeof o !== 'object' || !o.view || typeof o.view !== 'object') return undefined;
  const range = parseRangeChoice(o.range);
  const r = range.ok ? range.value : DEFAULT_RANGE;
  if (o.view.kind === 'overview') return { view: { kind: 'overview' }, range: r };
  if (o.view.kind === 'function' && typeof o.view.arn === 'string' && o.view.arn.length > 0 && o.view.arn.length <= 2048) return { view: { kind: 'function', arn: o.view.arn }, range: r };
  return undefined;
}
