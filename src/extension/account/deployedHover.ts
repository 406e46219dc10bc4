import * as vscode from 'vscode';
import type { AccountSession } from './accountSession';

/**
 * On a template's function resource that is deployed in the open account (linked through the
 * CloudFormation tags): what is deployed — name, region, findings, URL, last change — and a link to the
 * function in the Functions view. Views never call AWS: this reads the open audit.
 */
export class DeployedFunctionHover implements vscode.HoverProvider {
  constructor(private readonly session: AccountSession) {}

  provideHover(doc: vscode.TextDocument, pos: vscode.Position): vscode.Hover | undefined {
    const audit = this.session.current.audit;
    if (!audit || doc.uri.scheme !== 'file') return undefined;
    const rel = vscode.workspace.asRelativePath(doc.uri, false);
    const fn = audit.functions.find((f) => f.source && f.source.line === pos.line + 1 && f.source.file === rel);
    if (!fn) return undefined;
    const live = this.session.current.functions.find((f) => f.arn === fn.arn);
    const findings = audit.findings.filter((f) => f.target?.arn === fn.arn && !f.suppressed);
    const count = (s: string): number => findings.filter((f) => f.severity === s).length;
    const drift = findings.filter((f) => f.ruleId === 'LG017');
    const md = new vscode.MarkdownString();
    md.appendMarkdown('**Deployed** as ');
    md.appendText(`${fn.name} (${fn.region})`);
    md.appendMarkdown(`  \n${count('error')} errors, ${count('warning')} warnings, ${count('info')} info on its live configuration`);
    if (fn.url) md.appendText(` · URL with AuthType ${fn.url.authType}`);
    if (live?.lastModified) md.appendText(` · last modified ${live.lastModified}`);
    for (const d of drift) {
      md.appendMarkdown('  \n$(warning) ');
      md.appendText(d.message);
    }
    md.supportThemeIcons = true;
    md.appendMarkdown(`  \n[Show in the Functions view](command:lambdaGuard.revealFunction?${encodeURIComponent(JSON.stringify([fn.arn]))})`);
    md.isTrusted = { enabledCommands: ['lambdaGuard.revealFunction'] };
    return new vscode.Hover(md, doc.lineAt(pos.line).range);
  }
}
