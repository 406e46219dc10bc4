import * as vscode from 'vscode';
import { actionHover, wildcardHover } from '../../core/hover/actionHover';
import { findingHover } from '../../core/hover/findingHover';
import { managedPolicyHover } from '../../core/hover/managedPolicyHover';
import { ruleById } from '../../core/rules/registry';
import type { TemplateModel } from '../../core/model/templateModel';
import type { FileReport } from '../findings/findingsStore';
import { findingsAt } from '../codeActions/findingAt';
import { ruleDocLink, SHOW_RULE_DOCUMENTATION } from '../ruleDocs';
import { toRange } from '../util/range';

const ACTION_WORD = /[A-Za-z0-9*?-]+:[A-Za-z0-9*?]+/;

/** Hovers: a finding's why and fix; an IAM action's access level and details; what a wildcard covers. */
export class LgHoverProvider implements vscode.HoverProvider {
  constructor(
    /** The document's findings for its current text (see DocumentAnalyzer.current). */
    private readonly current: (doc: vscode.TextDocument) => Promise<FileReport | undefined>,
    private readonly modelFor: (doc: vscode.TextDocument) => TemplateModel | undefined,
  ) {}

  async provideHover(doc: vscode.TextDocument, pos: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    const report = await this.current(doc);
    if (token.isCancellationRequested) return undefined;
    const parts: vscode.MarkdownString[] = [];
    let range: vscode.Range | undefined;
    for (const f of findingsAt(report, pos)) {
      // The link runs one command: it opens the rule page shipped with the extension.
      const md = new vscode.MarkdownString(findingHover(f, ruleById(f.ruleId)?.meta, ruleDocLink(f.ruleId).toString()));
      md.isTrusted = { enabledCommands: [SHOW_RULE_DOCUMENTATION] };
      parts.push(md);
    }
    const word = doc.getWordRangeAtPosition(pos, ACTION_WORD);
    let text: string | undefined;
    if (word) {
      range = word;
      text = safe(() => actionHover(doc.getText(word)));
    } else if (this.isStarAction(doc, pos)) {
      range = doc.getWordRangeAtPosition(pos, /\*/);
      text = safe(() => wildcardHover('*'));
    }
    if (text) parts.push(new vscode.MarkdownString(text));
    // An AWS managed policy reference: what its document grants (from the shipped dataset).
    const model = this.modelFor(doc);
    const managed = model && safe(() => managedPolicyHover(model, pos.line + 1, pos.character + 1));
    if (managed) parts.push(new vscode.MarkdownString(managed));
    return parts.length ? new vscode.Hover(parts, range) : undefined;
  }

  /** A bare `*` in an Action list (the model knows where the statement's actions are). */
  private isStarAction(doc: vscode.TextDocument, pos: vscode.Position): boolean {
    const model = this.modelFor(doc);
    if (!model) return false;
    for (const p of model.policies) {
      for (const st of p.statements) {
        for (const a of [...(st.actions ?? []), ...(st.notActions ?? [])]) {
          if (a.text.trim() === '*' && toRange(a.range).contains(pos)) return true;
        }
      }
    }
    return false;
  }
}

/** The action dataset may be missing in a broken install: a hover must never throw. */
function safe(f: () => string | undefined): string | undefined {
  try {
    return f();
  } catch {
    return undefined;
  }
}
