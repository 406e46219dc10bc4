import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { api, hasRule, openDoc, setSetting, waitForDiagnostics, workspaceRoot } from './helpers';

// Runs only in a window without Workspace Trust (runHost --trust): the extension declares
// `untrustedWorkspaces: 'limited'`, so analysis works, and the workspace cannot switch rules off.
suite('untrusted workspace', () => {
  test('the workspace is untrusted and Lambda Guard still activates and analyses templates', async () => {
    assert.equal(vscode.workspace.isTrusted, false);
    await api();
    const { doc } = await openDoc('infra/template.yaml');
    await waitForDiagnostics(doc.uri, (x) => x.some((d) => hasRule(d, 'LG007')) && x.some((d) => hasRule(d, 'LG008')));
  });

  test('restricted settings from the workspace are ignored: a repository cannot hide its findings', async () => {
    const { doc } = await openDoc('infra/template.yaml');
    await setSetting('disabledRules', ['LG007', 'LG008']);
    const onDisk = JSON.parse(readFileSync(path.join(workspaceRoot(), '.vscode/settings.json'), 'utf8'));
    assert.deepEqual(onDisk['lambdaGuard.disabledRules'], ['LG007', 'LG008'], 'the workspace value is written');
    assert.deepEqual(vscode.workspace.getConfiguration('lambdaGuard').get('disabledRules'), [], 'but not in force');
    await vscode.commands.executeCommand('lambdaGuard.scanCurrentFile');
    const ds = await waitForDiagnostics(doc.uri, (x) => x.some((d) => hasRule(d, 'LG007')));
    assert.ok(ds.some((d) => hasRule(d, 'LG008')));
  });
});
