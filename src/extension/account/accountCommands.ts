import { promises as fs } from 'node:fs';
import * as vscode from 'vscode';
import { functionConsoleUrl } from '../../core/audit/consoleUrl';
import { demoAccountSource } from '../../core/inventory/snapshot/demoAccount';
import { snapshotFromJson, snapshotToJson } from '../../core/inventory/snapshot/snapshotFile';
import { snapshotSource } from '../../core/inventory/snapshot/snapshotSource';
import type { FnNode } from '../tree/functionNodes';
import { readAwsSettings, writeAwsSetting } from './accountSettings';
import type { AccountSession } from './accountSession';
import { loadAws } from './awsLoader';
import { compareWithSnapshot } from './compareCommand';
import type { LiveDocuments } from './liveDocuments';
import { revealInSource } from './revealInSource';

export interface AccountCommandDeps {
  session: AccountSession;
  liveDocs: LiveDocuments;
  reveal: (arn: string) => Thenable<void>;
}

const COMMON_REGIONS = ['us-east-1', 'us-east-2', 'us-west-1', 'us-west-2', 'ca-central-1', 'eu-west-1', 'eu-west-2', 'eu-west-3', 'eu-central-1', 'eu-north-1', 'ap-northeast-1', 'ap-northeast-2', 'ap-southeast-1', 'ap-southeast-2', 'ap-south-1', 'sa-east-1'];

/** AWS calls need a trusted workspace: a workspace's settings could otherwise point them at any endpoint. */
function requireTrust(): boolean {
  if (vscode.workspace.isTrusted) return true;
  void vscode.window.showWarningMessage('Lambda Guard makes no AWS calls in Restricted Mode. Trust this workspace, or open the demo account or a snapshot.', 'Open Demo Account').then((pick) => {
    if (pick) void vscode.commands.executeCommand('lambdaGuard.openDemoAccount');
  });
  return false;
}

function nodeFn(arg: unknown): FnNode & { fn: { arn: string; name: string; region: string } } | undefined {
  const n = arg as FnNode | undefined;
  return n && 'fn' in n ? (n as FnNode & { fn: { arn: string; name: string; region: string } }) : undefined;
}

export function registerAccountCommands(d: AccountCommandDeps): vscode.Disposable[] {
  const reg = vscode.commands.registerCommand;
  return [
    reg('lambdaGuard.auditAccount', async () => {
      if (!requireTrust()) return undefined;
      const s = readAwsSettings();
      const aws = loadAws();
      const source = aws.createAwsSource({
        profile: s.profile,
        regions: s.regions,
        endpoint: s.endpoint,
        mfaCodeProvider: async (serial) => (await vscode.window.showInputBox({ title: 'Lambda Guard: MFA code', prompt: `Code for ${serial}`, password: false, ignoreFocusOut: true, validateInput: (v) => (/^\d{6}$/.test(v) ? undefined : 'six digits') })) ?? '',
      });
      return d.session.open(source, Array.isArray(s.regions) ? s.regions : undefined);
    }),
    reg('lambdaGuard.openDemoAccount', () => d.session.open(demoAccountSource())),
    reg('lambdaGuard.openSnapshot', async (uri?: vscode.Uri) => {
      const file = uri ?? (await vscode.window.showOpenDialog({ canSelectMany: false, filters: { 'Lambda Guard snapshot': ['json'] }, title: 'Open a Lambda Guard snapshot' }))?.[0];
      if (!file) return undefined;
      try {
        const snapshot = snapshotFromJson(new TextDecoder().decode(await vscode.workspace.fs.readFile(file)), vscode.workspace.asRelativePath(file));
        snapshot.source = { ...snapshot.source, kind: 'snapshot', file: file.fsPath };
        return d.session.open(snapshotSource(snapshot, `snapshot ${vscode.workspace.asRelativePath(file)}`));
      } catch (e) {
        void vscode.window.showErrorMessage(`Lambda Guard: ${(e as Error).message}`);
        return undefined;
      }
    }),
    reg('lambdaGuard.saveSnapshot', async (uri?: vscode.Uri) => {
      const snapshot = d.session.current.snapshot;
      if (!snapshot) {
        void vscode.window.showInformationMessage('Lambda Guard: audit an account first (or open the demo account).');
        return undefined;
      }
      const target = uri ?? (await vscode.window.showSaveDialog({ filters: { 'Lambda Guard snapshot': ['json'] }, saveLabel: 'Save Snapshot', title: 'Save the account snapshot' }));
      if (!target) return undefined;
      await fs.writeFile(target.fsPath, snapshotToJson(snapshot));
      return target;
    }),
    reg('lambdaGuard.compareSnapshot', (uri?: vscode.Uri) => compareWithSnapshot(d.session, uri)),
    reg('lambdaGuard.refreshAccount', () => (d.session.currentSource ? d.session.refresh() : vscode.commands.executeCommand('lambdaGuard.auditAccount'))),
    reg('lambdaGuard.selectProfile', async () => {
      if (!requireTrust()) return undefined;
      const profiles = await loadAws().listProfiles();
      const current = readAwsSettings().profile;
      const pick = await vscode.window.showQuickPick(
        [{ label: '$(circle-slash) Default credential chain', profile: '' }, ...profiles.map((p) => ({ label: p, description: p === current ? 'current' : undefined, profile: p }))],
        { title: 'Lambda Guard: AWS profile', placeHolder: profiles.length ? 'Profiles from ~/.aws/config and ~/.aws/credentials' : 'No profiles found in ~/.aws/config' },
      );
      if (!pick) return undefined;
      await writeAwsSetting('profile', pick.profile || undefined);
      return pick.profile;
    }),
    reg('lambdaGuard.selectRegions', async () => {
      const current = readAwsSettings().regions;
      const chosen = new Set(Array.isArray(current) ? current : []);
      const items = [
        { label: 'all', description: 'every region enabled for the account', picked: current === 'all' },
        ...COMMON_REGIONS.map((r) => ({ label: r, picked: chosen.has(r) })),
      ];
      const picks = await vscode.window.showQuickPick(items, { canPickMany: true, title: "Lambda Guard: regions to audit (none = the profile's default)" });
      if (!picks) return undefined;
      const regions = picks.some((p) => p.label === 'all') ? ['all'] : picks.map((p) => p.label);
      await writeAwsSetting('regions', regions.length ? regions : undefined);
      return regions;
    }),
    reg('lambdaGuard.showPolicy', (arg?: unknown) => {
      const n = nodeFn(arg) as FnNode | undefined;
      if (!n || !('fn' in n)) return undefined;
      const range = n.kind === 'part' ? n.part.range : n.kind === 'finding' ? n.finding.live : undefined;
      return d.liveDocs.show(n.fn, range);
    }),
    reg('lambdaGuard.copyArn', async (arg?: unknown) => {
      const n = nodeFn(arg);
      if (!n) return undefined;
      await vscode.env.clipboard.writeText(n.fn.arn);
      return n.fn.arn;
    }),
    reg('lambdaGuard.openInConsole', async (arg?: unknown) => {
      const n = nodeFn(arg);
      if (!n) return undefined;
      const url = functionConsoleUrl(d.session.current.snapshot?.account.partition ?? 'aws', n.fn.region, n.fn.name);
      await vscode.env.openExternal(vscode.Uri.parse(url));
      return url;
    }),
    reg('lambdaGuard.revealInSource', (arg?: unknown) => {
      const n = nodeFn(arg);
      return n ? revealInSource(d.session, n.fn.arn) : undefined;
    }),
    reg('lambdaGuard.revealFunction', (arn: string) => d.reveal(arn)),
  ];
}
