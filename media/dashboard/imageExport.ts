import type { ChartView } from './chartView';
import type { ChartTheme } from './theme';

/**
 * "Save as PNG": the charts' canvases stacked on one canvas with the view's title and each chart's
 * title, on the theme's background, as a PNG data URL for the host to save. Nothing leaves the page but
 * pixels: the canvases hold only what uPlot drew.
 */
export function composePng(doc: Document, theme: ChartTheme, title: string, charts: readonly ChartView[]): string {
  const r = window.devicePixelRatio || 1;
  const pad = 12 * r;
  const headH = 28 * r;
  const labelH = 20 * r;
  const drawn = charts.filter((c) => c.canvas);
  const width = Math.max(400 * r, ...drawn.map((c) => c.canvas!.width)) + 2 * pad;
  const height = headH + drawn.reduce((s, c) => s + labelH + c.canvas!.height + pad, 0) + pad;
  const out = doc.createElement('canvas');
  out.width = width;
  out.height = height;
  const ctx = out.getContext('2d');
  if (!ctx) throw new Error('this webview cannot draw on a canvas');
  ctx.fillStyle = theme.background;
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = theme.fg;
  ctx.textBaseline = 'top';
  ctx.font = `600 ${15 * r}px ${theme.font}`;
  ctx.fillText(title, pad, pad);
  let y = headH + pad / 2;
  ctx.font = `${12 * r}px ${theme.font}`;
  for (const c of drawn) {
    ctx.fillStyle = theme.fg;
    ctx.fillText(c.title, pad, y);
    y += labelH;
    ctx.drawImage(c.canvas!, pad, y);
    y += c.canvas!.height + pad;
  }
  return out.toDataURL('image/png');
}

/** A sparkline of invocations per bucket, drawn into a small canvas in the theme's first line colour. */
export function drawSpark(canvas: HTMLCanvasElement, values: readonly number[], theme: ChartTheme): void {
  const r = window.devicePixelRatio || 1;
  const w = 96;
  const h = 20;
  canvas.width = w * r;
  canvas.height = h * r;
  const ctx = canvas.getContext('2d');
  if (!ctx || values.length === 0) return;
  const max = Math.max(1, ...values);
  ctx.scale(r, r);
  ctx.strokeStyle = theme.lines[0];
  ctx.lineWidth = 1;
  ctx.beginPath();
  values.forEach((v, i) => {
    const x = values.length === 1 ? w / 2 : (i / (values.length - 1)) * (w - 2) + 1;
    const y = h - 1 - (v / max) * (h - 2);
    if (i === 0) ctx.moveTo(x, y);
    else ctx.lineTo(x, y);
  });
  ctx.stroke();
}
