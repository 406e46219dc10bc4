/* global document -- callbacks passed to page.waitForFunction run in the browser page */
// UI end-to-end tests: the packaged .vsix installed into a real VS Code (code-server), driven with
// Playwright in headless Chromium as a new user would. Expectations come from the CLI run on the same
// files, so the tests follow the example template as it evolves. Screenshots go to test-results/.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../integration/vscode/serverHarness.mjs';
import { chooseQuickFix, gotoPosition, openFile, openWorkbench, problemRows, quickFixTitles, RESULTS_DIR, runCommand, shot } from './workbench.mjs';

const tmp = mkdtempSync(join(tmpdir(), 'lg-e2e-'));
const ws = join(tmp, 'sam-app');
const TEMPLATE = join(ws, 'template.yaml');
let vscodeUi;
let page;

/** The CLI's view of the template on disk: the expectations. */
function scan() {
  let out;
  try {
    out = execFileSync(process.execPath, [join(repoRoot, 'dist/cli.js'), 'scan', 'template.yaml', '--format', 'json', '--fail-on', 'none'], { cwd: ws, encoding: 'utf8' });
  } catch (e) {
    out = e.stdout;
  }
  const r = JSON.parse(out);
  return { findings: r.findings.filter((f) => !f.suppressed), suppressed: r.findings.filter((f) => f.suppressed), errors: r.errors };
}

/**
 * Saves (Ctrl+S) until the file on disk changed and satisfies `ok`: edits and saves are asynchronous. A save
 * truncates the file before writing it, so a read can catch it empty or half written: the text counts once
 * two reads 200 ms apart agree.
 */
async function saveAndWait(before, ok = () => true) {
  const pause = (ms) => new Promise((r) => setTimeout(r, ms));
  for (let attempt = 0; attempt < 10; attempt++) {
    await page.keyboard.press('Control+S');
    const deadline = Date.now() + 2000;
    while (Date.now() < deadline) {
      const text = readFileSync(TEMPLATE, 'utf8');
      if (text !== before && text !== '' && ok(text)) {
        await pause(200);
        if (readFileSync(TEMPLATE, 'utf8') === text) return text;
      }
      await pause(100);
    }
  }
  throw new Error('the edit never reached the disk');
}

/**
 * Waits until the editor holds exactly the findings the CLI sees on disk: the Findings view lists each of them
 * (message, rule, line, column) and nothing else, and the status bar has their counts. Counts alone are not
 * enough: a fix can remove one warning and reveal another, and the findings of the new text (published with the
 * Findings view, from the same store event) must be in before the next Ctrl+., which VS Code cancels when the
 * diagnostics change under it.
 */
async function waitForEditor(findings) {
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  const item = page.locator('.statusbar-item[id$="lambdaGuard.status"]');
  const wantCounts = `Lambda Guard: ${errors} errors, ${warnings} warnings`;
  const rowsNow = async () => {
    const labels = await page.locator('.part.sidebar .monaco-list-row').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
    return labels.filter((l) => /· Ln \d+, Col \d+$/.test(l));
  };
  // Each finding has its row (message first, rule and position last), and there is no other finding row.
  const matches = (rows) => rows.length === findings.length && findings.every((f) => rows.some((l) => l.startsWith(f.message) && l.endsWith(`${f.ruleId} · Ln ${f.location.startLine}, Col ${f.location.startColumn}`)));
  // The view renders the rows in sight only: a tall window shows them all.
  await page.setViewportSize({ width: 1400, height: 2400 });
  if (!(await page.locator('.part.sidebar .monaco-list-row[aria-label="template.yaml"]').count())) await page.locator('.activitybar a[aria-label^="Lambda Guard"]').click();
  try {
    // A deadline for a state to be reached (slow when the machine is shared), not a timing assertion.
    const deadline = Date.now() + 45_000;
    let rows = [];
    while (!((await item.getAttribute('aria-label')) ?? '').startsWith(wantCounts) || !matches((rows = await rowsNow()))) {
      if (Date.now() > deadline) throw new Error(`the editor never caught up: status "${await item.getAttribute('aria-label')}", want "${wantCounts}"; rows ${JSON.stringify(rows)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    await page.setViewportSize({ width: 1400, height: 900 });
  }
}

const same = (a, b) => a.ruleId === b.ruleId && a.resource === b.resource && a.message === b.message;

/**
 * The diagnostics a user should see for the CLI's findings: one per range, naming every rule whose finding
 * sits there (written from the extension's documented behaviour, docs/extension.md).
 */
function expectedDiagnostics(findings) {
  const groups = new Map();
  for (const f of findings) {
    const l = f.location;
    const key = `${l.startLine}:${l.startColumn}:${l.endLine}:${l.endColumn}`;
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  return [...groups.values()].map((g) => ({
    line: g[0].location.startLine,
    column: g[0].location.startColumn,
    rules: g.map((f) => f.ruleId),
    message: g.length === 1 ? g[0].message : g.map((f) => `${f.ruleId}: ${f.message}`).join('\n'),
  }));
}

const oneSpace = (s) => s.replace(/\s+/g, ' ').trim();

/** s3 actions at an access level, read from the IAM dataset shipped in dist/ (not through the analyzer). */
function s3ActionsAt(level) {
  const data = JSON.parse(readFileSync(join(repoRoot, 'dist/iam-data/actions/s3.json'), 'utf8'));
  return Object.values(data).filter((a) => a.accessLevel.split(',').map((l) => l.trim()).includes(level)).map((a) => a.name);
}

/** The s3 actions an Action entry grants: IAM matches `*` case-insensitively against every s3 action. */
function s3Granted(entries) {
  const all = Object.values(JSON.parse(readFileSync(join(repoRoot, 'dist/iam-data/actions/s3.json'), 'utf8'))).map((a) => a.name);
  const res = entries.map((e) => new RegExp(`^${e.replace(/^s3:/, '').replace(/\*/g, '.*')}$`, 'i'));
  return all.filter((n) => res.some((re) => re.test(n)));
}

before(async () => {
  cpSync(join(repoRoot, 'examples/sam-app'), ws, { recursive: true });
  vscodeUi = await openWorkbench({ tmp, ws, settings: { 'editor.minimap.enabled': false }, viewport: { width: 1400, height: 900 } });
  page = vscodeUi.page;
});

after(async () => {
  await vscodeUi?.close();
});

test('the activity bar shows Lambda Guard; its Findings view lists every finding with counts', async () => {
  const { findings } = scan();
  assert.ok(findings.length >= 5, 'the example has findings');
  const item = page.locator('.activitybar a[aria-label^="Lambda Guard"]');
  await item.waitFor();
  await page.waitForFunction((n) => document.querySelector('.activitybar a[aria-label^="Lambda Guard"]')?.getAttribute('aria-label')?.includes(`${n} Lambda Guard finding`), findings.length, { timeout: 60_000 });
  await item.click({ force: true });
  // The tree renders the rows in view only: a tall window shows all of them (as the Problems test does).
  await page.setViewportSize({ width: 1400, height: 2400 });
  const rows = page.locator('.part.sidebar .monaco-list-row');
  await rows.first().waitFor();
  await page.waitForTimeout(300);
  const labels = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
  await page.setViewportSize({ width: 1400, height: 900 });
  assert.equal(labels[0], 'template.yaml');
  for (const f of findings) {
    assert.ok(labels.some((l) => l.startsWith(f.message) && l.endsWith(`${f.ruleId} · Ln ${f.location.startLine}, Col ${f.location.startColumn}`)), `${f.ruleId} line ${f.location.startLine} in the tree`);
  }
  const status = await page.locator('.statusbar-item[id$="lambdaGuard.status"]').getAttribute('aria-label');
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  assert.match(status ?? '', new RegExp(`^Lambda Guard: ${errors} errors, ${warnings} warnings, ${findings.length - errors - warnings} infos`));
  await shot(page, 'findings-view');
});

test('the Problems panel shows the findings on the right lines', async () => {
  const { findings } = scan();
  await openFile(page, 'template.yaml');
  await page.keyboard.press('Control+Shift+M');
  await runCommand(page, 'View: Toggle Maximized Panel');
  await page.setViewportSize({ width: 1400, height: 2400 });
  await page.locator('.markers-panel .monaco-list-row').first().waitFor();
  const rows = (await problemRows(page)).map(oneSpace);
  const diagnostics = expectedDiagnostics(findings);
  assert.ok(diagnostics.some((d) => d.rules.length > 1), 'the example has a token several rules flag');
  for (const d of diagnostics) {
    const want = oneSpace(`${d.message} at line ${d.line} and character ${d.column}.`);
    assert.ok(rows.some((r) => r.includes(want) && r.endsWith('generated by Lambda Guard')), `Problems row for ${d.rules.join(', ')}: ${want}`);
  }
  // One row per token: several rules on one token make one problem, not one each.
  assert.ok(rows[0].startsWith(`${diagnostics.length} problems in file template.yaml`), rows[0]);
  await page.setViewportSize({ width: 1400, height: 900 });
  await shot(page, 'problems');
  await runCommand(page, 'View: Toggle Maximized Panel');
});

test('a hover on an IAM action shows the dataset facts and the finding', async () => {
  const { findings } = scan();
  await openFile(page, 'template.yaml');
  const typo = findings.find((f) => f.ruleId === 'LG012') ?? findings[0];
  await gotoPosition(page, typo.location.startLine, typo.location.startColumn + 1);
  await page.keyboard.press('Control+K');
  await page.keyboard.press('Control+I');
  const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: 'Why it matters' }).first();
  await hover.waitFor();
  const text = await hover.innerText();
  assert.match(text, new RegExp(`Lambda Guard ${typo.ruleId}`));
  await page.waitForTimeout(400); // let the hover finish fading in
  await shot(page, 'hover-finding');
  await page.keyboard.press('Escape');
  // An action without a finding: only the dataset facts (access level, description).
  const src = readFileSync(TEMPLATE, 'utf8').split('\n');
  const flagged = new Set(findings.map((f) => f.location.startLine));
  const line = src.findIndex((l, i) => /Action: [\w-]+:[A-Za-z]+\s*$/.test(l) && !flagged.has(i + 1));
  assert.ok(line >= 0, 'an action without a finding');
  const action = /Action: ([\w-]+:[A-Za-z]+)/.exec(src[line])[1];
  await gotoPosition(page, line + 1, src[line].indexOf(action) + 3);
  await page.keyboard.press('Control+K');
  await page.keyboard.press('Control+I');
  await page.locator('.monaco-hover:not(.hidden)', { hasText: `${action} — ` }).first().waitFor();
  await page.waitForTimeout(400);
  await shot(page, 'hover-action');
  await page.keyboard.press('Escape');
});

/** The quick fix a user picks for a finding (the JSON report carries no fix data: go by rule). */
function wantedFix(f) {
  switch (f.ruleId) {
    case 'LG008': return /AuthType to AWS_IAM/;
    case 'LG007': return /SourceArn/;
    case 'LG006': return /SourceAccount/;
    case 'LG004': return /iam:PassedToService/;
    case 'LG012': return /Did you mean/.test(f.message) ? /^Change to/ : undefined;
    case 'LG013': return /^Grant 'lambda:/;
    case 'LG002': return /^Replace '\*' with/;
    case 'LG014': return /Secrets Manager reference/;
    case 'LG010': return /sts:ExternalId|PrincipalOrgID/;
    case 'LG011': return /^Replace '\*' with/;
    default: return undefined;
  }
}

/** LG002 and LG011 have a fix only when the statement's actions belong to one service. */
const OPTIONAL = new Set(['LG002', 'LG011']);

test('each quick fix applied through the UI leaves a valid template without the finding', async () => {
  await openFile(page, 'template.yaml');
  const done = [];
  for (let round = 0; round < 20; round++) {
    const before = scan();
    const f = before.findings.find((x) => wantedFix(x) && !done.some((d) => same(d, x)));
    if (!f) break;
    done.push(f);
    // The editor must show the saved file's analysis before its Quick Fix menu is read (the last fix moved lines).
    await waitForEditor(before.findings);
    const titles = await quickFixTitles(page, f.location.startLine, f.location.startColumn).catch(async (e) => {
      await shot(page, 'quick-fix-menu-missing');
      throw new Error(`${f.ruleId} at ${f.location.startLine}:${f.location.startColumn} (${f.message}): ${e.message}`);
    });
    const title = titles.find((t) => wantedFix(f).test(t));
    if (!title && OPTIONAL.has(f.ruleId)) {
      await page.keyboard.press('Escape');
      continue;
    }
    assert.ok(title, `${f.ruleId}: quick fix ${wantedFix(f)} offered; got ${titles.join(' | ')}`);
    if (round === 0) await shot(page, 'quick-fix');
    await chooseQuickFix(page, title);
    const text = readFileSync(TEMPLATE, 'utf8');
    if (/SourceArn/.test(title)) {
      // The placeholder is selected for the user to complete: the status bar says so, then type over it.
      await page.locator('.statusbar-item[id="status.editor.selection"]', { hasText: 'selected' }).waitFor();
      await shot(page, 'placeholder-selected');
      await page.keyboard.type('receipts-topic');
    }
    await saveAndWait(text, (t) => !/SourceArn/.test(title) || t.includes('receipts-topic'));
    const afterFix = scan();
    assert.deepEqual(afterFix.errors, [], `${f.ruleId}: the template still parses after "${title}"`);
    assert.ok(!afterFix.findings.some((x) => same(x, f)), `${f.ruleId}: finding gone after "${title}"`);
    // A user sees the squiggles move before reaching for the next fix.
    await waitForEditor(afterFix.findings);
    if (/SourceArn/.test(title)) assert.match(readFileSync(TEMPLATE, 'utf8'), /SourceArn: !Sub 'arn:\$\{AWS::Partition\}:sns:\$\{AWS::Region\}:\$\{AWS::AccountId\}:receipts-topic'/);
  }
  assert.ok(done.length >= 4, `fixed ${done.map((d) => d.ruleId).join(', ')}`);
  await shot(page, 'after-quick-fixes');
});

test('narrowing a service wildcard and suppressing a finding go through their pickers', async () => {
  await openFile(page, 'template.yaml');
  const wildcard = scan().findings.find((f) => f.ruleId === 'LG001' && f.message.includes("'s3:*'"));
  assert.ok(wildcard, "the example grants 's3:*'");
  const titles = await quickFixTitles(page, wildcard.location.startLine, wildcard.location.startColumn);
  const text = readFileSync(TEMPLATE, 'utf8');
  await chooseQuickFix(page, "Narrow 's3:*' to chosen access levels…");
  const picker = page.locator('.quick-input-widget', { hasText: 'keep the actions of these access levels' });
  await picker.waitFor();
  // Read and List come preselected; the user unticks List, keeping Read only.
  const rows = picker.locator('.quick-input-list .monaco-list-row');
  const state = () => rows.evaluateAll((els) => els.map((e) => `${e.getAttribute('aria-label')}:${e.getAttribute('aria-checked')}`));
  assert.deepEqual(await state(), ['List:true', 'Read:true', 'Write:false', 'Permissions management:false', 'Tagging:false']);
  await picker.locator('.quick-input-list .monaco-list-row[aria-label="List"] .monaco-checkbox').first().click();
  assert.deepEqual(await state(), ['List:false', 'Read:true', 'Write:false', 'Permissions management:false', 'Tagging:false']);
  await shot(page, 'narrow-wildcard');
  await page.keyboard.press('Enter');
  const after = await saveAndWait(text);
  const r = scan();
  assert.deepEqual(r.errors, []);
  assert.ok(!r.findings.some((x) => same(x, wildcard)), 'wildcard narrowed');
  // The statement's Action list now (the block under the `Action:` key above the wildcard's line): the
  // narrowed entries, and what was there beside s3:* (dynamodb:Query).
  const lines = after.split('\n');
  let key = wildcard.location.startLine - 1;
  while (key > 0 && !/^\s*Action:\s*$/.test(lines[key])) key--;
  const entries = [];
  for (let i = key + 1; /^\s+- ['"]?[\w-]+:[\w*]+['"]?\s*$/.test(lines[i]); i++) entries.push(lines[i].trim().slice(2).replace(/['"]/g, ''));
  const s3 = entries.filter((e) => e.startsWith('s3:'));
  const excerpt = `lines ${key + 1}–${key + 12} (the wildcard was on ${wildcard.location.startLine}):\n${lines.slice(key, key + 12).join('\n')}`;
  assert.deepEqual(s3Granted(s3).sort(), s3ActionsAt('Read').sort(), `exactly the s3 Read actions, in:\n${excerpt}`);
  assert.ok(s3.length < s3ActionsAt('Read').length / 4, `a short list (${s3.length} entries), with prefix wildcards such as s3:Get*`);
  assert.ok(entries.includes('dynamodb:Query'));
  assert.ok(titles.includes('Suppress LG001 with a comment…') && titles.includes('Suppress LG011 with a comment…'), titles.join(' | '));
});

test('suppressing a finding asks for the reason; the finding stays visible, dimmed', async () => {
  await openFile(page, 'template.yaml');
  // A finding alone on its token, so that once suppressed nothing live shares its range.
  const { findings } = scan();
  const at = (f) => `${f.location.startLine}:${f.location.startColumn}:${f.location.endColumn}`;
  const target = findings.find((f) => findings.filter((x) => at(x) === at(f)).length === 1);
  assert.ok(target, 'the example has a finding alone on its token');
  const titles = await quickFixTitles(page, target.location.startLine, target.location.startColumn);
  const text = readFileSync(TEMPLATE, 'utf8');
  await chooseQuickFix(page, titles.find((t) => t.startsWith(`Suppress ${target.ruleId} with a comment`)));
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill('rotated by the deploy pipeline');
  await page.keyboard.press('Enter');
  await saveAndWait(text);
  const r = scan();
  assert.ok(r.suppressed.some((x) => same(x, target)), `${target.ruleId} suppressed`);
  assert.match(readFileSync(TEMPLATE, 'utf8'), new RegExp(`# lambda-guard-ignore ${target.ruleId}: rotated by the deploy pipeline`));
  // Not a problem any more, but still in sight: the editor fades the token (a hint with the Unnecessary tag).
  await waitForEditor(r.findings);
  await page.locator('.monaco-editor .squiggly-inline-unnecessary').first().waitFor({ timeout: 15_000 });
  await shot(page, 'suppressed-dimmed');
});

test('the status bar item says it is Lambda Guard, apart from VS Code\'s problem counter; a click opens the Findings view', async () => {
  const { findings } = scan();
  const item = page.locator('.statusbar-item[id$="lambdaGuard.status"]');
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  const infos = findings.filter((f) => f.severity === 'info').length;
  const label = (n, w) => `${n} ${w}${n === 1 ? '' : 's'}`;
  const want = [errors ? label(errors, 'error') : '', warnings ? label(warnings, 'warning') : '', infos ? `${infos} info` : ''].filter(Boolean).join(', ');
  assert.equal(oneSpace(await item.innerText()), `Lambda Guard: ${want}`);
  const problems = oneSpace(await page.locator('.statusbar-item[id="status.problems"]').innerText());
  assert.ok(!problems.includes('Lambda Guard'), `VS Code's own counter: ${problems}`);
  await page.locator('.activitybar a[aria-label^="Explorer"]').click();
  await item.click();
  await page.locator('.part.sidebar .title-label', { hasText: /lambda guard/i }).first().waitFor();
  await page.locator('.part.sidebar .monaco-list-row[aria-label="template.yaml"]').first().waitFor();
  await shot(page, 'status-bar');
});

test('the running-extensions view reports Lambda Guard activated (time recorded for the benchmarks)', async () => {
  await runCommand(page, 'Developer: Show Running Extensions');
  const row = page.locator('.runtime-extensions-editor .monaco-list-row', { hasText: 'Lambda Guard' }).first();
  await row.waitFor({ timeout: 30_000 });
  const text = await row.innerText();
  const ms = /(\d+)\s*ms/.exec(text)?.[1];
  assert.ok(ms, `activation time shown: ${text}`);
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(join(RESULTS_DIR, 'activation.json'), JSON.stringify({ activationMsReportedByVsCode: Number(ms), row: text.replace(/\s+/g, ' ') }, null, 2));
  await shot(page, 'running-extensions');
});
