#!/usr/bin/env node
// Runs the extension-host integration tests in a real VS Code (the server inside the code-server
// package, driven by headless Chromium): the equivalent of @vscode/test-electron, which cannot
// download VS Code here. The extension under development is this repository (package.json main →
// dist/extension.js); the tests are the bundle built by build.mjs.
//
// Usage: node test/integration/vscode/runHost.mjs [--workspace DIR] [--grep RE] [--timeout SEC] [--trust] [--keep]
// The workspace is copied to a temp folder first, so tests may edit and save files. With --trust the
// Workspace Trust feature is on, so the test window is an untrusted (restricted mode) workspace, and
// only the "untrusted workspace" suite runs.
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_TESTS, DEFAULT_WORKSPACE, prepareRun, readResults, reportResults } from './hostRun.mjs';
import {
  assertInstalled, freePort, launchChromium, repoRoot, startVscodeServer, waitForHttp,
} from './serverHarness.mjs';

const { values: opts } = parseArgs({
  options: {
    workspace: { type: 'string', default: DEFAULT_WORKSPACE },
    tests: { type: 'string', default: DEFAULT_TESTS },
    extension: { type: 'string', default: repoRoot },
    grep: { type: 'string' },
    timeout: { type: 'string', default: '300' },
    trust: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
});

assertInstalled();
if (!existsSync(opts.tests)) throw new Error(`${opts.tests} missing: build the tests first (node test/integration/vscode/build.mjs)`);

const started = Date.now();
const { tmp, workspace, userDataDir, extensionsDir, resultsFile, env } = prepareRun({ workspace: opts.workspace, trust: opts.trust, grep: opts.grep });
const serverLog = join(tmp, 'server.log');
const port = await freePort();
const server = startVscodeServer({ port, serverDataDir: join(tmp, 'server-data'), userDataDir, extensionsDir, folder: workspace, logFile: serverLog, env });

let browser;
let exitCode = 1;
const consoleLines = [];
const timeoutMs = Number(opts.timeout) * 1000;
const hardTimer = setTimeout(async () => {
  console.error(`runHost: hard timeout after ${opts.timeout}s`);
  await cleanup();
  console.log('0 passed, 1 failed');
  process.exit(1);
}, timeoutMs + 5000);

for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, async () => {
    console.error(`runHost: ${sig}: stopping`);
    await cleanup();
    process.exit(1);
  });
}

let cleaned = false;
async function cleanup() {
  if (cleaned) return;
  cleaned = true;
  // The extension host's console goes to the workbench page: keep it for debugging (--keep).
  try { writeFileSync(join(tmp, 'browser-console.log'), consoleLines.join('\n')); } catch { /* tmp gone */ }
  try { await browser?.close(); } catch { /* already closed */ }
  await server.stop();
  if (!opts.keep) rmSync(tmp, { recursive: true, force: true });
  else console.log(`runHost: kept ${tmp}`);
}

/** After a failure: the extension host's and Lambda Guard's logged errors, for a CI log that explains itself. */
function printHostLogErrors() {
  const files = readdirSync(tmp, { recursive: true }).map(String).filter((f) => /(exthost\.log|remoteexthost\.log|Lambda Guard\.log)$/.test(f));
  for (const f of files) {
    const lines = readFileSync(join(tmp, f), 'utf8').split('\n').filter((l) => /\[error\]/.test(l) || (/\[warning\]/.test(l) && /lambda.guard/i.test(l)));
    if (lines.length) console.log(`--- ${f} (errors, and Lambda Guard's warnings; last 30)\n${lines.slice(-30).join('\n')}`);
  }
}

try {
  const base = `http://127.0.0.1:${port}`;
  await waitForHttp(`${base}/version`, 30_000, server);
  const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
  const payload = [
    ['extensionDevelopmentPath', remote(resolve(opts.extension))],
    ['extensionTestsPath', remote(resolve(opts.tests))],
  ];
  const url = `${base}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on('console', (m) => consoleLines.push(`[${m.type()}] ${m.text()}`));
  await page.goto(url);

  const deadline = started + timeoutMs;
  let results;
  while (Date.now() < deadline) {
    results = readResults(resultsFile);
    if (results?.done) break;
    if (server.exited()) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  results = readResults(resultsFile);
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (!results?.done) {
    console.error(`runHost: the tests did not finish (${secs}s). Server log tail:`);
    try { console.error(readFileSync(serverLog, 'utf8').split('\n').slice(-40).join('\n')); } catch { /* no log */ }
    const errors = consoleLines.filter((l) => l.startsWith('[error]'));
    if (errors.length) console.error(`browser console errors:\n${errors.slice(-20).join('\n')}`);
  }
  exitCode = reportResults(results, { label: 'VS Code server in headless Chromium', secs });
  if (exitCode) printHostLogErrors();
} catch (err) {
  console.error(`runHost: ${err?.stack ?? err}`);
  console.log('0 passed, 1 failed');
} finally {
  clearTimeout(hardTimer);
  await cleanup();
}
process.exit(exitCode);
