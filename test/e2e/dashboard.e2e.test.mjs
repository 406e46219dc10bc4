/* global document, getComputedStyle -- callbacks passed to evaluate() run in the browser page */
// The dashboard through the UI of a real VS Code (code-server with the packaged .vsix), driven with
// Playwright as a new user would: open the demo account, open a function's dashboard from the Functions
// view, check the charts and alert rows in the webview (an iframe inside an iframe), switch to a light
// theme, open the overview, open a snapshot whose function name holds a script payload, and reload the
// window to see the panels restored. Screenshots go to test-results/ (and docs/images/ with
// LG_UPDATE_SCREENSHOTS=1).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../integration/vscode/serverHarness.mjs';
import { openWorkbench, RESULTS_DIR, runCommand, waitForWorkbench } from './workbench.mjs';

const tmp = mkdtempSync(join(tmpdir(), 'lg-dash-e2e-'));
const ws = join(tmp, 'ws');
const PAYLOAD_NAME = 'partner-sync<script>alert(1)</script>';
/** The screenshots docs/dashboard.md shows. */
const DOC_SHOTS = new Set(['dashboard-dark', 'dashboard-light', 'dashboard-overview']);
const dialogs = [];
const consoleErrors = [];
let vscodeUi;
let page;

/** Saves a screenshot to test-results/ (and docs/images/ with LG_UPDATE_SCREENSHOTS=1: the README's images). */
async function shot(name) {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = join(RESULTS_DIR, `${name}.png`);
  await page.screenshot({ path: file });
  if (process.env.LG_UPDATE_SCREENSHOTS === '1' && DOC_SHOTS.has(name)) {
    mkdirSync(join(repoRoot, 'docs/images'), { recursive: true });
    copyFileSync(file, join(repoRoot, 'docs/images', `${name}.png`));
  }
}

/** The dashboard page: the webview's outer iframe holds the page in its #active-frame. */
function dashboard() {
  return page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
}

/** The demo snapshot with one function renamed to a script payload and tags holding markup (generated from the sources with tsx). */
function hostileSnapshot(file) {
  const script = join(tmp, 'hostile.mts');
  writeFileSync(
    script,
    `import { writeFileSync } from 'node:fs';
import { loadDemoAccount } from ${JSON.stringify(join(repoRoot, 'src/core/inventory/snapshot/demoAccount.ts'))};
import { demoTelemetry } from ${JSON.stringify(join(repoRoot, 'src/core/inventory/snapshot/demoTelemetry.ts'))};
const s = loadDemoAccount();
const t = demoTelemetry(s, new Date()).telemetry;
const f = s.functions.find((x) => x.name === 'partner-sync');
f.name = ${JSON.stringify(PAYLOAD_NAME)};
f.arn = f.arn.replace(/partner-sync$/, f.name);
f.tags = { ...f.tags, team: '<img src=x onerror=alert(2)>' };
for (const m of t.metrics) if (m.functionName === 'partner-sync') m.functionName = f.name;
s.telemetry = t;
writeFileSync(${JSON.stringify(file)}, JSON.stringify(s));
`,
  );
  execFileSync(process.execPath, ['--import', 'tsx', script], { cwd: repoRoot, stdio: 'inherit' });
}

before(async () => {
  mkdirSync(ws, { recursive: true });
  writeFileSync(join(ws, 'README.md'), '# empty workspace\n');
  const settings = { 'workbench.colorTheme': 'Default Dark Modern', 'security.workspace.trust.enabled': false, 'lambdaGuard.monitor.notifications': false };
  const onPage = (p) => {
    p.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    p.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) consoleErrors.push(m.text());
    });
  };
  vscodeUi = await openWorkbench({ tmp, ws, settings, viewport: { width: 1500, height: 1000 }, onPage });
  page = vscodeUi.page;
  // The extension's contributions are known once its view container is in the activity bar.
  await page.locator('.activitybar a[aria-label^="Lambda Guard"]').waitFor({ timeout: 90_000 });
});

after(async () => {
  await vscodeUi?.close();
});

/** A row of the Functions view by its label. */
function treeRow(label) {
  return page.locator('.part.sidebar .monaco-list-row', { has: page.locator('.label-name', { hasText: new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }) }).first();
}

test("a function's dashboard opens from the Functions view and shows its charts and alerts", async () => {
  await runCommand(page, 'Lambda Guard: Open Demo Account');
  await page.locator('.activitybar a[aria-label^="Lambda Guard"]').click({ force: true });
  const region = treeRow('us-east-1');
  await region.waitFor({ timeout: 60_000 });
  if ((await region.getAttribute('aria-expanded')) !== 'true') await region.click();
  const fn = treeRow('orders-api');
  await fn.waitFor();
  await fn.click();
  await fn.hover();
  await fn.locator('.action-label[aria-label="Open Dashboard"]').click();
  const d = dashboard();
  await d.locator('header h1').waitFor({ timeout: 60_000 });
  assert.equal(await d.locator('header h1').innerText(), 'orders-api');
  await d.locator('figure.chart canvas').nth(3).waitFor({ timeout: 30_000 });
  assert.equal(await d.locator('figure.chart canvas').count(), 4, 'four charts');
  const summary = await d.locator('#chart-invocations .summary').innerText();
  assert.match(summary, /^Invocations per 5 minutes: total [\d,]+, peak [\d,]+ at /, summary);
  // The legend shows the values under the cursor: hover the invocations chart.
  const plot = d.locator('#chart-invocations .u-over');
  const box = await plot.boundingBox();
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height / 2);
  const values = await d.locator('#chart-invocations .u-legend .u-value').allInnerTexts();
  assert.ok(values.some((v) => /^\d[\d,.]*$/.test(v.trim())), `legend values under the cursor: ${values.join(' | ')}`);
  const rules = await d.locator('#alerts tbody tr td:nth-child(3)').allInnerTexts();
  assert.deepEqual(rules.map((r) => r.trim()).sort(), ['LG101', 'LG105']);
  await page.mouse.move(5, 5);
  await shot('dashboard-dark');
});

test('the dashboard follows the theme: a light theme redraws it in light colours', async () => {
  const d = dashboard();
  const before = await d.locator('body').evaluate((b) => getComputedStyle(b).getPropertyValue('--lg-fg').trim());
  // Preferences: Color Theme (Ctrl+K Ctrl+T): typing its title in the palette may pick "Browse Color Themes in Marketplace".
  await page.keyboard.press('Control+K');
  await page.keyboard.press('Control+T');
  const input = page.locator('.quick-input-widget input');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Dark Modern' }).first().waitFor();
  await input.fill('Light Modern');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Light Modern' }).first().waitFor();
  await page.keyboard.press('Enter');
  await d.locator('body.vscode-light').waitFor({ timeout: 30_000 });
  await page.waitForTimeout(300);
  const after = await d.locator('body').evaluate((b) => getComputedStyle(b).getPropertyValue('--lg-fg').trim());
  assert.notEqual(after, before, 'the foreground colour the charts read changed');
  assert.equal(await d.locator('figure.chart canvas').count(), 4, 'the charts are still there');
  await shot('dashboard-light');
});

test('the account overview ranks the functions and lists the alerts', async () => {
  await runCommand(page, 'Lambda Guard: Open Account Overview');
  const d = dashboard();
  await d.locator('header h1', { hasText: 'Account overview' }).waitFor({ timeout: 60_000 });
  await d.locator('#functions tbody tr').nth(12).waitFor();
  assert.equal(await d.locator('#functions tbody tr').count(), 13);
  assert.equal(await d.locator('#alerts tbody tr').count(), 5);
  const first = await d.locator('#functions tbody tr').first().innerText();
  assert.match(first, /error/, 'a function with an error alert comes first');
  await shot('dashboard-overview');
});

test('a function whose name holds a script payload is shown with its name as text, and nothing runs', async () => {
  const file = join(ws, 'hostile-snapshot.json');
  hostileSnapshot(file);
  await runCommand(page, 'Lambda Guard: Open Snapshot…');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  // VS Code's file dialog opens on a folder and writes that folder's path into its input again once it has
  // listed it: a path typed before then is overwritten. Type once the folder's entries are listed.
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'hostile-snapshot.json' }).first().waitFor();
  await input.fill(file);
  await page.waitForFunction((want) => document.querySelector('.quick-input-widget input')?.value === want, file);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'hostile-snapshot.json' }).first().waitFor();
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden', timeout: 15_000 }).catch(async (e) => {
    await shot('snapshot-dialog-open');
    throw new Error(`the file dialog stayed open on "${await input.inputValue()}" (${(await page.locator('.quick-input-message').allInnerTexts()).join(' ')}): ${e.message}`);
  });
  // The Functions view says when the snapshot is open and audited.
  await page.locator('.part.sidebar', { hasText: 'hostile-snapshot.json · 13 functions' }).waitFor({ timeout: 60_000 });
  await runCommand(page, 'Lambda Guard: Open Dashboard');
  await page.locator('.quick-input-widget', { hasText: 'open the dashboard of a function' }).waitFor().catch(async (e) => {
    await shot('dashboard-picker-missing');
    throw e;
  });
  await input.fill('partner-sync');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'partner-sync' }).first().waitFor();
  await page.keyboard.press('Enter');
  const d = dashboard();
  const h1 = d.locator('header h1', { hasText: 'partner-sync' });
  await h1.waitFor({ timeout: 60_000 });
  assert.equal(await h1.innerText(), PAYLOAD_NAME, 'the heading shows the name, markup characters and all');
  const counts = await d.locator('body').evaluate(() => ({
    scripts: [...document.querySelectorAll('script')].map((s) => s.id || s.src.slice(s.src.lastIndexOf('/') + 1)),
    img: document.querySelectorAll('img, svg, iframe, object, embed').length,
    headingElements: document.querySelector('header h1').querySelectorAll('*').length,
  }));
  // VS Code's API script and the bundle; nothing from the name.
  assert.deepEqual(counts.scripts, ['_vscodeApiScript', 'dashboard.js']);
  assert.equal(counts.img, 0);
  assert.equal(counts.headingElements, 1, 'the heading holds one span: the name as text');
  assert.deepEqual(dialogs, [], 'no alert() ran');
  assert.deepEqual(consoleErrors, [], 'no content-security-policy violation');
  await shot('dashboard-payload');
});

test('after a reload the dashboard panels come back (serializer and webview state) and fill in when an account opens', async () => {
  await page.waitForTimeout(2000);
  await page.reload();
  await waitForWorkbench(page);
  const tab = (title) => page.locator('.tabs-container .tab', { hasText: title }).first();
  await tab('orders-api · Dashboard').waitFor({ timeout: 60_000 }).catch(async (e) => {
    await shot('dashboard-reload-failed');
    throw e;
  });
  await tab('Lambda Guard: Overview').waitFor();
  await tab('orders-api · Dashboard').click();
  // A reloaded window has no account open yet: the restored panel says so, then fills in when one opens.
  const d = dashboard();
  await d.locator('p.error', { hasText: 'No account is open' }).waitFor({ timeout: 60_000 });
  await runCommand(page, 'Lambda Guard: Open Demo Account');
  await d.locator('header h1', { hasText: 'orders-api' }).waitFor({ timeout: 60_000 });
  await d.locator('figure.chart canvas').nth(3).waitFor({ timeout: 30_000 });
  assert.equal(await d.locator('button[aria-pressed="true"]').first().innerText(), '24 h', 'the restored range');
});
