import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { FnNode } from '../../../../src/extension/tree/functionNodes';
import { api, waitFor, workspaceRoot } from './helpers';

// The Functions view on the embedded demo account (examples/demo-account/account.json): 13 functions
// in us-east-1 and us-west-2. Expectations come from what that account holds, written by hand.

type Api = Awaited<ReturnType<typeof api>>;

function label(a: Api, n: FnNode): string {
  const l = a.account.item(n).label;
  return typeof l === 'string' ? l : (l?.label ?? '');
}

function child(a: Api, parent: FnNode | undefined, startsWith: string): FnNode {
  const kids = a.account.children(parent);
  const n = kids.find((k) => label(a, k).startsWith(startsWith));
  assert.ok(n, `no node "${startsWith}…" under ${parent ? label(a, parent) : 'the root'}: ${kids.map((k) => label(a, k)).join(' | ')}`);
  return n;
}

async function openDemo(a: Api): Promise<void> {
  await vscode.commands.executeCommand('lambdaGuard.openDemoAccount');
  await waitFor('the demo account', () => a.account.view().state === 'ready');
}

suite('functions view', () => {
  test('the demo account opens as Account → Region → Function with the functions of each region', async () => {
    const a = await api();
    await openDemo(a);
    const v = a.account.view();
    assert.equal(v.functions.length, 13);
    const regions = a.account.children().filter((n) => n.kind === 'region').map((n) => label(a, n));
    assert.deepEqual(regions, ['us-east-1', 'us-west-2']);
    const east = child(a, undefined, 'us-east-1');
    assert.equal(a.account.children(east).length, 12);
    assert.deepEqual(a.account.children(child(a, undefined, 'us-west-2')).map((n) => label(a, n)), ['dr-replicator']);
  });

  test('a risky function shows its role policies, triggers, findings and who can modify or invoke it', async () => {
    const a = await api();
    await openDemo(a);
    const report = child(a, child(a, undefined, 'us-east-1'), 'receipts-ReportFunction');
    const item = a.account.item(report);
    assert.equal((item.iconPath as vscode.ThemeIcon).id, 'error', 'a function with error findings carries the error icon');
    const sections = a.account.children(report).map((n) => label(a, n));
    for (const s of ['Execution role: receipts-ReportFunctionRole-4D5E6F', 'Triggers', 'Who can modify', 'Who can invoke', 'Findings']) assert.ok(sections.includes(s), `${s} in ${sections.join(' | ')}`);
    const rules = a.account.children(child(a, report, 'Findings')).map((n) => (n.kind === 'finding' ? n.finding.ruleId : ''));
    // Public URL (LG008), '*' may invoke (LG006), a permission to change the code for another account (LG013),
    // s3:* (LG001), a typo'd action (LG012), a plain-text password (LG014).
    for (const id of ['LG001', 'LG006', 'LG008', 'LG012', 'LG013', 'LG014']) assert.ok(rules.includes(id), `${id} in ${rules.join(',')}`);
    const policy = child(a, child(a, report, 'Execution role'), 'ReportFunctionRolePolicy0');
    assert.equal(policy.kind, 'part');
    assert.ok(policy.kind === 'part' && policy.findings.some((f) => f.ruleId === 'LG001'), 'the inline policy with s3:* is marked');
    const triggers = a.account.children(child(a, report, 'Triggers')).map((n) => label(a, n));
    assert.ok(triggers.includes('function URL'));
  });

  test('who can modify names the identities IAM lets change the code, and not the others', async () => {
    const a = await api();
    await openDemo(a);
    const orders = child(a, child(a, undefined, 'us-east-1'), 'orders-api');
    const who = a.account.children(child(a, orders, 'Who can modify')).map((n) => (n.kind === 'grant' ? n.grant.principal : ''));
    const user = (n: string): string => `arn:aws:iam::123456789012:user/${n}`;
    assert.ok(who.includes(user('alice')), 'alice: group developers may UpdateFunctionCode on orders-*');
    assert.ok(who.includes(user('bob')), 'bob: AdministratorAccess');
    assert.ok(who.includes(user('ci-bot')), 'ci-bot: UpdateFunctionCode on *');
    assert.ok(!who.includes(user('carol')), 'carol: ReadOnlyAccess only');
    assert.ok(!who.includes(user('dave')), 'dave: in developers, but his permissions boundary allows no update');
    const responder = a.account.children(child(a, orders, 'Who can modify')).find((n) => n.kind === 'grant' && n.grant.principal.endsWith(':role/incident-responder'));
    assert.ok(responder?.kind === 'grant' && responder.grant.conditional, 'incident-responder may change the configuration only with MFA: conditional');
  });

  test('shared ENIs are shown as shared, with the functions that use them', async () => {
    const a = await api();
    await openDemo(a);
    const worker = child(a, child(a, undefined, 'us-east-1'), 'orders-worker');
    const net = a.account.children(child(a, worker, 'Network'));
    const eni = net.find((n) => label(a, n) === 'eni-0a11ce0000000001a');
    assert.ok(eni, 'the ENI of subnet app-a and the app security group');
    assert.match(String(a.account.item(eni).description), /shared with 1 other function/);
    assert.ok(net.some((n) => label(a, n) === 'Shares ENIs with' && String(a.account.item(n).description) === 'orders-api'));
  });

  test('Show Policy opens the live configuration read-only, with the findings as diagnostics on their lines', async () => {
    const a = await api();
    await openDemo(a);
    const resizer = child(a, child(a, undefined, 'us-east-1'), 'image-resizer');
    const policy = child(a, child(a, resizer, 'Execution role'), 'images');
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('lambdaGuard.showPolicy', policy);
    assert.equal(editor.document.uri.scheme, 'lambda-guard-live');
    assert.match(editor.document.getText(editor.selection), /"PolicyName": "images"/);
    const diags = await waitFor('live diagnostics', () => {
      const ds = vscode.languages.getDiagnostics(editor.document.uri);
      return ds.length ? ds : undefined;
    });
    const lg001 = diags.find((d) => d.code === 'LG001');
    assert.ok(lg001, diags.map((d) => d.code).join(','));
    assert.match(editor.document.lineAt(lg001.range.start.line).text, /s3:\*/);
    assert.equal(vscode.workspace.fs.isWritableFileSystem('lambda-guard-live'), false, 'the live configuration is read-only');
    await assert.rejects(Promise.resolve(vscode.workspace.fs.writeFile(editor.document.uri, new TextEncoder().encode('{}'))), 'writing it is refused');
  });

  test('Copy ARN puts the function ARN on the clipboard', async () => {
    const a = await api();
    await openDemo(a);
    const fn = child(a, child(a, undefined, 'us-west-2'), 'dr-replicator');
    await vscode.commands.executeCommand('lambdaGuard.copyArn', fn);
    assert.equal(await vscode.env.clipboard.readText(), 'arn:aws:lambda:us-west-2:123456789012:function:dr-replicator');
  });

  test('Reveal in Source opens the template resource the function was deployed from', async () => {
    const dir = path.join(workspaceRoot(), 'receipts');
    await fs.mkdir(dir, { recursive: true });
    const template = [
      'AWSTemplateFormatVersion: "2010-09-09"',
      'Transform: AWS::Serverless-2016-10-31',
      'Resources:',
      '  ReportFunction:',
      '    Type: AWS::Serverless::Function',
      '    Properties:',
      '      Handler: report.handler',
      '  HealthCheckPermission:',
      '    Type: AWS::Lambda::Permission',
      '    Properties:',
      '      Action: lambda:InvokeFunction',
      '      FunctionName: !Ref ReportFunction',
      '      # lambda-guard-ignore LG007: Route 53 health checks cannot be scoped by SourceArn',
      '      Principal: route53.amazonaws.com',
      '',
    ].join('\n');
    await fs.writeFile(path.join(dir, 'template.yaml'), template);
    await fs.writeFile(path.join(dir, 'samconfig.toml'), '[default.deploy.parameters]\nstack_name = "receipts"\n');
    try {
      const a = await api();
      await openDemo(a);
      const report = a.account.view().functions.find((f) => f.name === 'receipts-ReportFunction-9KD2PL')!;
      const editor = await vscode.commands.executeCommand<vscode.TextEditor>('lambdaGuard.revealInSource', { kind: 'function', fn: report, findings: [] });
      assert.equal(path.relative(workspaceRoot(), editor.document.uri.fsPath), path.join('receipts', 'template.yaml'));
      assert.equal(editor.selection.start.line, 3, 'the ReportFunction line');
      // The template's hover on that line says what is deployed, and what the account has that the template lacks.
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, new vscode.Position(3, 4));
      // Markdown as VS Code holds it: AWS text is escaped (`\-`, `&nbsp;`); read it back as plain words.
      const text = hovers
        .flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : '')))
        .join('\n')
        .replace(/&nbsp;/g, ' ')
        .replace(/\\([\\`*_{}[\]()#+\-.!])/g, '$1');
      assert.match(text, /Deployed\*\* as receipts-ReportFunction-9KD2PL \(us-east-1\)/);
      // The template declares only the health-check permission: the other live statements are out-of-band changes (LG017).
      assert.match(text, /Permission debug-temp .* out-of-band change/);
      // The template accepts the Route 53 permission (a comment in its resource): the live finding is listed,
      // suppressed, with the template's reason.
      const node = child(a, child(a, undefined, 'us-east-1'), 'receipts-ReportFunction');
      const accepted = a.account.children(child(a, node, 'Findings')).filter((n) => n.kind === 'finding' && n.finding.ruleId === 'LG007');
      assert.equal(accepted.length, 1);
      assert.ok(accepted[0].kind === 'finding' && accepted[0].finding.suppressed, 'LG007 suppressed by the template');
      assert.match(accepted[0].kind === 'finding' ? accepted[0].finding.suppression?.reason ?? '' : '', /Route 53 health checks/);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  test('a saved snapshot opens again, and comparing reports what changed since', async () => {
    const a = await api();
    await openDemo(a);
    const file = vscode.Uri.file(path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'lg-snap-')), 'demo.json'));
    await vscode.commands.executeCommand('lambdaGuard.saveSnapshot', file);
    const saved = JSON.parse(await fs.readFile(file.fsPath, 'utf8'));
    assert.equal(saved.format, 'lambda-guard-snapshot');
    assert.equal(saved.functions.length, 13);
    // Make the saved copy the "before": without the partner function and without the debug permission.
    saved.functions = saved.functions.filter((f: { name: string }) => f.name !== 'partner-sync');
    const report = saved.functions.find((f: { name: string }) => f.name === 'receipts-ReportFunction-9KD2PL');
    report.resourcePolicy.Statement = report.resourcePolicy.Statement.filter((s: { Sid: string }) => s.Sid !== 'debug-temp');
    await fs.writeFile(file.fsPath, JSON.stringify(saved));
    const c = await vscode.commands.executeCommand<{ functionsAdded: string[]; changed: { name: string; permissionsAdded: string[] }[]; newFindings: { ruleId: string }[] }>('lambdaGuard.compareSnapshot', file);
    assert.deepEqual(c.functionsAdded, ['us-east-1/partner-sync']);
    const changed = c.changed.find((x) => x.name === 'receipts-ReportFunction-9KD2PL');
    assert.equal(changed?.permissionsAdded.length, 1);
    assert.match(changed!.permissionsAdded[0], /^debug-temp:/);
    assert.ok(c.newFindings.some((f) => f.ruleId === 'LG010'), 'the new cross-account permission is a new finding');
    await vscode.commands.executeCommand('lambdaGuard.openSnapshot', file);
    await waitFor('the snapshot', () => a.account.view().state === 'ready' && a.account.view().label?.startsWith('snapshot'));
    assert.equal(a.account.view().functions.length, 12);
  });

  test('an AWS account that cannot be reached fails with a message, not a hang or a stack trace', async () => {
    const a = await api();
    const aws = vscode.workspace.getConfiguration('lambdaGuard.aws');
    await aws.update('endpoint', 'http://127.0.0.1:9', vscode.ConfigurationTarget.Global);
    await aws.update('regions', ['us-east-1'], vscode.ConfigurationTarget.Global);
    try {
      await vscode.commands.executeCommand('lambdaGuard.auditAccount');
      const v = a.account.view();
      assert.equal(v.state, 'failed');
      assert.ok(v.failure && v.failure.message.length > 10, 'a message says what went wrong');
      assert.doesNotMatch(v.failure!.message, /\n\s+at /, 'no stack trace');
    } finally {
      await aws.update('endpoint', undefined, vscode.ConfigurationTarget.Global);
      await aws.update('regions', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});

suite('activity (runtime monitoring) on the demo account', () => {
  // The demo's telemetry ends now and holds five anomalies in its last day (src/core/inventory/snapshot/demoTelemetry.ts):
  // a code change to receipts-ReportFunction by user bob, a port scan on the orders functions' network interfaces,
  // a new internet peer of analytics-etl on an unusual port.
  test('each function gets an Activity node with its alerts, changes and peers', async () => {
    const a = await api();
    await openDemo(a);
    await waitFor('monitoring', () => a.account.monitor().state === 'ready', 60_000);
    const east = child(a, undefined, 'us-east-1');
    const report = child(a, child(a, east, 'receipts-ReportFunction'), 'Activity');
    const kids = a.account.children(report);
    const lg104 = kids.find((n) => n.kind === 'alert' && n.alert.ruleId === 'LG104');
    assert.ok(lg104 && lg104.kind === 'alert' && /user bob/.test(lg104.alert.message), kids.map((k) => label(a, k)).join(' | '));
    assert.ok(kids.some((n) => label(a, n) === 'code updated' && /user bob/.test(String(a.account.item(n).description))));

    const worker = a.account.children(child(a, child(a, east, 'orders-worker'), 'Activity'));
    assert.ok(worker.some((n) => n.kind === 'alert' && n.alert.ruleId === 'LG105'), 'the port scan hit the interfaces orders-worker shares');

    const etl = a.account.children(child(a, child(a, east, 'analytics-etl'), 'Activity'));
    const alert = etl.find((n) => n.kind === 'alert' && n.alert.ruleId === 'LG102');
    assert.ok(alert && alert.kind === 'alert');
    const peer = String(alert.alert.evidence.peer);
    assert.ok(etl.some((n) => label(a, n).includes(peer) && String(a.account.item(n).description).startsWith('new ')), `the new peer ${peer} is listed and marked new`);
  });
});
