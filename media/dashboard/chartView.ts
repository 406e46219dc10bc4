import uPlot from 'uplot';
import { downsampleChart } from '../../src/core/dashboard/downsample';
import { chartValue, shortNumber } from '../../src/core/dashboard/numberText';
import type { AlertRow, ChartSeries } from '../../src/shared/protocol';
import { chartTable } from './chartTable';
import { withAlpha } from './color';
import { button, el, replace, type Attrs, type Child, type DomElement } from './dom';
import { chartSummary } from './headerView';
import type { ViewCtx } from './tables';
import type { ChartTheme } from './theme';

const HEIGHT = 190;

/** Marks each alert on the time axis: a dashed line across the plot and a triangle on the axis, in its severity's colour. */
function alertMarkers(alerts: () => readonly AlertRow[], theme: () => ChartTheme): uPlot.Plugin {
  return {
    hooks: {
      draw: [
        (u) => {
          const { ctx, bbox } = u;
          const t = theme();
          ctx.save();
          for (const a of alerts()) {
            const x = Math.round(u.valToPos(a.time, 'x', true));
            if (x < bbox.left || x > bbox.left + bbox.width) continue;
            const colour = a.severity === 'error' ? t.error : a.severity === 'warning' ? t.warning : t.info;
            const s = uPlot.pxRatio;
            ctx.strokeStyle = colour;
            ctx.fillStyle = colour;
            ctx.lineWidth = s;
            ctx.setLineDash([4 * s, 3 * s]);
            ctx.beginPath();
            ctx.moveTo(x + 0.5, bbox.top);
            ctx.lineTo(x + 0.5, bbox.top + bbox.height);
            ctx.stroke();
            ctx.setLineDash([]);
            ctx.beginPath();
            ctx.moveTo(x, bbox.top + bbox.height - 7 * s);
            ctx.lineTo(x - 5 * s, bbox.top + bbox.height);
            ctx.lineTo(x + 5 * s, bbox.top + bbox.height);
            ctx.closePath();
            ctx.fill();
          }
          ctx.restore();
        },
      ],
    },
  };
}

/** uPlot's columns: time, the lines, then the band's low and high edges. */
function columns(c: ChartSeries): uPlot.AlignedData {
  const cols: (number | null)[][] = [c.timestamps, ...c.lines.map((l) => l.values)];
  if (c.band) cols.push(c.band.low, c.band.high);
  return cols as uPlot.AlignedData;
}

function shape(c: ChartSeries): string {
  return `${c.unit}|${c.lines.map((l) => l.label).join(',')}|${c.band ? 'band' : ''}`;
}

/**
 * One chart: a figure with its title and a one-line summary (also the canvas's accessible name), the
 * uPlot chart with the learned band and alert markers, and a "Show as table" alternative. New data of
 * the same shape goes into the same chart (no flicker); it is drawn at most four points per pixel.
 */
export class ChartView {
  readonly element: HTMLElement;
  private plot?: uPlot;
  private width = 0;
  /** Where uPlot draws; its width is the chart's. */
  readonly plotBox: HTMLElement;
  private readonly summary: HTMLElement;
  private readonly tableBox: HTMLElement;
  private readonly toggle: HTMLElement;
  private tableOpen = false;

  constructor(
    private readonly ctx: ViewCtx,
    private chart: ChartSeries,
    private alerts: readonly AlertRow[],
    private readonly theme: () => ChartTheme,
  ) {
    const h = (tag: string, attrs: Attrs, ...children: Child[]): HTMLElement => el(ctx.doc, tag, attrs, ...children) as unknown as HTMLElement;
    const id = `chart-${chart.id}`;
    this.summary = h('p', { class: 'muted summary', id: `${id}-summary` });
    this.plotBox = h('div', { class: 'plot', role: 'img', 'aria-describedby': `${id}-summary` });
    this.tableBox = h('div', { class: 'table-box', id: `${id}-table`, hidden: true });
    this.toggle = button(ctx.doc, 'Show as table', () => this.setTableOpen(!this.tableOpen), { class: 'link', 'aria-expanded': 'false', 'aria-controls': `${id}-table` }) as unknown as HTMLElement;
    const head = h('div', { class: 'chart-head' }, h('h3', { id: `${id}-title` }, chart.title), this.toggle);
    this.element = h('figure', { class: 'chart', id, 'aria-labelledby': `${id}-title` }, head, this.summary, this.plotBox, this.tableBox);
    this.describe();
  }

  /** Points the chart holds (all lines, before downsampling for display). */
  get points(): number {
    return this.chart.timestamps.length * this.chart.lines.length;
  }

  get canvas(): HTMLCanvasElement | undefined {
    return this.plot?.ctx.canvas;
  }

  get title(): string {
    return this.chart.title;
  }

  update(chart: ChartSeries, alerts: readonly AlertRow[]): void {
    const same = shape(chart) === shape(this.chart);
    this.chart = chart;
    this.alerts = alerts;
    this.describe();
    if (this.tableOpen) this.fillTable();
    if (!this.plot || !this.width) return;
    if (same) this.plot.setData(this.displayData());
    else this.build();
  }

  resize(width: number): void {
    const w = Math.max(200, Math.floor(width));
    if (w === this.width) return;
    const rebucket = !this.plot || Math.abs(w - this.width) > 40;
    this.width = w;
    if (!this.plot) return this.build();
    this.plot.setSize({ width: w, height: HEIGHT });
    if (rebucket) this.plot.setData(this.displayData());
  }

  /** Re-reads the colours (theme switch): strokes and fills are functions of the theme, so a redraw is enough. */
  redraw(): void {
    if (!this.plot) return;
    // Axis fonts are fixed at creation: rebuild so a theme with another font applies.
    this.build();
  }

  destroy(): void {
    this.plot?.destroy();
    this.plot = undefined;
  }

  private displayData(): uPlot.AlignedData {
    return columns(downsampleChart(this.chart, this.width));
  }

  private describe(): void {
    const text = this.chart.timestamps.length ? chartSummary(this.ctx, this.chart) : `${this.chart.title}: no data in this range`;
    const full = `${text}${this.alerts.length ? ` · ${this.alerts.length} alert${this.alerts.length === 1 ? '' : 's'} marked` : ''}`;
    this.summary.textContent = full;
    this.plotBox.setAttribute('aria-label', `${this.chart.title} chart`);
    this.plot?.ctx.canvas.setAttribute('aria-label', full);
  }

  private setTableOpen(open: boolean): void {
    this.tableOpen = open;
    this.toggle.setAttribute('aria-expanded', String(open));
    this.toggle.textContent = open ? 'Hide table' : 'Show as table';
    if (open) {
      this.fillTable();
      this.tableBox.removeAttribute('hidden');
    } else this.tableBox.setAttribute('hidden', '');
  }

  private fillTable(): void {
    replace(this.ctx.doc, this.tableBox as unknown as DomElement, [chartTable(this.ctx, this.chart)]);
  }

  private build(): void {
    this.plot?.destroy();
    const c = this.chart;
    const t = this.theme;
    const font = `11px ${t().font}`;
    const fmtValue = (v: number | null): string => chartValue(v, c.unit);
    const series: uPlot.Series[] = [{}];
    // Counts are zero where nothing ran, so a gap is missing data: left open. A duration has no value where
    // nothing ran: a sparse function's durations are joined across those periods rather than left as dots.
    const spanGaps = c.unit === 'ms';
    c.lines.forEach((l, i) => series.push({ label: l.label, stroke: () => t().lines[i % t().lines.length], width: 1.5, spanGaps, points: { show: false }, value: (_u, v) => fmtValue(v) }));
    const bands: uPlot.Band[] = [];
    if (c.band) {
      const lo = series.length;
      const edge = { stroke: () => withAlpha(t().band, 0.5), width: 0.75, points: { show: false }, value: (_u: uPlot, v: number | null) => fmtValue(v) };
      series.push({ label: 'expected low', ...edge }, { label: 'expected high', ...edge });
      bands.push({ series: [lo + 1, lo], fill: () => withAlpha(t().band, t().bandAlpha) });
    }
    const axis = (values: uPlot.Axis['values']): uPlot.Axis => ({
      stroke: () => t().fg,
      grid: { stroke: () => t().grid, width: 1 },
      ticks: { stroke: () => t().grid, width: 1 },
      font,
      values,
    });
    const opts: uPlot.Options = {
      width: this.width,
      height: HEIGHT,
      scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, max > 0 ? max * 1.08 : 1] } },
      series,
      bands,
      axes: [axis(undefined), { ...axis((_u, splits) => splits.map((v) => (c.unit === 'ms' ? chartValue(v, 'ms') : shortNumber(v)))), size: 60 }],
      legend: { show: true, live: true },
      cursor: { points: { show: false } },
      plugins: [alertMarkers(() => this.alerts, t)],
    };
    this.plot = new uPlot(opts, this.displayData(), this.plotBox);
    const canvas = this.plot.ctx.canvas;
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', this.summary.textContent ?? c.title);
  }
}
