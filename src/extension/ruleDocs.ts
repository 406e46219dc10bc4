import * as vscode from 'vscode';
import { ruleDocPath } from '../core/model/rule';

/** Opens a rule's page; diagnostics' code links and hovers link to it. */
export const SHOW_RULE_DOCUMENTATION = 'lambdaGuard.showRuleDocumentation';

/** The rule page shipped inside the extension (`docs/rules/<id>.md` of the .vsix). */
export function shippedRulePage(extensionUri: vscode.Uri, ruleId: string): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, ...ruleDocPath(ruleId).split('/'));
}

/** A link that opens the shipped page, rendered: a command link, so it resolves offline and for any rule id. */
export function ruleDocLink(ruleId: string): vscode.Uri {
  return vscode.Uri.from({ scheme: 'command', path: SHOW_RULE_DOCUMENTATION, query: JSON.stringify([ruleId]) });
}
