// Runs inside the real VS Code extension host (loaded by runHost.mjs as the "tests" module): how long
// opening a dashboard takes on the demo account, from the command to the webview's report that it drew
// the first model (the command resolves on that report). Baseline in the same host: a bare webview panel
// whose page posts one message back as soon as its script runs — the cost of the webview machinery itself.
import { writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import type { LambdaGuardApi } from '../../src/extension/api';
import type { DashboardOpened } from '../../src/extension/dashboard/dashboardPanels';

const RUNS = 7;
const ACCOUNT = '123456789012';
const FUNCTIONS = ['orders-api', 'analytics-etl', 'payments-webhook', 'orders-worker', 'auth-authorizer', 'nightly-report', 'image-resizer'];

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function closeAll(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** A bare panel: enableScripts, a nonce'd inline script that posts `ready`; resolves with the round trip. */
function bareWebview(): Promise<number> {
  const t0 = performance.now();
  const panel = vscode.window.createWebviewPanel('lgBenchBare', 'bare', vscode.ViewColumn.Active, { enableScripts: true });
  const nonce = 'bench0123456789';
  return new Promise((resolve) => {
    panel.webview.onDidReceiveMessage(() => {
      resolve(performance.now() - t0);
      panel.dispose();
    });
    panel.webview.html = `<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'nonce-${nonce}'"></head><body><script nonce="${nonce}">acquireVsCodeApi().postMessage('ready')</script></body></html>`;
  });
}

async function openFunction(name: string): Promise<{ ms: number; inPage: number; charts: number; readyMs: number }> {
  const t0 = performance.now();
  const r = await vscode.commands.executeCommand<DashboardOpened>('lambdaGuard.openDashboard', `arn:aws:lambda:us-east-1:${ACCOUNT}:function:${name}`);
  if (!r?.report) throw new Error(`the dashboard of ${name} reported nothing`);
  return { ms: performance.now() - t0, inPage: r.report.ms, charts: r.report.charts, readyMs: r.readyMs ?? NaN };
}

export async function run(): Promise<void> {
  const out: Record<string, unknown> = { vscodeVersion: vscode.version };
  const api = await vscode.extensions.getExtension<LambdaGuardApi>('lambda-guard.lambda-guard')!.activate();
  const bare: number[] = [];
  for (let i = 0; i < RUNS + 1; i++) bare.push(await bareWebview());
  out.bareWebviewMs = { median: median(bare.slice(1)), all: bare.slice(1) };

  // Cold: the account is open but the range has not been computed yet (opened right after the account).
  await vscode.commands.executeCommand('lambdaGuard.openDemoAccount');
  const cold = await openFunction('orders-api');
  out.coldMs = cold;
  await closeAll();
  while (api.account.monitor().state !== 'ready') await new Promise((r) => setTimeout(r, 100));
  // The default range is computed in the background once monitoring settles: let it finish.
  await new Promise((r) => setTimeout(r, 3000));

  // Warm: monitoring has settled (and its data for the last 24 hours is there); each function opened once, closed after.
  const warm: { ms: number; inPage: number; readyMs: number }[] = [];
  for (let i = 0; i < RUNS; i++) {
    warm.push(await openFunction(FUNCTIONS[i % FUNCTIONS.length]));
    await closeAll();
  }
  out.warmMs = { median: median(warm.map((w) => w.ms)), inPageMedian: median(warm.map((w) => w.inPage)), readyMedian: median(warm.map((w) => w.readyMs)), all: warm.map((w) => Math.round(w.ms)) };

  // The overview, warm.
  const ov: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await vscode.commands.executeCommand('lambdaGuard.openOverview');
    ov.push(performance.now() - t0);
    await closeAll();
  }
  out.overviewMs = { median: median(ov), all: ov.map(Math.round) };

  if (process.env.LG_BENCH_OUT) writeFileSync(process.env.LG_BENCH_OUT, JSON.stringify(out, null, 2));
  const title = `dashboard open: cold ${cold.ms.toFixed(0)} ms, warm ${median(warm.map((w) => w.ms)).toFixed(0)} ms (bare webview ${median(bare.slice(1)).toFixed(0)} ms)`;
  if (process.env.LG_TEST_RESULTS) writeFileSync(process.env.LG_TEST_RESULTS, JSON.stringify({ passed: [{ title, durationMs: 0 }], failed: [], vscodeVersion: vscode.version, done: true }));
}
