import { escapeHtml as x } from '../report/escape';
import type { ChartSeries, DashboardSeverity } from '../../shared/protocol';
import { extremaIndices } from './downsample';
import { chartValue, shortNumber } from './numberText';
import { niceTicks, timeTicks } from './axisTicks';

/**
 * A static SVG line chart for the HTML reports: no script, no external reference, no inline style —
 * colours are presentation attributes with classes a page may restyle (`lg-line-0`, `lg-band`,
 * `lg-marker-error` …). Every text (title, labels, marker titles) is escaped. Times read in UTC.
 */
export interface SvgChartOptions {
  width?: number;
  height?: number;
  /** Epoch seconds: the x range (defaults to the data's). */
  from?: number;
  to?: number;
  /** Alerts to mark on the time axis. */
  markers?: { time: number; severity: DashboardSeverity; label: string }[];
}

const LINE_COLOURS = ['#0969da', '#bf3989', '#1a7f37'];
const SEVERITY_COLOURS: Record<DashboardSeverity, string> = { error: '#cf222e', warning: '#9a6700', info: '#0969da' };
const M = { left: 52, right: 12, top: 22, bottom: 26 };

const fmt = (n: number): string => (Math.round(n * 10) / 10).toString();

/** `M x y L x y …` for the non-null runs of a line. */
function linePath(xs: number[], ys: (number | null)[]): string {
  let d = '';
  let pen = false;
  for (let i = 0; i < xs.length; i++) {
    const y = ys[i];
    if (y === null) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${fmt(xs[i])} ${fmt(y)}`;
    pen = true;
  }
  return d;
}

/** Closed shapes between the band's edges, one per run where both are known. */
function bandPath(xs: number[], hi: (number | null)[], lo: (number | null)[]): string {
  let d = '';
  let run: number[] = [];
  const close = (): void => {
    if (run.length > 1) d += `M${run.map((i) => `${fmt(xs[i])} ${fmt(hi[i]!)}`).join('L')}L${[...run].reverse().map((i) => `${fmt(xs[i])} ${fmt(lo[i]!)}`).join('L')}Z`;
    run = [];
  };
  for (let i = 0; i < xs.length; i++) {
    if (hi[i] === null || lo[i] === null) close();
    else run.push(i);
  }
  close();
  return d;
}

export function svgChart(chart: ChartSeries, opts: SvgChartOptions = {}): string {
  const W = opts.width ?? 720;
  const H = opts.height ?? 180;
  const pw = W - M.left - M.right;
  const ph = H - M.top - M.bottom;
  const ts = chart.timestamps;
  const from = opts.from ?? ts[0] ?? 0;
  const to = opts.to ?? (ts.length ? ts[ts.length - 1] : from + 1);
  const band = chart.band;
  const keep = extremaIndices(ts, [...chart.lines.map((l) => l.values), ...(band ? [band.low, band.high] : [])], pw);
  let max = 0;
  for (const i of keep) {
    for (const l of chart.lines) max = Math.max(max, l.values[i] ?? 0);
    if (band) max = Math.max(max, band.high[i] ?? 0);
  }
  const yTicks = niceTicks(max, 4);
  const top = yTicks[yTicks.length - 1] || 1;
  const px = (t: number): number => M.left + ((t - from) / (to - from || 1)) * pw;
  const py = (v: number): number => M.top + ph - (v / top) * ph;
  const xs = keep.map((i) => px(ts[i]));
  const pick = (vals: (number | null)[]): (number | null)[] => keep.map((i) => (vals[i] === null || vals[i] === undefined ? null : py(vals[i] as number)));
  // Duration ticks carry their unit (850 ms, 1.5 s): the title needs none.
  const title = chart.title;
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" class="lg-chart" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img" aria-label="${x(`${title}, ${ts.length} points`)}">`);
  out.push(`<title>${x(title)}</title>`);
  out.push(`<text class="lg-title" x="${M.left}" y="14" font-size="12" font-weight="600" fill="currentColor">${x(title)}</text>`);
  for (const v of yTicks) {
    const y = fmt(py(v));
    out.push(`<line class="lg-grid" x1="${M.left}" x2="${W - M.right}" y1="${y}" y2="${y}" stroke="#8c959f" stroke-opacity="0.3"/>`);
    out.push(`<text class="lg-tick" x="${M.left - 4}" y="${y}" dy="3" text-anchor="end" font-size="10" fill="currentColor">${x(chart.unit === 'ms' ? chartValue(v, 'ms', 'en-US') : shortNumber(v, 'en-US'))}</text>`);
  }
  for (const t of timeTicks(from, to, 6)) {
    out.push(`<text class="lg-tick" x="${fmt(px(t.time))}" y="${H - 8}" text-anchor="middle" font-size="10" fill="currentColor">${x(t.label)}</text>`);
  }
  out.push(`<text class="lg-tick" x="${W - M.right}" y="14" text-anchor="end" font-size="10" fill="currentColor">UTC</text>`);
  if (chart.lines.length > 1) {
    // A legend after the title: one coloured dash and label per line.
    let lx = M.left + title.length * 7 + 16;
    chart.lines.forEach((l, i) => {
      out.push(`<text class="lg-legend-${i}" x="${lx}" y="14" font-size="11" fill="${LINE_COLOURS[i % LINE_COLOURS.length]}">— ${x(l.label)}</text>`);
      lx += l.label.length * 7 + 28;
    });
  }
  if (band) out.push(`<path class="lg-band" d="${bandPath(xs, pick(band.high), pick(band.low))}" fill="#0969da" fill-opacity="0.15" stroke="none"><title>expected band</title></path>`);
  chart.lines.forEach((l, i) => {
    out.push(`<path class="lg-line-${i}" d="${linePath(xs, pick(l.values))}" fill="none" stroke="${LINE_COLOURS[i % LINE_COLOURS.length]}" stroke-width="1.25"><title>${x(l.label)}</title></path>`);
  });
  for (const m of opts.markers ?? []) {
    if (m.time < from || m.time > to) continue;
    const mx = fmt(px(m.time));
    out.push(
      `<g class="lg-marker-${x(m.severity)}"><title>${x(m.label)}</title>` +
        `<line x1="${mx}" x2="${mx}" y1="${M.top}" y2="${M.top + ph}" stroke="${SEVERITY_COLOURS[m.severity]}" stroke-dasharray="3 2"/>` +
        `<path d="M${mx} ${M.top + ph}l-4 6h8z" fill="${SEVERITY_COLOURS[m.severity]}"/></g>`,
    );
  }
  out.push('</svg>');
  return out.join('');
}
