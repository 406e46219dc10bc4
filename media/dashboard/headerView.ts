import { chartValue, periodWords } from '../../src/core/dashboard/numberText';
import type { ChartSeries, DashboardModel } from '../../src/shared/protocol';
import { el, type DomElement } from './dom';
import { relativeText, timeText, zoneName } from './format';
import type { ViewCtx } from './tables';

/** `Dec 1, 09:00 – Dec 2, 09:00 (Europe/Paris)`. */
export function rangeText(ctx: ViewCtx, range: { start: number; end: number }): string {
  return `${timeText(Math.floor(range.start / 1000), ctx.fmt)} – ${timeText(Math.floor(range.end / 1000), ctx.fmt)} (${zoneName(ctx.fmt)})`;
}

/** The view's heading: what it shows (the function's name as text), where, for which range, how fresh. */
export function headerBlock(ctx: ViewCtx, model: DashboardModel): DomElement {
  const { doc } = ctx;
  const updated = model.generatedAt ? el(doc, 'span', { class: 'muted', title: new Date(model.generatedAt).toISOString() }, ` · updated ${relativeText(model.generatedAt, ctx.fmt)}`) : null;
  if (model.kind === 'overview') {
    return el(doc, 'header', { class: 'view-header' }, el(doc, 'h1', {}, 'Account overview: ', el(doc, 'span', { class: 'name' }, model.account)), el(doc, 'p', { class: 'muted' }, rangeText(ctx, model.range), updated));
  }
  return el(
    doc,
    'header',
    { class: 'view-header' },
    el(doc, 'h1', {}, el(doc, 'span', { class: 'name' }, model.functionName)),
    el(doc, 'p', { class: 'muted' }, `${model.region} · `, el(doc, 'span', { class: 'mono' }, model.arn)),
    model.sharedWith.length ? el(doc, 'p', { class: 'muted' }, `Shares its network interfaces with ${model.sharedWith.join(', ')}`) : null,
    el(doc, 'p', { class: 'muted' }, rangeText(ctx, model.range), updated),
  );
}

/** Why something is empty or partial, as a list (nothing when all is well). */
export function notesBlock(ctx: ViewCtx, notes: readonly string[]): DomElement {
  const ul = el(ctx.doc, 'ul', { class: 'notes', 'aria-label': 'Notes about the data' });
  for (const n of notes) ul.appendChild(el(ctx.doc, 'li', {}, n));
  if (notes.length === 0) ul.setAttribute('hidden', '');
  return ul;
}

/** One line that says what a chart holds (also its accessible description): total, peak and when, latest. */
export function chartSummary(ctx: ViewCtx, chart: ChartSeries): string {
  const parts: string[] = [];
  for (const l of chart.lines) {
    let peak = -Infinity;
    let peakAt = -1;
    let total = 0;
    let last: number | null = null;
    let n = 0;
    l.values.forEach((v, i) => {
      if (v === null) return;
      n++;
      total += v;
      last = v;
      if (v > peak) {
        peak = v;
        peakAt = chart.timestamps[i];
      }
    });
    if (n === 0) {
      parts.push(`${l.label}: no data`);
      continue;
    }
    const name = chart.lines.length > 1 ? `${l.label} ` : '';
    const head = chart.unit === 'count' ? `${name}total ${chartValue(total, 'count', ctx.fmt.locale)}, ` : name;
    parts.push(`${head}peak ${chartValue(peak, chart.unit, ctx.fmt.locale)} at ${timeText(peakAt, ctx.fmt)}, latest ${chartValue(last, chart.unit, ctx.fmt.locale)}`);
  }
  const per = chart.period ? ` per ${periodWords(chart.period)}` : '';
  return `${chart.title}${per}: ${parts.join('; ')}`;
}
