#!/usr/bin/env node
// `npm run test:electron`: the extension-host suite (the same out/test/integration/vscode/index.js that
// runHost.mjs loads into the VS Code server) in desktop VS Code, through @vscode/test-electron — the runner
// extension authors expect. It runs the suite twice, as scripts/test-vscode.sh does: in a trusted window,
// then in an untrusted one (restricted mode).
//
// Usage: node test/integration/vscode/runElectron.mjs [--vscode PATH] [--grep RE] [--keep]
// VS Code comes from --vscode or LG_VSCODE_EXECUTABLE (a desktop VS Code you have), else @vscode/test-electron
// downloads the stable build into .cache/vscode-test/ — which needs update.code.visualstudio.com. Where that
// cannot be reached (CI here), this stops with a message; CI runs the VS Code server harness (runHost.mjs).
// On Linux without a display, run it under xvfb-run.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';
import { DEFAULT_TESTS, prepareRun, readResults, reportResults } from './hostRun.mjs';
import { repoRoot } from './serverHarness.mjs';

const { values: opts } = parseArgs({
  options: {
    vscode: { type: 'string', default: process.env.LG_VSCODE_EXECUTABLE },
    grep: { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
});

async function desktopVsCode() {
  if (opts.vscode) return opts.vscode;
  try {
    return await downloadAndUnzipVSCode({ version: 'stable', cachePath: join(repoRoot, '.cache/vscode-test'), timeout: 30_000 });
  } catch (e) {
    console.error(`test:electron: could not download desktop VS Code (${e.message.trim()}).
  @vscode/test-electron fetches it from update.code.visualstudio.com, which this machine cannot reach.
  Point it at a VS Code you have:   LG_VSCODE_EXECUTABLE=/path/to/code npm run test:electron
                               or:  npm run test:electron -- --vscode /path/to/code
  The same suite runs here in the VS Code server harness: npm run test:vscode`);
    process.exit(1);
  }
}

const vscodeExecutablePath = await desktopVsCode();
let exitCode = 0;
for (const trust of [false, true]) {
  const started = Date.now();
  const run = prepareRun({ trust, grep: opts.grep });
  try {
    await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: DEFAULT_TESTS,
      extensionTestsEnv: run.env,
      launchArgs: [run.workspace, '--user-data-dir', run.userDataDir, '--extensions-dir', run.extensionsDir, '--disable-extensions', '--skip-welcome', '--skip-release-notes'],
    });
  } catch (e) {
    // The suite reports through its results file; a non-zero exit of VS Code is reported below with it.
    console.error(`test:electron: VS Code ended with ${e?.message ?? e}`);
  }
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  const code = reportResults(readResults(run.resultsFile), { label: `desktop VS Code, ${trust ? 'untrusted' : 'trusted'} window`, secs });
  if (code) exitCode = code;
  if (!opts.keep) rmSync(run.tmp, { recursive: true, force: true });
  else console.log(`test:electron: kept ${run.tmp}`);
}
process.exit(exitCode);
