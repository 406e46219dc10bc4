import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { expandActionPattern } from '../../../../src/core/iam/actionPattern';
import { analyzeText } from '../../../../src/core/scan/analyzeText';
import type { Finding } from '../../../../src/core/model/finding';
import { api, hasRule, fresh, openDoc, quickFixesFor, resetFile, setSetting, waitFor, waitForDiagnostics, wsUri } from './helpers';

const YAML = 'infra/template.yaml';
const JSON_FILE = 'infra/api.json';

/** Same finding after a fix: same rule, resource and message (positions move when lines are added). */
function stillThere(text: string, file: string, f: Finding): boolean {
  return analyzeText(text, file).findings.some((x) => !x.suppressed && x.ruleId === f.ruleId && x.resource === f.resource && x.message === f.message);
}

suite('code actions (quick fixes) applied in the editor', () => {
  const originals = new Map<string, string>();

  suiteSetup(async () => {
    await api();
    for (const f of [YAML, JSON_FILE]) originals.set(f, (await vscode.workspace.openTextDocument(wsUri(f))).getText());
  });

  teardown(async () => {
    for (const [f, text] of originals) await resetFile(f, text);
  });

  for (const file of [YAML, JSON_FILE]) {
    test(`${file}: each rule fix re-parses and removes its finding`, async () => {
      const original = originals.get(file)!;
      const fixable = analyzeText(original, file).findings.filter((f) => ['setAuthType', 'addSourceCondition', 'addPassedToService', 'replaceResourceWildcard', 'replaceAction', 'setPermissionAction'].includes(f.fix?.kind ?? ''));
      assert.ok(fixable.length >= 2, 'fixture has fixable findings');
      for (const f of fixable) {
        await resetFile(file, original);
        const { doc } = await openDoc(file);
        await fresh(doc);
        const ds = await waitForDiagnostics(doc.uri, (x) => x.some((d) => hasRule(d, f.ruleId) && d.message === f.message), `${f.ruleId} diagnostic`);
        const d = ds.find((x) => hasRule(x, f.ruleId) && x.message === f.message)!;
        const ownFix = (a: vscode.CodeAction): boolean => a.edit !== undefined && !a.title.startsWith('Suppress');
        const actions = await quickFixesFor(doc, d, ownFix);
        const own = actions.filter(ownFix);
        const fix = own.find((a) => a.isPreferred) ?? own[0];
        assert.ok(fix, `${f.ruleId} (${f.fix!.kind}) has a quick fix; got ${actions.map((a) => a.title).join(' | ')}`);
        assert.ok(await vscode.workspace.applyEdit(fix.edit!));
        if (fix.command) await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));
        const after = doc.getText();
        const r = analyzeText(after, file);
        assert.deepEqual(r.errors, [], `${f.ruleId}: fixed text parses`);
        assert.equal(r.skipped, false);
        assert.equal(stillThere(after, file, f), false, `${f.ruleId}: finding gone after "${fix.title}"`);
        await waitForDiagnostics(doc.uri, (x) => !x.some((y) => hasRule(y, f.ruleId) && y.message === f.message), `${f.ruleId} diagnostic gone`);
      }
    });
  }

  test('quick fixes asked right after an edit (before the typing delay ran out) are those of the edited text', async () => {
    await setSetting('typingDelay', 5000);
    try {
      const { doc } = await openDoc(YAML);
      await fresh(doc);
      const f = (await api()).report(doc.uri)!.findings.find((x) => x.ruleId === 'LG008')!;
      const edit = new vscode.WorkspaceEdit();
      edit.insert(doc.uri, new vscode.Position(0, 0), '# a line added above everything\n');
      assert.ok(await vscode.workspace.applyEdit(edit));
      // The finding moved one line down; the published diagnostics still sit on the old line.
      const at = new vscode.Range(f.location!.startLine, f.location!.startColumn - 1, f.location!.startLine, f.location!.startColumn - 1);
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, at, vscode.CodeActionKind.QuickFix.value);
      const fix = actions.find((a) => /AuthType to AWS_IAM/.test(a.title));
      assert.ok(fix?.edit, `fix offered; got ${actions.map((a) => a.title).join(' | ')}`);
      assert.ok(await vscode.workspace.applyEdit(fix.edit));
      assert.equal(doc.lineAt(f.location!.startLine).text.trim(), 'AuthType: AWS_IAM');
      assert.deepEqual(analyzeText(doc.getText(), YAML).errors, []);
    } finally {
      await setSetting('typingDelay', undefined);
    }
  });

  test('adding a SourceArn selects the placeholder the user completes', async () => {
    const { doc } = await openDoc(YAML);
    await fresh(doc);
    const ds = await waitForDiagnostics(doc.uri, (x) => x.some((d) => hasRule(d, 'LG007')));
    const actions = await quickFixesFor(doc, ds.find((d) => hasRule(d, 'LG007'))!, (a) => /SourceArn/.test(a.title));
    const arn = actions.find((a) => /SourceArn/.test(a.title))!;
    assert.ok(arn.command, 'placeholder selection command');
    await vscode.workspace.applyEdit(arn.edit!);
    await vscode.commands.executeCommand(arn.command!.command, ...arn.command!.arguments!);
    const editor = vscode.window.activeTextEditor!;
    assert.equal(editor.document.getText(editor.selection), 'TOPIC_NAME');
    assert.match(editor.document.lineAt(editor.selection.start.line).text, /^ {6}SourceArn: !Sub 'arn:\$\{AWS::Partition\}:sns:/);
  });

  test('narrowing s3:* to Read and List writes the shortest list granting exactly those actions', async () => {
    const { doc } = await openDoc(YAML);
    const a = await api();
    await fresh(doc);
    const f = a.report(doc.uri)!.findings.find((x) => x.ruleId === 'LG001')!;
    assert.equal(await vscode.commands.executeCommand('lambdaGuard.narrowWildcard', doc.uri, f, ['Read', 'List']), true);
    const text = doc.getText();
    assert.doesNotMatch(text, /- s3:\*/);
    // Lines 16… of the fixture hold the statement's Action list.
    const written = text.split('\n').slice(15).filter((l) => /^ {16}- s3:/.test(l)).map((l) => l.trim().slice(2));
    assert.ok(written.includes('s3:Get*') && written.includes('s3:List*'), written.join(' '));
    assert.ok(written.length < 10, `${written.length} entries, not one per action`);
    const granted = new Set(written.flatMap((e) => expandActionPattern(e).map((x) => `s3:${x.name}`)));
    const wanted = expandActionPattern('s3:*').filter((x) => x.accessLevels.some((l) => l === 'Read' || l === 'List')).map((x) => `s3:${x.name}`);
    assert.deepEqual([...granted].sort(), [...wanted].sort(), 'exactly the Read and List actions');
    assert.deepEqual(analyzeText(text, YAML).errors, []);
    await waitForDiagnostics(doc.uri, (x) => !x.some((d) => hasRule(d, 'LG001')), 'LG001 gone');
  });

  test('suppression with a comment and with Metadata keeps the finding out of the Problems panel', async () => {
    const { doc } = await openDoc(YAML);
    const a = await api();
    await fresh(doc);
    await waitForDiagnostics(doc.uri, (x) => x.some((d) => hasRule(d, 'LG006')) && x.some((d) => hasRule(d, 'LG013')));
    const lg006 = a.report(doc.uri)!.findings.find((x) => x.ruleId === 'LG006')!;
    assert.equal(await vscode.commands.executeCommand('lambdaGuard.suppressFinding', { uri: doc.uri, finding: lg006 }, 'comment', 'public health endpoint'), true);
    assert.match(doc.getText(), /^ {6}# lambda-guard-ignore LG006: public health endpoint\n {6}Principal: '\*'/m);
    await waitForDiagnostics(doc.uri, (x) => !x.some((d) => hasRule(d, 'LG006')), 'LG006 suppressed');
    await fresh(doc);
    const lg013 = await waitFor('fresh LG013', () => a.report(doc.uri)?.findings.find((x) => x.ruleId === 'LG013'));
    assert.equal(await vscode.commands.executeCommand('lambdaGuard.suppressFinding', { uri: doc.uri, finding: lg013 }, 'metadata', 'rotation job updates code'), true);
    assert.match(doc.getText(), /Metadata:\n {6}lambda-guard:\n {8}ignore:\n {10}- id: LG013\n {12}reason: rotation job updates code/);
    await waitForDiagnostics(doc.uri, (x) => !x.some((d) => hasRule(d, 'LG013')), 'LG013 suppressed');
    const r = analyzeText(doc.getText(), YAML);
    assert.deepEqual(r.errors, []);
    assert.deepEqual(r.findings.filter((x) => x.suppressed).map((x) => x.ruleId).sort(), ['LG006', 'LG013']);
  });
});
