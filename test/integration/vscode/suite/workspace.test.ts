import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as vscode from 'vscode';
import { api, codeOf, lgDiagnostics, waitForDiagnostics, workspaceRoot, wsUri } from './helpers';

const PERMISSION = (principal: string): string => `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Handler: index.handler
      Runtime: nodejs20.x
      Role: arn:aws:iam::123456789012:role/fn
      Code: { ZipFile: "x" }
  Perm:
    Type: AWS::Lambda::Permission
    Properties:
      Action: lambda:InvokeFunction
      FunctionName: !Ref Fn
      Principal: ${principal}
`;

suite('workspace scan and file watcher', () => {
  test('the workspace scan fills the Problems panel for files that are not open', async () => {
    const a = await api();
    const json = wsUri('infra/api.json');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('lambdaGuard.clearFindings');
    const summary = await a.scanWorkspace();
    assert.equal(summary.cancelled, false);
    assert.ok(summary.files >= 3, `templates scanned: ${summary.files}`);
    const ds = await waitForDiagnostics(json, (x) => x.length >= 2);
    assert.deepEqual(ds.map(codeOf).sort(), ['LG007', 'LG008']);
    const auth = ds.find((d) => codeOf(d) === 'LG008')!;
    assert.equal(auth.range.start.line, 17);
    assert.equal(lgDiagnostics(wsUri('infra/clean.yaml')).length, 0);
    assert.equal(lgDiagnostics(wsUri('package.json')).length, 0);
  });

  test('created, changed, renamed and deleted files keep the Problems panel current', async () => {
    await api();
    const root = workspaceRoot();
    const created = wsUri('infra/new-permission.yaml');
    await fs.writeFile(created.fsPath, PERMISSION('sns.amazonaws.com'));
    await waitForDiagnostics(created, (x) => x.some((d) => codeOf(d) === 'LG007'), 'created file analysed');

    await fs.writeFile(created.fsPath, PERMISSION("'*'"));
    await waitForDiagnostics(created, (x) => x.some((d) => codeOf(d) === 'LG006') && !x.some((d) => codeOf(d) === 'LG007'), 'changed file re-analysed');

    const renamed = wsUri('infra/renamed-permission.yaml');
    await fs.rename(created.fsPath, renamed.fsPath);
    await waitForDiagnostics(renamed, (x) => x.some((d) => codeOf(d) === 'LG006'), 'renamed file analysed');
    await waitForDiagnostics(created, (x) => x.length === 0, 'old name cleared');

    await fs.rm(renamed.fsPath);
    await waitForDiagnostics(renamed, (x) => x.length === 0, 'deleted file cleared');
    assert.ok(root.length > 0);
  });

  test('a second scan request joins the running one; a cancelled scan stops and says so', async () => {
    const a = await api();
    const p = a.scanWorkspace();
    assert.equal(a.scanWorkspace(), p, 'a second request joins the running scan');
    a.cancelScan();
    const s = await p;
    assert.equal(s.cancelled, true);
    assert.ok(s.files < 3, `stopped early (${s.files} files)`);
    const full = await a.scanWorkspace();
    assert.equal(full.cancelled, false);
    assert.ok(full.files >= 3);
  });
});
