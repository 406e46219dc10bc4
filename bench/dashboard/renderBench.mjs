/* global window -- callbacks passed to page.evaluate run in the browser page */
// The dashboard's render budget: 30 days of one-minute data (43,200 points × 4 charts; Duration has
// p50 and p99, Invocations its band) drawn by the production webview bundle in headless Chromium, from
// the model's arrival to the frame after the charts are on their canvases (the bundle's own `rendered`
// report, performance.now() in the page). Baseline, same browser: bare uPlot drawing the same raw
// series (no downsampling, no band, no tables). Also the bundle size and a live update of the open view.
// Prints JSON; bench/dashboard/runDashboardBench.mjs writes it into bench/RESULTS.md.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchChromium, repoRoot } from '../../test/integration/vscode/serverHarness.mjs';
import { benchModel } from './benchModel.mjs';

const RUNS = Number(process.env.LG_BENCH_RUNS ?? 7);
const POINTS = 43_200;
const tmp = mkdtempSync(join(tmpdir(), 'lg-dash-bench-'));

// The same options as esbuild.mjs uses for this entry with --production.
await build({ absWorkingDir: repoRoot, bundle: true, platform: 'browser', format: 'iife', target: 'es2022', mainFields: ['module', 'main'], minify: true, sourcemap: false, entryPoints: ['media/dashboard/main.ts'], outfile: join(tmp, 'dashboard.js'), logLevel: 'warning' });
const size = { js: statSync(join(tmp, 'dashboard.js')).size, css: statSync(join(tmp, 'dashboard.css')).size };
const uplotDir = join(repoRoot, 'node_modules/uplot/dist');
copyFileSync(join(uplotDir, 'uPlot.iife.min.js'), join(tmp, 'uPlot.iife.min.js'));
copyFileSync(join(uplotDir, 'uPlot.min.css'), join(tmp, 'uPlot.min.css'));
const uplotSize = { js: statSync(join(uplotDir, 'uPlot.iife.min.js')).size, css: statSync(join(uplotDir, 'uPlot.min.css')).size };

const m = benchModel(POINTS);
writeFileSync(join(tmp, 'model.json'), JSON.stringify(m));
// The stub stands in for VS Code's API: it records what the page posts.
const stub = `<script>window.__posted = []; window.acquireVsCodeApi = () => ({ postMessage: (m) => window.__posted.push(m), getState: () => undefined, setState: () => undefined });</script>`;
writeFileSync(join(tmp, 'dashboard.html'), `<!DOCTYPE html><html><head><meta charset="utf-8"><link rel="stylesheet" href="dashboard.css"></head><body>${stub}<script src="dashboard.js"></script></body></html>`);
writeFileSync(
  join(tmp, 'baseline.html'),
  `<!DOCTYPE html><html><head><meta charset="utf-8"><link rel="stylesheet" href="uPlot.min.css"></head><body><script src="uPlot.iife.min.js"></script><script>
window.drawBaseline = (m) => new Promise((resolve) => {
  const t0 = performance.now();
  for (const c of m.charts) {
    const div = document.createElement('div');
    document.body.appendChild(div);
    const opts = { width: 1300, height: 190, scales: { x: { time: true } }, series: [{}, ...c.lines.map((l) => ({ label: l.label, stroke: '#1a85ff' }))] };
    new uPlot(opts, [c.timestamps, ...c.lines.map((l) => l.values)], div);
  }
  requestAnimationFrame(() => resolve(performance.now() - t0));
});
</script></body></html>`,
);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const browser = await launchChromium();
const ours = [];
const withClone = [];
const updates = [];
const base = [];
let check;
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const modelText = readFileSync(join(tmp, 'model.json'), 'utf8');
  for (let run = 0; run < RUNS + 1; run++) {
    await page.goto(pathToFileURL(join(tmp, 'dashboard.html')).href);
    await page.waitForFunction(() => window.__posted.some((p) => p.type === 'ready'));
    // The model is parsed in the page first: what is timed is the message and the drawing.
    await page.evaluate((text) => (window.__model = JSON.parse(text)), modelText);
    const r = await page.evaluate(
      () =>
        new Promise((resolve) => {
          const t0 = performance.now();
          const done = () => {
            const rendered = window.__posted.filter((p) => p.type === 'rendered');
            if (rendered.length) resolve({ total: performance.now() - t0, report: rendered[0].report });
            else setTimeout(done, 1);
          };
          window.postMessage({ type: 'model', model: window.__model }, '*');
          done();
        }),
    );
    // A live refresh of the open view: the same model again, drawn in place.
    const u = await page.evaluate(
      () =>
        new Promise((resolve) => {
          const before = window.__posted.length;
          window.postMessage({ type: 'model', model: window.__model }, '*');
          const done = () => {
            const next = window.__posted.slice(before).find((p) => p.type === 'rendered');
            if (next) resolve(next.report.ms);
            else setTimeout(done, 1);
          };
          done();
        }),
    );
    if (run === 0) {
      // Warm-up run (code caches); also what a person would see.
      check = { report: r.report, canvases: await page.locator('figure.chart canvas').count(), alertRows: await page.locator('#alerts tbody tr').count(), legend: await page.locator('.u-legend').count() };
      await page.screenshot({ path: join(tmp, 'render.png'), fullPage: true });
      continue;
    }
    ours.push(r.report.ms);
    withClone.push(r.total);
    updates.push(u);
  }
  for (let run = 0; run < RUNS + 1; run++) {
    await page.goto(pathToFileURL(join(tmp, 'baseline.html')).href);
    await page.evaluate((text) => (window.__model = JSON.parse(text)), modelText);
    const ms = await page.evaluate(() => window.drawBaseline(window.__model));
    if (run > 0) base.push(ms);
  }
  const resultsDir = join(repoRoot, 'test-results');
  mkdirSync(resultsDir, { recursive: true });
  copyFileSync(join(tmp, 'render.png'), join(resultsDir, 'dashboard-bench-render.png'));
} finally {
  await browser.close();
  rmSync(tmp, { recursive: true, force: true });
}

const out = {
  runs: RUNS,
  points: POINTS,
  renderMs: { median: median(ours), all: ours },
  renderWithMessageMs: { median: median(withClone), all: withClone },
  liveUpdateMs: { median: median(updates), all: updates },
  baselineBareUplotMs: { median: median(base), all: base },
  bundleBytes: size,
  uplotBytes: uplotSize,
  check,
};
console.log(JSON.stringify(out, null, 2));
if (process.env.LG_BENCH_OUT) writeFileSync(process.env.LG_BENCH_OUT, JSON.stringify(out));
