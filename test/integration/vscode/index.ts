// Entry the VS Code extension host loads as `extensionTestsPath`: runs the mocha suites in suite/
// and writes the results to the JSON file named by LG_TEST_RESULTS, because the extension host's
// exit code never reaches the harness (it stays on the server side).
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';

interface TestRecord {
  title: string;
  durationMs?: number;
  error?: string;
}

interface Results {
  passed: TestRecord[];
  failed: TestRecord[];
  vscodeVersion: string;
  done: boolean;
}

export async function run(): Promise<void> {
  const resultsFile = process.env.LG_TEST_RESULTS;
  // The untrusted-workspace suite runs alone in a window without trust (runHost --trust); every other
  // suite runs in a trusted window.
  const untrusted = process.env.LG_TEST_UNTRUSTED === '1';
  const grep = process.env.LG_TEST_GREP ?? 'untrusted workspace';
  const invert = !process.env.LG_TEST_GREP && !untrusted;
  const mocha = new Mocha({ ui: 'tdd', timeout: 60_000, color: false, reporter: 'spec', grep, invert });
  const suiteDir = join(__dirname, 'suite');
  for (const f of readdirSync(suiteDir).filter((f) => f.endsWith('.test.js')).sort()) {
    mocha.addFile(join(suiteDir, f));
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const vscode = require('vscode') as typeof import('vscode');
  const results: Results = { passed: [], failed: [], vscodeVersion: vscode.version, done: false };
  const save = (): void => {
    if (resultsFile) writeFileSync(resultsFile, JSON.stringify(results, null, 2));
  };
  try {
    await new Promise<void>((resolve) => {
      const runner = mocha.run(() => resolve());
      runner.on('pass', (t) => {
        results.passed.push({ title: t.fullTitle(), durationMs: t.duration });
        save();
      });
      runner.on('fail', (t, err: Error) => {
        results.failed.push({ title: t.fullTitle(), error: String(err?.stack ?? err) });
        save();
      });
    });
  } catch (e) {
    // A suite that fails to load throws out of mocha.run: report it instead of hanging the harness.
    results.failed.push({ title: 'loading the test suites', error: String((e as Error)?.stack ?? e) });
  }
  results.done = true;
  save();
}
