import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { helpUri } from '../../../../src/core/model/rule';
import { analyzeText } from '../../../../src/core/scan/analyzeText';
import { api, codeOf, lgDiagnostics, openDoc, resetFile, setSetting, waitForDiagnostics, wsUri } from './helpers';

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
    const ds = await waitForDiagnostics(doc.uri, (x) => x.length === expected.length);
    for (const f of expected) {
      const l = f.location!;
      const d = ds.find((x) => codeOf(x) === f.ruleId && x.range.start.line === l.startLine - 1 && x.range.start.character === l.startColumn - 1);
      assert.ok(d, `${f.ruleId} at ${l.startLine}:${l.startColumn}`);
      assert.equal(d.range.end.line, l.endLine - 1);
      assert.equal(d.range.end.character, l.endColumn - 1);
      assert.equal(d.message, f.message);
      assert.equal(d.source, 'Lambda Guard');
      assert.equal(typeof d.code === 'object' && d.code.target.toString(), vscode.Uri.parse(helpUri(f.ruleId)).toString());
      const sev = { error: vscode.DiagnosticSeverity.Error, warning: vscode.DiagnosticSeverity.Warning, info: vscode.DiagnosticSeverity.Information }[f.severity];
      assert.equal(d.severity, sev, `${f.ruleId} severity`);
    }
    // The SNS permission's finding points at the function it applies to.
    const lg007 = ds.find((d) => codeOf(d) === 'LG007')!;
    assert.ok(lg007.relatedInformation?.length, 'LG007 has related information');
    assert.equal(lg007.relatedInformation![0].location.uri.toString(), doc.uri.toString());
    assert.match(doc.getText(lg007.relatedInformation![0].location.range), /OrdersFunction/);
  });

  test('typing a fix clears the finding after the debounce; a stale run never wins', async () => {
    const { doc, editor } = await openDoc(FILE);
    await waitForDiagnostics(doc.uri, (x) => x.some((d) => codeOf(d) === 'LG008'));
    const line = doc.lineAt(28); // `      AuthType: NONE`
    assert.match(line.text, /AuthType: NONE/);
    const at = line.text.indexOf('NONE');
    // Several quick edits: only the last text counts.
    for (const [from, to, text] of [[at, at + 4, 'NO'], [at, at + 2, 'NONE'], [at, at + 4, 'AWS_IAM']] as const) {
      await editor.edit((e) => e.replace(new vscode.Range(28, from, 28, to), text));
    }
    const ds = await waitForDiagnostics(doc.uri, (x) => !x.some((d) => codeOf(d) === 'LG008'), 'LG008 gone');
    assert.ok(ds.some((d) => codeOf(d) === 'LG007'), 'other findings stay');
  });

  test('severity overrides and disabled rules apply to open documents', async () => {
    const { doc } = await openDoc(FILE);
    await waitForDiagnostics(doc.uri, (x) => x.some((d) => codeOf(d) === 'LG007'));
    await setSetting('severityOverrides', { LG007: 'error' });
    await waitForDiagnostics(doc.uri, (x) => x.some((d) => codeOf(d) === 'LG007' && d.severity === vscode.DiagnosticSeverity.Error), 'LG007 as error');
    await setSetting('disabledRules', ['LG007', 'LG012']);
    const ds = await waitForDiagnostics(doc.uri, (x) => !x.some((d) => codeOf(d) === 'LG007' || codeOf(d) === 'LG012'), 'rules disabled');
    assert.ok(ds.some((d) => codeOf(d) === 'LG006'));
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
