import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { analyzeText } from '../../../../src/core/scan/analyzeText';
import { api, codeOf, fresh, hasRule, openDoc, quickFixesFor, resetFile, waitFor, waitForDiagnostics, wsUri } from './helpers';

const CDK = 'cdk/lib/notify-stack.ts';

/**
 * VS Code cancels a code-action request in flight when the set of code-action providers changes, and the
 * built-in TypeScript extension registers its providers in steps once its server starts, some seconds after
 * the first .ts file opens (the last ones when the server reports its version). A user would press Ctrl+.
 * again; the test waits until TypeScript is done — its refactorings answer and its own diagnostics of the
 * file (which follow the server's start and project load) are in — then asks for Lambda Guard's fixes once.
 */
async function typeScriptReady(doc: vscode.TextDocument): Promise<void> {
  const at = doc.getText().indexOf("'sqs:*'");
  const range = new vscode.Range(doc.positionAt(at), doc.positionAt(at + "'sqs:*'".length));
  await waitFor(
    'the TypeScript extension\'s code actions and diagnostics',
    async () => {
      if (!vscode.languages.getDiagnostics(doc.uri).some((d) => d.source === 'ts')) return false;
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, range).then((a) => a, () => []);
      return actions.some((a) => a.kind?.value.startsWith('refactor'));
    },
    90_000,
  );
}

// Issue 4: findings on the construct's own TypeScript line, in the real editor, with quick fixes.
suite('CDK TypeScript in the editor', () => {
  let original = '';

  suiteSetup(async function () {
    this.timeout(120_000);
    await api();
    const doc = await vscode.workspace.openTextDocument(wsUri(CDK));
    original = doc.getText();
    await vscode.window.showTextDocument(doc);
    await typeScriptReady(doc);
  });

  teardown(async () => resetFile(CDK, original));

  test('diagnostics sit on the construct lines', async () => {
    const { doc } = await openDoc(CDK);
    await fresh(doc);
    const want: [string, number][] = [['LG001', 17], ['LG007', 21], ['LG008', 23]];
    const ds = await waitForDiagnostics(doc.uri, (x) => want.every(([id, line]) => x.some((d) => hasRule(d, id) && d.range.start.line + 1 === line)), 'CDK diagnostics');
    const lg008 = ds.find((d) => hasRule(d, 'LG008'))!;
    assert.equal(doc.getText(lg008.range), 'lambda.FunctionUrlAuthType.NONE');
    const lg001 = ds.find((d) => hasRule(d, 'LG001'))!;
    assert.equal(doc.getText(lg001.range), "'sqs:*'");
  });

  test("one squiggle on a token several rules flag: one diagnostic names them all, each rule's actions stay offered", async () => {
    const { doc } = await openDoc(CDK);
    await fresh(doc);
    // 'sqs:*' on Resource '*': LG001 (every sqs action) and LG011 (sqs:ReceiveMessage reads messages) on one token.
    const ds = await waitForDiagnostics(doc.uri, (x) => x.some((d) => hasRule(d, 'LG001')), 'LG001');
    const onToken = ds.filter((d) => doc.getText(d.range) === "'sqs:*'");
    assert.equal(onToken.length, 1, onToken.map((d) => d.message).join(' / '));
    const [d] = onToken;
    assert.equal(codeOf(d), 'LG001, LG011');
    assert.equal(d.severity, vscode.DiagnosticSeverity.Warning);
    const lines = d.message.split('\n');
    assert.equal(lines.length, 2);
    assert.match(lines[0], /^LG001: Allow grants every sqs action/);
    assert.match(lines[1], /^LG011: /);
    const titles = (await quickFixesFor(doc, d, (a) => a.title.startsWith('Narrow'))).map((a) => a.title);
    assert.ok(titles.includes("Narrow 'sqs:*' to chosen access levels…"), titles.join(' | '));
    assert.ok(titles.includes('Suppress LG001 with a comment…'), titles.join(' | '));
    assert.ok(titles.includes('Suppress LG011 with a comment…'), titles.join(' | '));
  });

  test('hover on an action string in the CDK source shows what the wildcard covers', async () => {
    const { doc } = await openDoc(CDK);
    const line = 16; // actions: [...READ_ACTIONS, 'sqs:*'],
    const col = doc.lineAt(line).text.indexOf('sqs:*') + 2;
    assert.ok(col > 1);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(line, col));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : (c as vscode.MarkdownString).value))).join('\n');
    assert.match(text, /\*\*sqs:\\\*\*\* matches \d+ actions/, text);
    assert.match(text, /\*\*Write:\*\* `sqs:/);
  });

  test('quick fixes: AuthType NONE → AWS_IAM, and sourceArn added to addPermission', async () => {
    for (const rule of ['LG008', 'LG007']) {
      await resetFile(CDK, original);
      const { doc } = await openDoc(CDK);
      await fresh(doc);
      const [d] = (await waitForDiagnostics(doc.uri, (x) => x.some((y) => hasRule(y, rule)), rule)).filter((y) => hasRule(y, rule));
      const actions = await quickFixesFor(doc, d, (a) => a.isPreferred === true && a.edit !== undefined);
      const fix = actions.find((a) => a.isPreferred && a.edit);
      assert.ok(fix, `${rule} quick fix offered; got ${actions.map((a) => a.title).join(' | ')}`);
      assert.ok(await vscode.workspace.applyEdit(fix.edit!), `${rule}: edit applied`);
      const r = analyzeText(doc.getText(), CDK);
      assert.deepEqual(r.errors, []);
      assert.ok(!r.findings.some((f) => f.ruleId === rule), `${rule} gone after "${fix.title}"`);
      await waitForDiagnostics(doc.uri, (x) => !x.some((y) => hasRule(y, rule)), `${rule} diagnostic gone`);
    }
  });
});
