import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { analyzeText } from '../../../../src/core/scan/analyzeText';
import { api, codeOf, EXTENSION_ID, fresh, hasRule, lgDiagnostics, lgHints, openDoc, resetFile, setSetting, waitFor, waitForDiagnostics, wsUri } from './helpers';

const FILE = 'infra/template.yaml';

suite('diagnostics on open and on change', () => {
  let original = '';

  suiteSetup(async () => {
    await api();
    original = (await vscode.workspace.openTextDocument(wsUri(FILE))).getText();
  });

  teardown(async () => {
    await setSetting('severityOverrides', undefined);
    await setSetting('disabledRules', undefined);
    await resetFile(FILE, original);
  });

  test('every finding of the analyzer is a diagnostic with its exact range, code link and source', async () => {
    const { doc } = await openDoc(FILE);
    const expected = analyzeText(doc.getText(), FILE).findings.filter((f) => !f.suppressed);
    assert.ok(expected.length >= 8, 'the fixture has findings');
    // This fixture has one finding per range, so one diagnostic per finding (shared ranges: see the CDK suite).
    assert.equal(new Set(expected.map((f) => JSON.stringify(f.location))).size, expected.length);
    const ds = await waitForDiagnostics(doc.uri, (x) => x.length === expected.length);
    for (const f of expected) {
      const l = f.location!;
      const d = ds.find((x) => codeOf(x) === f.ruleId && x.range.start.line === l.startLine - 1 && x.range.start.character === l.startColumn - 1);
      assert.ok(d, `${f.ruleId} at ${l.startLine}:${l.startColumn}`);
      assert.equal(d.range.end.line, l.endLine - 1);
      assert.equal(d.range.end.character, l.endColumn - 1);
      assert.equal(d.message, f.message);
      assert.equal(d.source, 'Lambda Guard');
      // The code link runs one command with the rule id: it opens the rule page shipped in the extension.
      const target = typeof d.code === 'object' ? d.code.target : undefined;
      assert.equal(target?.scheme, 'command');
      assert.equal(target?.path, 'lambdaGuard.showRuleDocumentation');
      assert.deepEqual(JSON.parse(target!.query), [f.ruleId]);
      const sev = { error: vscode.DiagnosticSeverity.Error, warning: vscode.DiagnosticSeverity.Warning, info: vscode.DiagnosticSeverity.Information }[f.severity];
      assert.equal(d.severity, sev, `${f.ruleId} severity`);
    }
    // The SNS permission's finding points at the function it applies to.
    const lg007 = ds.find((d) => hasRule(d, 'LG007'))!;
    assert.ok(lg007.relatedInformation?.length, 'LG007 has related information');
    assert.equal(lg007.relatedInformation![0].location.uri.toString(), doc.uri.toString());
    assert.match(doc.getText(lg007.relatedInformation![0].location.range), /OrdersFunction/);
  });

  test("a diagnostic's code link opens the rule page shipped inside the extension", async () => {
    const { doc } = await openDoc(FILE);
    const ds = await waitForDiagnostics(doc.uri, (x) => x.some((y) => hasRule(y, 'LG008')));
    const lg008 = ds.find((y) => hasRule(y, 'LG008'))!;
    const target = (lg008.code as { target: vscode.Uri }).target;
    const opened = await vscode.commands.executeCommand<vscode.Uri>(target.path, ...JSON.parse(target.query));
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    assert.equal(opened.toString(), vscode.Uri.joinPath(ext.extensionUri, 'docs', 'rules', 'LG008.md').toString());
    const page = new TextDecoder().decode(await vscode.workspace.fs.readFile(opened));
    assert.match(page, /^# LG008 /);
  });

  test('a suppressed finding stays visible in the editor: a dimmed hint with its reason, not a problem', async () => {
    const suppressed = original.replace("      Principal: '*'\n", "      # lambda-guard-ignore LG006: public health check\n      Principal: '*'\n");
    assert.notEqual(suppressed, original);
    await resetFile(FILE, suppressed);
    const { doc } = await openDoc(FILE);
    await fresh(doc);
    const [hint] = await waitFor('the LG006 hint', () => {
      const hints = lgHints(doc.uri).filter((h) => hasRule(h, 'LG006'));
      return hints.length ? hints : undefined;
    });
    assert.match(hint.message, /^Suppressed \(public health check\): Anyone may call lambda:InvokeFunction/);
    assert.deepEqual(hint.tags, [vscode.DiagnosticTag.Unnecessary]);
    assert.equal(doc.getText(hint.range), "'*'");
    assert.ok(!lgDiagnostics(doc.uri).some((x) => hasRule(x, 'LG006')), 'not a problem');
  });

  test('typing a fix clears the finding after the debounce; a stale run never wins', async () => {
    const { doc, editor } = await openDoc(FILE);
    await waitForDiagnostics(doc.uri, (x) => x.some((d) => hasRule(d, 'LG008')));
    const line = doc.lineAt(28); // `      AuthType: NONE`
    assert.match(line.text, /AuthType: NONE/);
    const at = line.text.indexOf('NONE');
    // Several quick edits: only the last text counts.
    for (const [from, to, text] of [[at, at + 4, 'NO'], [at, at + 2, 'NONE'], [at, at + 4, 'AWS_IAM']] as const) {
      await editor.edit((e) => e.replace(new vscode.Range(28, from, 28, to), text));
    }
    const ds = await waitForDiagnostics(doc.uri, (x) => !x.some((d) => hasRule(d, 'LG008')), 'LG008 gone');
    assert.ok(ds.some((d) => hasRule(d, 'LG007')), 'other findings stay');
  });

  test('severity overrides and disabled rules apply to open documents', async () => {
    const { doc } = await openDoc(FILE);
    await waitForDiagnostics(doc.uri, (x) => x.some((d) => hasRule(d, 'LG007')));
    await setSetting('severityOverrides', { LG007: 'error' });
    await waitForDiagnostics(doc.uri, (x) => x.some((d) => hasRule(d, 'LG007') && d.severity === vscode.DiagnosticSeverity.Error), 'LG007 as error');
    await setSetting('disabledRules', ['LG007', 'LG012']);
    const ds = await waitForDiagnostics(doc.uri, (x) => !x.some((d) => hasRule(d, 'LG007') || hasRule(d, 'LG012')), 'rules disabled');
    assert.ok(ds.some((d) => hasRule(d, 'LG006')));
  });

  test('a file that is not a template gets no diagnostics; a broken template gets one error', async () => {
    const { doc } = await openDoc('notes.yaml');
    const a = await api();
    await vscode.commands.executeCommand('lambdaGuard.scanCurrentFile');
    assert.equal(a.report(doc.uri), undefined);
    assert.equal(lgDiagnostics(doc.uri).length, 0);
    const broken = await vscode.workspace.openTextDocument({ language: 'yaml', content: 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  A: [unclosed\n' });
    await vscode.window.showTextDocument(broken);
    const ds = await waitForDiagnostics(broken.uri, (x) => x.length === 1, 'parse error');
    assert.equal(ds[0].severity, vscode.DiagnosticSeverity.Error);
    assert.match(ds[0].message, /Not analysed/);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
