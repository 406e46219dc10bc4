import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { api, EXTENSION_ID } from './helpers';

suite('activation and contributions', () => {
  test('activates in the real extension host and returns its API', async () => {
    const a = await api();
    // The engine range of package.json: 1.100 here (VS Code server harness), newer with @vscode/test-electron.
    const [major, minor] = vscode.version.split('.').map(Number);
    assert.ok(major === 1 && minor >= 100, vscode.version);
    assert.equal(typeof a.activationMs, 'number');
    assert.ok(a.activationMs > 0);
    // Recorded for bench/RESULTS.md; a benchmark, not a timed assertion.
    if (process.env.LG_BENCH_OUT) writeFileSync(process.env.LG_BENCH_OUT, JSON.stringify({ activationMs: a.activationMs }));
  });

  test('every contributed command is registered, the editor\'s among them', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const contributed = (ext.packageJSON.contributes.commands as { command: string }[]).map((c) => c.command);
    const all = new Set(await vscode.commands.getCommands(true));
    for (const c of contributed) assert.ok(all.has(c), `${c} registered`);
    for (const c of [
      'lambdaGuard.clearFindings',
      'lambdaGuard.exportReport',
      'lambdaGuard.groupByFile',
      'lambdaGuard.groupByRule',
      'lambdaGuard.scanCurrentFile',
      'lambdaGuard.scanWorkspace',
      'lambdaGuard.showRuleDocumentation',
      'lambdaGuard.suppressFinding',
    ]) {
      assert.ok(contributed.includes(c), `${c} contributed`);
    }
    assert.ok(!(ext.packageJSON.activationEvents as string[]).includes('*'));
    assert.equal(ext.packageJSON.capabilities.untrustedWorkspaces.supported, 'limited');
  });
});
