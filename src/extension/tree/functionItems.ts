import * as vscode from 'vscode';
import type { Finding } from '../../core/model/finding';
import type { Severity } from '../../core/model/severity';
import { nodeId, type FnNode } from './functionNodes';

const SEVERITY_ICON: Record<Severity, vscode.ThemeIcon> = {
  error: new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground')),
  warning: new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground')),
  info: new vscode.ThemeIcon('info'),
};

const PART_LABEL: Record<string, string> = {
  trust: 'trust policy',
  inline: 'inline policy',
  managed: 'customer managed policy',
  managedArn: 'AWS managed policy',
  boundary: 'permissions boundary',
  permission: 'resource-policy permission',
  url: 'function URL',
  environment: 'environment',
  alarm: 'alarm',
};

/** The worst severity among live (not suppressed) findings. */
export function worst(findings: readonly Finding[]): Severity | undefined {
  let w: Severity | undefined;
  for (const f of findings) {
    if (f.suppressed) continue;
    if (f.severity === 'error') return 'error';
    if (f.severity === 'warning' || !w) w = f.severity;
  }
  return w;
}

function counts(findings: readonly Finding[]): string {
  const live = findings.filter((f) => !f.suppressed);
  if (!live.length) return '';
  const e = live.filter((f) => f.severity === 'error').length;
  const w = live.filter((f) => f.severity === 'warning').length;
  return [e && `${e} error${e === 1 ? '' : 's'}`, w && `${w} warning${w === 1 ? '' : 's'}`, live.length - e - w && `${live.length - e - w} info`].filter(Boolean).join(', ');
}

/** AWS-sourced text inside a Markdown tooltip: shown literally, never interpreted. */
function md(lines: string[]): vscode.MarkdownString {
  const m = new vscode.MarkdownString();
  lines.forEach((l, i) => {
    if (i) m.appendMarkdown('  \n');
    m.appendText(l);
  });
  return m;
}

function item(n: FnNode, label: string, collapsible: boolean): vscode.TreeItem {
  const t = new vscode.TreeItem(label, collapsible ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
  t.id = nodeId(n);
  return t;
}

const SHOW_LIVE = 'lambdaGuard.showPolicy';

export function toFunctionItem(n: FnNode): vscode.TreeItem {
  switch (n.kind) {
    case 'status': {
      const t = item(n, n.text, false);
      t.description = n.detail;
      t.iconPath = new vscode.ThemeIcon(n.icon === 'loading' ? 'sync~spin' : n.icon);
      return t;
    }
    case 'collectError': {
      const e = n.error;
      const t = item(n, e.missingPermission ? `Missing permission ${e.missingPermission}` : `${e.service}:${e.operation} failed`, false);
      t.description = [e.region, e.resource].filter(Boolean).join(' · ');
      t.tooltip = md([e.message]);
      t.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
      t.contextValue = 'lgCollectError';
      return t;
    }
    case 'region': {
      const t = item(n, n.region, true);
      t.description = `${n.count} function${n.count === 1 ? '' : 's'}`;
      t.iconPath = new vscode.ThemeIcon('globe');
      t.contextValue = 'lgRegion';
      return t;
    }
    case 'function': {
      const t = item(n, n.fn.name, true);
      const w = worst(n.findings);
      t.description = [n.fn.runtime, counts(n.findings)].filter(Boolean).join(' · ');
      t.tooltip = md([n.fn.arn, `Role: ${n.fn.role}`, n.fn.lastModified ? `Last modified: ${n.fn.lastModified}` : '', n.fn.description ?? ''].filter(Boolean));
      t.iconPath = w ? SEVERITY_ICON[w] : new vscode.ThemeIcon('symbol-function');
      t.contextValue = n.fn.tags['aws:cloudformation:logical-id'] ? 'lgFunction lgLinked' : 'lgFunction';
      return t;
    }
    case 'section': {
      const t = item(n, n.label, n.count > 0);
      const c = counts(n.findings);
      t.description = c || String(n.count);
      const icons: Record<string, string> = { role: 'key', triggers: 'zap', modify: 'edit', invoke: 'play', network: 'plug', findings: 'checklist', activity: 'pulse' };
      const w = worst(n.findings);
      t.iconPath = w ? SEVERITY_ICON[w] : new vscode.ThemeIcon(icons[n.section]);
      t.contextValue = `lgSection-${n.section}`;
      return t;
    }
    case 'part': {
      const t = item(n, n.part.name, false);
      t.description = [PART_LABEL[n.part.kind], counts(n.findings)].filter(Boolean).join(' · ');
      const w = worst(n.findings);
      t.iconPath = w ? SEVERITY_ICON[w] : new vscode.ThemeIcon('json');
      t.tooltip = md([`${PART_LABEL[n.part.kind]} ${n.part.name}`, ...n.findings.map((f) => `${f.ruleId}: ${f.message}`)]);
      t.command = { command: SHOW_LIVE, title: 'Show Policy', arguments: [n] };
      t.contextValue = 'lgPolicy';
      return t;
    }
    case 'grant': {
      const g = n.grant;
      const t = item(n, g.principal, false);
      t.description = `${g.kind}${g.conditional ? ' · conditional' : ''} · ${g.actions.join(', ')}`;
      t.tooltip = md([
        g.principal,
        `Actions: ${g.actions.join(', ')}`,
        ...g.via.map((v) => `Through ${v}`),
        ...g.conditions.map((c) => `Only when ${c.operator} ${c.key} = ${c.values.join(', ')}`),
      ]);
      t.iconPath = new vscode.ThemeIcon(g.kind === 'public' ? 'globe' : g.kind === 'service' ? 'server' : g.kind === 'role' ? 'key' : 'person', g.conditional ? undefined : g.kind === 'public' ? new vscode.ThemeColor('list.errorForeground') : undefined);
      t.contextValue = 'lgGrant';
      return t;
    }
    case 'item': {
      const t = item(n, n.label, !!n.children?.length);
      t.description = n.description;
      if (n.tooltip) t.tooltip = md([n.tooltip]);
      t.iconPath = new vscode.ThemeIcon(n.icon);
      return t;
    }
    case 'finding': {
      const f = n.finding;
      const t = item(n, f.message, false);
      t.description = f.ruleId;
      t.iconPath = f.suppressed ? new vscode.ThemeIcon('eye-closed') : SEVERITY_ICON[f.severity];
      t.tooltip = md([`${f.ruleId} (${f.severity})`, f.message]);
      t.command = { command: SHOW_LIVE, title: 'Show in Live Configuration', arguments: [n] };
      t.contextValue = 'lgLiveFinding';
      return t;
    }
    case 'alert': {
      const a = n.alert;
      const t = item(n, a.message, false);
      t.description = `${a.ruleId} · ${a.time.replace('T', ' ').replace(/:\d\d(\.\d+)?Z$/, ' UTC')}`;
      t.iconPath = SEVERITY_ICON[a.severity];
      t.tooltip = md([`${a.ruleId} (${a.severity}) at ${a.time}`, a.message, ...(a.sharedWith?.length ? [`Network interfaces shared by ${a.sharedWith.join(', ')}`] : [])]);
      t.command = { command: 'lambdaGuard.openDashboard', title: 'Open Dashboard', arguments: [n.fn.arn] };
      t.contextValue = 'lgAlert';
      return t;
    }
  }
}
