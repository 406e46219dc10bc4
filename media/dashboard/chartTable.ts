import { extremaIndices } from '../../src/core/dashboard/downsample';
import { chartValue } from '../../src/core/dashboard/numberText';
import type { ChartSeries } from '../../src/shared/protocol';
import { el, type DomElement } from './dom';
import { timeText } from './format';
import type { ViewCtx } from './tables';

/** Rows a chart's table shows at most: every peak and trough of ~75 time slices. */
const TABLE_BUCKETS = 75;

/**
 * A chart's data as a table, the alternative for screen readers and keyboards: time, each line and the
 * expected band. Long series keep the extremes of each time slice (the same points the chart keeps)
 * and say how many of the points are listed.
 */
export function chartTable(ctx: ViewCtx, chart: ChartSeries): DomElement {
  const { doc, fmt } = ctx;
  const lines = chart.lines.map((l) => l.values);
  const idx = extremaIndices(chart.timestamps, chart.band ? [...lines, chart.band.low, chart.band.high] : lines, TABLE_BUCKETS);
  const head = el(doc, 'tr', {}, el(doc, 'th', { scope: 'col' }, 'Time'));
  for (const l of chart.lines) head.appendChild(el(doc, 'th', { scope: 'col', class: 'num' }, chart.lines.length > 1 ? l.label : chart.title));
  if (chart.band) head.appendChild(el(doc, 'th', { scope: 'col', class: 'num' }, 'Expected range'));
  const body = el(doc, 'tbody');
  for (const i of idx) {
    const tr = el(doc, 'tr', {}, el(doc, 'th', { scope: 'row' }, timeText(chart.timestamps[i], fmt)));
    for (const l of chart.lines) tr.appendChild(el(doc, 'td', { class: 'num' }, chartValue(l.values[i], chart.unit, fmt.locale)));
    if (chart.band) tr.appendChild(el(doc, 'td', { class: 'num' }, `${chartValue(chart.band.low[i], chart.unit, fmt.locale)} – ${chartValue(chart.band.high[i], chart.unit, fmt.locale)}`));
    body.appendChild(tr);
  }
  const shown = idx.length === chart.timestamps.length ? `${idx.length} points` : `${idx.length} of ${chart.timestamps.length} points (the highest and lowest of each time slice; Save data as CSV for all)`;
  return el(doc, 'table', { class: 'grid chart-table' }, el(doc, 'caption', {}, `${chart.title}: ${shown}`), el(doc, 'thead', {}, head), body);
}
