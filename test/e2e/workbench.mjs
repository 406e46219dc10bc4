/* global document, getComputedStyle -- callbacks passed to page.waitForFunction run in the browser page */
// Page helpers for driving the VS Code workbench (code-server) with Playwright, the way a user does:
// keyboard shortcuts, the command palette, the Quick Fix menu, the Problems panel.
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, installVsix, launchChromium, repoRoot, startCodeServer, waitForHttp } from '../integration/vscode/serverHarness.mjs';

export const RESULTS_DIR = join(repoRoot, 'test-results');
/** The packaged extension the UI tests install (scripts/package.mjs writes it; LG_VSIX names another). */
export const VSIX = process.env.LG_VSIX ?? join(repoRoot, `lambda-guard-${JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).version}.vsix`);

/**
 * A real VS Code (code-server) with the packaged extension installed, opened on `ws` in Debian's Chromium:
 * quiet user settings plus `settings`; `onPage` runs before the workbench loads (to listen to dialogs or the
 * console). `close()` stops both and removes `tmp` (kept with LG_KEEP=1).
 */
export async function openWorkbench({ tmp, ws, settings = {}, viewport, onPage }) {
  if (!existsSync(VSIX)) throw new Error(`${VSIX} missing: run node scripts/package.mjs`);
  const userData = join(tmp, 'user-data');
  const extensions = join(tmp, 'extensions');
  mkdirSync(join(userData, 'User'), { recursive: true });
  writeFileSync(join(userData, 'User/settings.json'), JSON.stringify({ 'workbench.startupEditor': 'none', 'telemetry.telemetryLevel': 'off', 'workbench.tips.enabled': false, ...settings }));
  await installVsix(VSIX, { extensionsDir: extensions, userDataDir: userData });
  const port = await freePort();
  const server = startCodeServer({ port, userDataDir: userData, extensionsDir: extensions, folder: ws, logFile: join(tmp, 'code-server.log') });
  await waitForHttp(`http://127.0.0.1:${port}/healthz`, 60_000, server);
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport });
  onPage?.(page);
  await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(ws)}`);
  await waitForWorkbench(page);
  return {
    page,
    async close() {
      await browser.close();
      await server.stop();
      if (!process.env.LG_KEEP) rmSync(tmp, { recursive: true, force: true });
    },
  };
}
const DOC_IMAGES = join(repoRoot, 'docs/images');
/** The screenshots the documentation shows (docs/extension.md). */
const DOC_SHOTS = new Set(['findings-view', 'problems', 'quick-fix', 'placeholder-selected', 'hover-action']);

/** Saves a screenshot to test-results/ (and to docs/images/ with LG_UPDATE_SCREENSHOTS=1, for the README). */
export async function shot(page, name) {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = join(RESULTS_DIR, `${name}.png`);
  await page.screenshot({ path: file });
  if (process.env.LG_UPDATE_SCREENSHOTS === '1' && DOC_SHOTS.has(name)) {
    mkdirSync(DOC_IMAGES, { recursive: true });
    copyFileSync(file, join(DOC_IMAGES, `${name}.png`));
  }
  return file;
}

export async function waitForWorkbench(page) {
  await page.waitForSelector('.monaco-workbench .part.activitybar', { timeout: 90_000 });
}

/** Runs a command from the command palette by its title. */
export async function runCommand(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${title}`);
  // Enter runs the focused row: wait until the filtered list has put this command there (the list is
  // redrawn after the input changes, and recently used commands come first).
  await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: title }).first().waitFor();
  await page.keyboard.press('Enter');
}

export async function openFile(page, name) {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(name);
  await page.locator('.quick-input-list .monaco-list-row').first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator(`.tabs-container .tab[aria-label^="${name.split('/').pop()}"]`).first().waitFor();
  await page.locator('.monaco-editor .view-lines').first().click();
}

/** Moves the cursor to a 1-based line and column (Go to Line). */
export async function gotoPosition(page, line, column) {
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+1'); // focus the editor
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`:${line}:${column}`);
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden' });
}

/** The light bulb's state: whether it is shown anywhere in the editor. */
function bulbShown(page) {
  return page.evaluate(() => {
    const bulb = document.querySelector('.monaco-editor .lightBulbWidget');
    return !!bulb && bulb.offsetParent !== null && getComputedStyle(bulb).visibility !== 'hidden' && bulb.getBoundingClientRect().height > 0;
  });
}

async function waitForBulb(page, shown) {
  const deadline = Date.now() + 30_000;
  while ((await bulbShown(page)) !== shown) {
    if (Date.now() > deadline) throw new Error(`the light bulb never ${shown ? 'appeared' : 'went away'}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Puts the cursor at a 1-based line and column and opens the Quick Fix menu there, once; returns its entries'
 * titles. A menu that does not open, or says "No code actions available", fails: a user pressing Ctrl+.
 * would have seen that.
 *
 * VS Code asks for code actions by itself 250 ms after the cursor moves, for the light bulb, and that request
 * replaces a Ctrl+. pressed before it. A user presses Ctrl+. after seeing the bulb appear; so does this: it
 * first parks the cursor on line 1 (no finding there) until the bulb is gone, then moves to the finding and
 * waits for the bulb, which can then only be the one for the new position.
 */
export async function quickFixTitles(page, line, column) {
  const rows = page.locator('.action-widget .monaco-list-row.action');
  await gotoPosition(page, 1, 1);
  await waitForBulb(page, false);
  await gotoPosition(page, line, column);
  await waitForBulb(page, true);
  await page.keyboard.press('Control+.');
  const none = page.locator('.monaco-editor .message, .action-widget', { hasText: 'No code actions available' });
  await rows.first().or(none.first()).waitFor({ timeout: 15_000 });
  if (await none.count()) throw new Error('the Quick Fix menu said "No code actions available"');
  return rows.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? e.textContent ?? ''));
}

/** Picks an entry of the open Quick Fix menu with the keyboard (the first entry has the focus). */
export async function chooseQuickFix(page, title) {
  const titles = await page.locator('.action-widget .monaco-list-row.action').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
  const index = titles.indexOf(title);
  if (index < 0) throw new Error(`no quick fix "${title}" in ${titles.join(' | ')}`);
  for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.locator('.action-widget .monaco-list-row').first().waitFor({ state: 'hidden' }).catch(() => undefined);
}

/** aria-labels of the Problems panel rows (the panel is a virtual list: maximise it first). */
export async function problemRows(page) {
  return page.locator('.markers-panel .monaco-list-row').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
}

export async function editorText(page) {
  return page.locator('.monaco-editor .view-lines').first().innerText();
}
