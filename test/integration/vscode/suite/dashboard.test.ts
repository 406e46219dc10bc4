import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { loadDemoAccount } from '../../../../src/core/inventory/snapshot/demoAccount';
import { demoTelemetry } from '../../../../src/core/inventory/snapshot/demoTelemetry';
import type { DashboardOpened } from '../../../../src/extension/dashboard/dashboardPanels';
import { api, waitFor, workspaceRoot } from './helpers';

// The dashboard on the embedded demo account, in the real VS Code: the commands open webview panels whose
// page reports what it drew (counted from its own DOM), so these tests see the charts and the alert rows
// on screen. Expectations come from the demo's five injected anomalies (src/core/inventory/snapshot/
// demoTelemetry.ts): orders-api has an invocation spike (LG101) and shares the interface a port scan hit
// (LG105); analytics-etl a new peer (LG102); payments-webhook an unusual call (LG103); receipts-Report a code
// change by user bob (LG104).

const ACCOUNT = '123456789012';
const arn = (name: string, region = 'us-east-1'): string => `arn:aws:lambda:${region}:${ACCOUNT}:function:${name}`;

async function openDemo(): Promise<void> {
  const a = await api();
  await vscode.commands.executeCommand('lambdaGuard.openDemoAccount');
  await waitFor('the demo account', () => a.account.view().state === 'ready' && a.account.view().label?.startsWith('demo'));
}

function dashboardTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('lambdaGuard.dashboard'));
}

async function closeDashboards(): Promise<void> {
  await vscode.window.tabGroups.close(dashboardTabs());
}

suite('dashboard', () => {
  teardown(closeDashboards);

  test("a function's dashboard opens in a webview panel and draws its charts with the band and its alert rows", async () => {
    await openDemo();
    const opened = await vscode.commands.executeCommand<DashboardOpened>('lambdaGuard.openDashboard', arn('orders-api'));
    assert.ok(opened.report, 'the webview reported what it drew');
    assert.equal(dashboardTabs().length, 1);
    const m = opened.model;
    assert.ok(m?.kind === 'function');
    assert.equal(m.functionName, 'orders-api');
    assert.deepEqual(m.charts.map((c) => c.id), ['invocations', 'errors', 'throttles', 'duration']);
    const inv = m.charts[0];
    // The demo's metrics are five-minute points; 24 hours are 288 of them.
    assert.equal(inv.period, 300);
    assert.ok(inv.timestamps.length >= 287 && inv.timestamps.length <= 289, `${inv.timestamps.length} points`);
    assert.ok(inv.lines[0].values.some((v) => (v ?? 0) > 0), 'the invocations chart holds data');
    assert.ok(inv.band && inv.band.high.every((v) => v !== null && v > 0), 'with the learned band over the whole range');
    assert.deepEqual(m.charts[3].lines.map((l) => l.label), ['p50', 'p99']);
    assert.deepEqual(m.alerts.map((a) => a.ruleId).sort(), ['LG101', 'LG105']);
    assert.ok(m.alerts.every((a) => a.evidence.length > 0), 'each alert has its evidence as text');
    assert.deepEqual(m.sharedWith, ['orders-worker']);
    assert.ok(m.peers.some((p) => p.label.startsWith('RDS database')), 'the database peer is named');
    const r = opened.report;
    assert.equal(r.view, 'function');
    assert.equal(r.heading, 'orders-api');
    assert.equal(r.charts, 4, 'four chart canvases on screen');
    assert.equal(r.points, m.charts.reduce((s, c) => s + c.timestamps.length * c.lines.length, 0));
    assert.equal(r.alertRows, m.alerts.length, 'one alert row on screen per alert');
    assert.equal(r.foreign, 0);
  });

  test('opening the same view again reveals its panel; another function gets its own', async () => {
    await openDemo();
    await vscode.commands.executeCommand('lambdaGuard.openDashboard', arn('orders-api'));
    const again = await vscode.commands.executeCommand<DashboardOpened>('lambdaGuard.openDashboard', { fn: { arn: arn('orders-api') } });
    assert.equal(dashboardTabs().length, 1, 'one panel per function');
    assert.equal(again.report?.heading, 'orders-api');
    const other = await vscode.commands.executeCommand<DashboardOpened>('lambdaGuard.openDashboard', 'analytics-etl');
    assert.equal(dashboardTabs().length, 2);
    assert.ok(other.model?.kind === 'function');
    assert.deepEqual(other.model.alerts.map((a) => a.ruleId), ['LG102']);
    assert.ok(other.model.peers.some((p) => p.isNew), 'the new peer is flagged');
  });

  test('the account overview ranks the functions with alerts first and lists every alert', async () => {
    await openDemo();
    const opened = await vscode.commands.executeCommand<DashboardOpened>('lambdaGuard.openOverview');
    const m = opened.model;
    assert.ok(m?.kind === 'overview');
    assert.equal(m.rows.length, 13);
    const withAlerts = m.rows.filter((r) => r.alerts > 0).map((r) => r.functionName);
    assert.deepEqual(m.rows.slice(0, withAlerts.length).map((r) => r.functionName), withAlerts, 'functions with alerts come first');
    for (const name of ['orders-api', 'orders-worker', 'analytics-etl', 'payments-webhook', 'receipts-ReportFunction-9KD2PL']) assert.ok(withAlerts.includes(name), name);
    assert.equal(m.alerts.length, 5);
    assert.equal(opened.report?.view, 'overview');
    assert.equal(opened.report?.alertRows, 5);
    assert.equal(opened.report?.heading, 'Account overview: acme-demo (123456789012)');
  });

  test('the panel serializer is registered, so dashboards come back after a reload', async () => {
    await openDemo();
    // VS Code allows one serializer per view type: registering a second one fails when ours is there.
    assert.throws(() => vscode.window.registerWebviewPanelSerializer('lambdaGuard.dashboard', { deserializeWebviewPanel: async () => undefined }), /already registered/);
  });

  test('a function whose name and tags hold script payloads is shown with the name as text', async () => {
    const a = await api();
    const name = 'partner-sync<script>alert(1)</script>';
    const snapshot = loadDemoAccount();
    const { telemetry } = demoTelemetry(snapshot, new Date());
    const fn = snapshot.functions.find((f) => f.name === 'partner-sync')!;
    fn.name = name;
    fn.arn = arn(name);
    fn.tags = { ...fn.tags, team: '<img src=x onerror=alert(2)>' };
    for (const m of telemetry.metrics) if (m.functionName === 'partner-sync') m.functionName = name;
    snapshot.telemetry = telemetry;
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'lg-dash-'));
    try {
      const file = path.join(dir, 'hostile.json');
      await fs.writeFile(file, JSON.stringify(snapshot));
      await vscode.commands.executeCommand('lambdaGuard.openSnapshot', vscode.Uri.file(file));
      await waitFor('the snapshot', () => a.account.view().state === 'ready' && a.account.view().label?.startsWith('snapshot'));
      const opened = await vscode.commands.executeCommand<DashboardOpened>('lambdaGuard.openDashboard', arn(name));
      assert.equal(opened.model?.kind === 'function' && opened.model.functionName, name);
      assert.equal(opened.report?.heading, name, 'the heading’s text is the name, characters and all');
      assert.equal(opened.report?.foreign, 0, 'no element came out of the name');
      assert.ok((opened.report?.points ?? 0) > 0, 'its charts hold the renamed function’s data');
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  test('a template resource linked to a deployed function carries an Open dashboard CodeLens', async () => {
    const dir = path.join(workspaceRoot(), 'receipts-dash');
    await fs.mkdir(dir, { recursive: true });
    const template = ['AWSTemplateFormatVersion: "2010-09-09"', 'Transform: AWS::Serverless-2016-10-31', 'Resources:', '  ReportFunction:', '    Type: AWS::Serverless::Function', '    Properties:', '      Handler: report.handler', ''].join('\n');
    await fs.writeFile(path.join(dir, 'template.yaml'), template);
    await fs.writeFile(path.join(dir, 'samconfig.toml'), '[default.deploy.parameters]\nstack_name = "receipts"\n');
    try {
      await openDemo();
      const uri = vscode.Uri.file(path.join(dir, 'template.yaml'));
      await vscode.workspace.openTextDocument(uri);
      const lenses = await waitFor('the CodeLens', async () => {
        const ls = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
        return ls.find((l) => l.command?.command === 'lambdaGuard.openDashboard');
      });
      assert.equal(lenses.range.start.line, 3, 'on the ReportFunction resource');
      assert.deepEqual(lenses.command?.arguments, [arn('receipts-ReportFunction-9KD2PL')]);
      const opened = await vscode.commands.executeCommand<DashboardOpened>(lenses.command!.command, ...(lenses.command!.arguments ?? []));
      assert.ok(opened.model?.kind === 'function' && opened.model.alerts.some((x) => x.ruleId === 'LG104'), 'the code change by bob');
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
