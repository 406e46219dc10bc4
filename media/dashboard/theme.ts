/**
 * Chart colours from the page's CSS variables (dashboard.css maps VS Code's theme variables onto
 * `--lg-*` ones with fallbacks), read again whenever the theme changes: VS Code swaps the body's
 * `vscode-light` / `vscode-dark` / `vscode-high-contrast` class and the variables on <html>.
 */
export interface ChartTheme {
  fg: string;
  muted: string;
  grid: string;
  lines: string[];
  band: string;
  bandAlpha: number;
  error: string;
  warning: string;
  info: string;
  background: string;
  font: string;
}

export function readTheme(win: Window, root: HTMLElement): ChartTheme {
  const css = win.getComputedStyle(root);
  const v = (name: string, fallback: string): string => css.getPropertyValue(name).trim() || fallback;
  return {
    fg: v('--lg-fg', '#333'),
    muted: v('--lg-muted', '#717171'),
    grid: v('--lg-grid', 'rgba(128, 128, 128, 0.35)'),
    lines: [v('--lg-line-0', '#1a85ff'), v('--lg-line-1', '#b180d7')],
    band: v('--lg-band', '#1a85ff'),
    bandAlpha: Number(v('--lg-band-alpha', '0.18')) || 0.18,
    error: v('--lg-error', '#f14c4c'),
    warning: v('--lg-warning', '#cca700'),
    info: v('--lg-info', '#3794ff'),
    background: v('--lg-bg', '#fff'),
    font: v('--lg-font', 'system-ui, sans-serif'),
  };
}

/** Calls `changed` after each theme switch (class or variables changed), at most once per frame. */
export function watchTheme(doc: Document, changed: () => void): () => void {
  let pending = false;
  const obs = new MutationObserver(() => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      changed();
    });
  });
  obs.observe(doc.body, { attributes: true, attributeFilter: ['class'] });
  obs.observe(doc.documentElement, { attributes: true, attributeFilter: ['style'] });
  return () => obs.disconnect();
}
