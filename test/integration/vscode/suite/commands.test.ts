import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { api, hasRule, lgDiagnostics, openDoc, waitForDiagnostics, wsUri } from './helpers';

/** Every live finding Lambda Guard holds for the workspace's files, with its file as the Findings view names it. */
async function liveFindings(): Promise<{ ruleId: string; file: string }[]> {
  const a = await api();
  const files = await vscode.workspace.findFiles('**/*.{yaml,yml,json,ts}');
  return files.flatMap((u) => {
    const r = a.report(u);
    return r ? r.findings.filter((f) => !f.suppressed).map((f) => ({ ruleId: f.ruleId, file: vscode.workspace.asRelativePath(u) })) : [];
  });
}

suite('commands', () => {
  test('export report writes SARIF, JSON, Markdown and HTML of the workspace scan', async () => {
    await api();
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'lg-report-'));
    const out = (ext: string): vscode.Uri => vscode.Uri.file(path.join(dir, `report.${ext}`));
    const sarifUri = await vscode.commands.executeCommand<vscode.Uri>('lambdaGuard.exportReport', 'sarif', out('sarif'));
    assert.equal(sarifUri?.fsPath, out('sarif').fsPath);
    const sarif = JSON.parse(await fs.readFile(out('sarif').fsPath, 'utf8'));
    assert.equal(sarif.version, '2.1.0');
    const results = sarif.runs[0].results as { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[];
    assert.ok(results.some((r) => r.ruleId === 'LG008' && r.locations[0].physicalLocation.artifactLocation.uri.endsWith('infra/api.json')));

    await vscode.commands.executeCommand('lambdaGuard.exportReport', 'json', out('json'));
    const json = JSON.parse(await fs.readFile(out('json').fsPath, 'utf8'));
    assert.equal(json.tool.name, 'lambda-guard');
    assert.ok(json.findings.some((f: { ruleId: string; location: { file: string } }) => f.ruleId === 'LG007' && f.location.file === 'infra/template.yaml'));

    await vscode.commands.executeCommand('lambdaGuard.exportReport', 'markdown', out('md'));
    assert.match(await fs.readFile(out('md').fsPath, 'utf8'), /LG008/);
    await vscode.commands.executeCommand('lambdaGuard.exportReport', 'html', out('html'));
    const html = await fs.readFile(out('html').fsPath, 'utf8');
    assert.match(html, /^<!DOCTYPE html>/i);
    assert.match(html, /LG007/);
  });

  test('show rule documentation opens the rule page', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri>('lambdaGuard.showRuleDocumentation', 'LG007');
    assert.ok(uri);
    const doc = await vscode.workspace.openTextDocument(uri);
    assert.match(doc.getText(), /LG007/);
  });

  test('scan current file, group by rule / file and clear findings', async () => {
    const a = await api();
    const { doc } = await openDoc('infra/template.yaml');
    const r = await vscode.commands.executeCommand<{ findings: number; skipped: boolean }>('lambdaGuard.scanCurrentFile');
    assert.equal(r.skipped, false);
    assert.equal(r.findings, a.report(doc.uri)!.findings.length);
    await a.scanWorkspace();
    const live = await liveFindings();
    const byRule = await vscode.commands.executeCommand<string[]>('lambdaGuard.groupByRule');
    assert.deepEqual(byRule, [...new Set(live.map((f) => f.ruleId))].sort());
    const byFile = await vscode.commands.executeCommand<string[]>('lambdaGuard.groupByFile');
    assert.deepEqual(byFile, [...new Set(live.map((f) => f.file))].sort());
    assert.ok(byFile.includes('infra/template.yaml') && byFile.includes('infra/api.json'), byFile.join(', '));
    await vscode.commands.executeCommand('lambdaGuard.clearFindings');
    assert.equal(lgDiagnostics(doc.uri).length, 0);
    assert.equal(lgDiagnostics(wsUri('infra/api.json')).length, 0);
    // Scanning again brings them back.
    await vscode.commands.executeCommand('lambdaGuard.scanWorkspace');
    await waitForDiagnostics(wsUri('infra/api.json'), (x) => x.some((d) => hasRule(d, 'LG008')));
  });
});
