import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { api, codeOf, EXTENSION_ID, hasRule, lgDiagnostics, waitForDiagnostics, workspaceRoot, wsUri } from './helpers';

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

interface CliReport {
  findings: { ruleId: string; message: string; location: { file: string; startLine: number; startColumn: number } }[];
  summary: { filesScanned: number };
}

/** `lambda-guard scan .` over the test workspace, with the CLI bundle of the extension under test. */
function cliScan(): CliReport {
  const cli = path.join(vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath, 'dist', 'cli.js');
  // In desktop VS Code (test-electron) process.execPath is Electron: run it as plain Node.
  const out = execFileSync(process.execPath, [cli, 'scan', '.', '--format', 'json', '--fail-on', 'none'], { cwd: workspaceRoot(), encoding: 'utf8', env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } });
  return JSON.parse(out) as CliReport;
}

suite('workspace scan and file watcher', () => {
  test('the workspace scan fills the Problems panel for files that are not open', async () => {
    const a = await api();
    const json = wsUri('infra/api.json');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('lambdaGuard.clearFindings');
    const summary = await a.scanWorkspace();
    assert.equal(summary.cancelled, false);
    // One scan path: the CLI over the same folder reads the same files and finds the same things.
    const cli = cliScan();
    assert.equal(summary.files, cli.summary.filesScanned);
    const held = cli.findings.map((f) => f.location.file).filter((f, i, all) => all.indexOf(f) === i).flatMap((file) => a.report(wsUri(file))?.findings ?? []);
    const key = (f: { ruleId: string; message: string; location?: { file: string; startLine: number; startColumn: number } }): string =>
      `${f.location?.file}:${f.location?.startLine}:${f.location?.startColumn} ${f.ruleId} ${f.message}`;
    assert.deepEqual(held.map(key).sort(), cli.findings.map(key).sort());
    const ds = await waitForDiagnostics(json, (x) => x.length >= 3);
    // api.json: an S3 permission without a source, a URL with AuthType NONE, and (LG015) no alarm on that function.
    assert.deepEqual(ds.map(codeOf).sort(), ['LG007', 'LG008', 'LG015']);
    const auth = ds.find((d) => hasRule(d, 'LG008'))!;
    assert.equal(auth.range.start.line, 17);
    assert.equal(lgDiagnostics(wsUri('infra/clean.yaml')).length, 0);
    assert.equal(lgDiagnostics(wsUri('package.json')).length, 0);
  });

  test('the workspace scan is the core scan: cdk.out findings land on the TypeScript line, skipped folders stay unread', async () => {
    const a = await api();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const skipped = wsUri('node_modules/pkg/template.yaml');
    await fs.mkdir(path.dirname(skipped.fsPath), { recursive: true });
    await fs.writeFile(skipped.fsPath, PERMISSION("'*'"));
    try {
      await a.scanWorkspace();
      // outapp/lib/out-stack.ts line 16 holds `table.grantFullAccess(fn)`'s statement only in cdk.out: dynamodb:* is
      // never written in the TypeScript, so this diagnostic can only come from the cdk.out step.
      const stack = wsUri('outapp/lib/out-stack.ts');
      const ds = await waitForDiagnostics(stack, (x) => x.some((d) => hasRule(d, 'LG001') && /'dynamodb:\*'/.test(d.message)), 'the cdk.out finding');
      const dyn = ds.find((d) => hasRule(d, 'LG001') && /'dynamodb:\*'/.test(d.message))!;
      assert.equal(dyn.range.start.line + 1, 16);
      assert.ok(dyn.relatedInformation?.some((r) => r.location.uri.path.includes('/outapp/cdk.out/')), 'points at the synthesised template too');
      assert.deepEqual(lgDiagnostics(wsUri('outapp/cdk.out/OutStack.template.json')), [], 'cdk.out itself is not reported twice');
      assert.deepEqual(lgDiagnostics(skipped), [], 'node_modules is skipped, as by the CLI');
    } finally {
      await fs.rm(path.dirname(path.dirname(skipped.fsPath)), { recursive: true, force: true });
    }
  });

  test('created, changed, renamed and deleted files keep the Problems panel current', async () => {
    await api();
    const root = workspaceRoot();
    const created = wsUri('infra/new-permission.yaml');
    await fs.writeFile(created.fsPath, PERMISSION('sns.amazonaws.com'));
    await waitForDiagnostics(created, (x) => x.some((d) => hasRule(d, 'LG007')), 'created file analysed');

    await fs.writeFile(created.fsPath, PERMISSION("'*'"));
    await waitForDiagnostics(created, (x) => x.some((d) => hasRule(d, 'LG006')) && !x.some((d) => hasRule(d, 'LG007')), 'changed file re-analysed');

    const renamed = wsUri('infra/renamed-permission.yaml');
    await fs.rename(created.fsPath, renamed.fsPath);
    await waitForDiagnostics(renamed, (x) => x.some((d) => hasRule(d, 'LG006')), 'renamed file analysed');
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
