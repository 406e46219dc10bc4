/* global document -- callbacks passed to waitForFunction() run in the browser page */
// The Functions view through the UI of a real VS Code (code-server with the packaged .vsix), as a new user
// meets it: the examples workspace opens the embedded demo account on start-up (no AWS), the tree shows
// Account → Region → Function with its role, triggers, who can modify / invoke, findings and activity;
// "Reveal in Source" opens the SAM template line the function was deployed from; a role policy opens
// read-only with its findings. Screenshots go to test-results/ (and docs/images/ with
// LG_UPDATE_SCREENSHOTS=1: the README's).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../integration/vscode/serverHarness.mjs';
import { openWorkbench, RESULTS_DIR } from './workbench.mjs';

const tmp = mkdtempSync(join(tmpdir(), 'lg-functions-e2e-'));
const ws = join(tmp, 'examples');
const DOC_SHOTS = new Set(['functions-view', 'live-policy']);
const REPORT = 'receipts-ReportFunction-9KD2PL';
let vscodeUi;
let page;

async function shot(name) {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = join(RESULTS_DIR, `${name}.png`);
  await page.screenshot({ path: file });
  if (process.env.LG_UPDATE_SCREENSHOTS === '1' && DOC_SHOTS.has(name)) copyFileSync(file, join(repoRoot, 'docs/images', `${name}.png`));
}

/** A row of the side bar's tree by its exact label. */
function treeRow(label) {
  const exact = new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  return page.locator('.part.sidebar .monaco-list-row', { has: page.locator('.label-name', { hasText: exact }) }).first();
}

async function expand(label) {
  const row = treeRow(label);
  await row.waitFor({ timeout: 60_000 });
  if ((await row.getAttribute('aria-expanded')) !== 'true') await row.click();
  await page.waitForFunction((l) => [...document.querySelectorAll('.part.sidebar .monaco-list-row')].some((r) => r.querySelector('.label-name')?.textContent === l && r.getAttribute('aria-expanded') === 'true'), label);
  return row;
}

/** Labels of the rows under the Functions view. */
async function rowLabels() {
  return page.locator('.part.sidebar .monaco-list-row .label-name').allTextContents();
}

before(async () => {
  cpSync(join(repoRoot, 'examples'), ws, { recursive: true });
  const settings = { 'security.workspace.trust.enabled': false, 'lambdaGuard.monitor.notifications': false, 'editor.minimap.enabled': false };
  vscodeUi = await openWorkbench({ tmp, ws, settings, viewport: { width: 1500, height: 1100 } });
  page = vscodeUi.page;
  await page.locator('.activitybar a[aria-label^="Lambda Guard"]').waitFor({ timeout: 90_000 });
});

after(async () => {
  await vscodeUi?.close();
});

test('the examples workspace opens the demo account: regions, functions and their sections, with no AWS', async () => {
  await page.locator('.activitybar a[aria-label^="Lambda Guard"]').click();
  // A wider side bar, as a user reading ARNs would drag it (the sash right of the side bar).
  const bar = await page.locator('.part.sidebar').boundingBox();
  const sash = page.locator('.monaco-sash.vertical').filter({ visible: true });
  const boxes = await sash.evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => ({ x: r.x + r.width / 2, y: r.y + r.height / 2 })));
  const edge = boxes.sort((a, b) => Math.abs(a.x - (bar.x + bar.width)) - Math.abs(b.x - (bar.x + bar.width)))[0];
  if (edge) {
    await page.mouse.move(edge.x, edge.y);
    await page.mouse.down();
    await page.mouse.move(edge.x + 330, edge.y, { steps: 10 });
    await page.mouse.up();
  }
  // The Findings view above is folded, so the Functions view has the height (its list renders visible rows only).
  const findingsHeader = page.locator('.part.sidebar .pane-header', { hasText: 'Findings' }).first();
  if ((await findingsHeader.getAttribute('aria-expanded')) === 'true') await findingsHeader.click();
  await expand('us-east-1');
  await treeRow('us-west-2').waitFor();
  // The status bar names the account the view shows.
  await page.locator('.statusbar-item[id$="lambdaGuard.account"]', { hasText: 'acme-demo (123456789012)' }).waitFor({ timeout: 30_000 });
  await expand(REPORT);
  for (const section of ['Execution role: receipts-ReportFunctionRole-4D5E6F', 'Triggers', 'Who can modify', 'Who can invoke', 'Findings']) await treeRow(section).waitFor();
  // Runtime activity arrives once the demo's telemetry is judged.
  await treeRow('Activity (last 24 h)').waitFor({ timeout: 90_000 });
  await expand('Findings');
  const row = (re) => page.locator('.part.sidebar .monaco-list-row .label-name', { hasText: re }).first();
  try {
    await row(/^Function URL with AuthType NONE/).waitFor({ timeout: 15_000 });
    await row(/^Anyone may call lambda:InvokeFunction/).waitFor({ timeout: 15_000 });
  } catch (e) {
    throw new Error(`${e.message}\nrows: ${(await rowLabels()).join(' | ')}`);
  }
  await expand('Who can modify');
  // The node's children are drawn after it reports itself expanded: wait for bob's row, then say what was there.
  await treeRow('arn:aws:iam::123456789012:user/bob').waitFor({ timeout: 15_000 }).catch(() => undefined);
  assert.ok((await rowLabels()).includes('arn:aws:iam::123456789012:user/bob'), `bob has AdministratorAccess; rows: ${(await rowLabels()).join(' | ')}`);
  await shot('functions-view');
});

test('Reveal in Source opens the template line of the deployed function', async () => {
  // Hover (not click: a click would fold the node) to show the row's inline actions.
  const fn = treeRow(REPORT);
  await fn.hover();
  await fn.locator('.action-label[aria-label="Reveal in Source"]').click();
  await page.locator('.tabs-container .tab[aria-label^="template.yaml"]').first().waitFor({ timeout: 30_000 });
  await page.locator('.monaco-editor .view-line', { hasText: 'ReportFunction:' }).first().waitFor();
  // examples/sam-app/template.yaml declares ReportFunction on line 41: the selection is that line's text.
  const position = page.locator('.statusbar-item[id="status.editor.selection"]');
  await position.filter({ hasText: /^Ln 41, Col \d+ \(\d+ selected\)$/ }).waitFor({ timeout: 15_000 });
});

test('a role policy opens read-only, with its findings on their lines', async () => {
  await expand('Execution role: receipts-ReportFunctionRole-4D5E6F');
  await treeRow('ReportFunctionRolePolicy0').click();
  await page.locator(`.tabs-container .tab[aria-label^="${REPORT}.json"]`).first().waitFor({ timeout: 30_000 });
  await page.locator('.monaco-editor .view-line', { hasText: '"s3:*"' }).first().waitFor();
  // VS Code marks a read-only file system's editor; typing changes nothing.
  await page.keyboard.type('xyz');
  assert.equal(await page.locator('.monaco-editor .view-line', { hasText: 'xyz' }).count(), 0, 'the live configuration cannot be edited');
  await page.locator('.monaco-editor .squiggly-warning, .monaco-editor .squiggly-error').first().waitFor({ timeout: 30_000 });
  await shot('live-policy');
});
