// What the two launchers of the extension-host suite share (runHost.mjs: the VS Code server of code-server
// in headless Chromium; runElectron.mjs: desktop VS Code through @vscode/test-electron): the same workspace
// copy, the same user settings, the same environment for the suite (index.ts) and the same report of its
// results file. Only how VS Code is started differs.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { repoRoot } from './serverHarness.mjs';

export const DEFAULT_WORKSPACE = join(repoRoot, 'test/integration/vscode/workspace');
export const DEFAULT_TESTS = join(repoRoot, 'out/test/integration/vscode/index.js');

/**
 * A temp folder with a copy of the workspace (tests edit and save files), user settings, and the suite's
 * environment. `trust` turns Workspace Trust on, so the window is untrusted and only the
 * "untrusted workspace" suite runs.
 */
export function prepareRun({ workspace = DEFAULT_WORKSPACE, trust = false, grep } = {}) {
  const tmp = mkdtempSync(join(tmpdir(), 'lg-vscode-host-'));
  const ws = join(tmp, 'workspace');
  cpSync(resolve(workspace), ws, { recursive: true });
  // A CDK app with its synthesised cdk.out (the unit tests' fixture, not a second copy of it): the workspace
  // scan must map the templates' findings back to the TypeScript, as the CLI does.
  cpSync(join(repoRoot, 'test/fixtures/cdk/outApp'), join(ws, 'outapp'), { recursive: true });
  const userDataDir = join(tmp, 'user-data');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  // Workspace Trust prompts are refused in test mode; the untrusted path is tested with trust on.
  writeFileSync(
    join(userDataDir, 'User/settings.json'),
    JSON.stringify({
      'security.workspace.trust.enabled': trust,
      'workbench.startupEditor': 'none',
      'extensions.autoCheckUpdates': false,
      'telemetry.telemetryLevel': 'off',
    }),
  );
  const resultsFile = join(tmp, 'results.json');
  const env = {
    LG_TEST_RESULTS: resultsFile,
    LG_TEST_WORKSPACE: ws,
    ...(trust ? { LG_TEST_UNTRUSTED: '1' } : {}),
    ...(grep ? { LG_TEST_GREP: grep } : {}),
  };
  return { tmp, workspace: ws, userDataDir, extensionsDir: join(tmp, 'extensions'), resultsFile, env };
}

export function readResults(resultsFile) {
  try {
    return JSON.parse(readFileSync(resultsFile, 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * Prints the suite's results and the summary line both test scripts parse (`N passed, M failed`). A suite
 * that did not finish counts as one failure; a run with no test is a failure too. Returns the exit code.
 */
export function reportResults(results, { label, secs }) {
  const passed = results?.passed ?? [];
  const failed = results?.failed ?? [];
  console.log(`VS Code ${results?.vscodeVersion ?? '?'} extension host (${label}), ${secs}s`);
  for (const t of passed) console.log(`  ✓ ${t.title} (${t.durationMs ?? 0} ms)`);
  for (const t of failed) console.log(`  ✗ ${t.title}\n${t.error.split('\n').map((l) => `      ${l}`).join('\n')}`);
  const failCount = failed.length + (results?.done ? 0 : 1);
  if (passed.length === 0 && failCount === 0) console.error('no test ran');
  console.log(`${passed.length} passed, ${failCount} failed`);
  return failCount === 0 && passed.length > 0 ? 0 : 1;
}
