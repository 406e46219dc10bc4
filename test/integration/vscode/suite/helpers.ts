import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LambdaGuardApi } from '../../../../src/extension/api';

export const EXTENSION_ID = 'lambda-guard.lambda-guard';
export const SOURCE = 'Lambda Guard';

/** The test workspace (a temp copy made by runHost.mjs). */
export function workspaceRoot(): string {
  const f = vscode.workspace.workspaceFolders?.[0];
  if (!f) throw new Error('no workspace folder open');
  return f.uri.fsPath;
}

export function wsUri(rel: string): vscode.Uri {
  return vscode.Uri.file(path.join(workspaceRoot(), rel));
}

export async function api(): Promise<LambdaGuardApi> {
  const ext = vscode.extensions.getExtension<LambdaGuardApi>(EXTENSION_ID);
  if (!ext) throw new Error(`${EXTENSION_ID} not loaded`);
  return ext.activate();
}

/** Lambda Guard's problems on a file (suppressed findings are hints, not problems: see `lgHints`). */
export function lgDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE && d.severity !== vscode.DiagnosticSeverity.Hint);
}

/** Lambda Guard's hints on a file: its suppressed findings, shown dimmed with their reason. */
export function lgHints(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE && d.severity === vscode.DiagnosticSeverity.Hint);
}

/** The diagnostic's code as shown: one rule id, or several (`LG001, LG011`) when rules share the token. */
export function codeOf(d: vscode.Diagnostic): string | undefined {
  return typeof d.code === 'object' ? String(d.code.value) : d.code === undefined ? undefined : String(d.code);
}

/** True when the diagnostic names the rule (alone or with others on the same token). */
export function hasRule(d: vscode.Diagnostic, id: string): boolean {
  return (codeOf(d) ?? '').split(/,\s*/).includes(id);
}

/** Polls until `check` returns a value (not undefined/false) or the timeout passes. */
export async function waitFor<T>(what: string, check: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Waits until the file's Lambda Guard diagnostics satisfy `pred`. */
export function waitForDiagnostics(uri: vscode.Uri, pred: (ds: vscode.Diagnostic[]) => boolean, what = 'diagnostics'): Promise<vscode.Diagnostic[]> {
  let last: vscode.Diagnostic[] = [];
  return waitFor(`${what} on ${path.basename(uri.fsPath)}`, () => {
    last = lgDiagnostics(uri);
    return pred(last) ? last : undefined;
  }).catch((e: Error) => {
    const seen = last.map((d) => `${codeOf(d)}@${d.range.start.line + 1}:${d.range.start.character + 1}`).join(', ');
    throw new Error(`${e.message}; last seen: [${seen}]`);
  });
}

export async function openDoc(rel: string): Promise<{ doc: vscode.TextDocument; editor: vscode.TextEditor }> {
  const doc = await vscode.workspace.openTextDocument(wsUri(rel));
  const editor = await vscode.window.showTextDocument(doc);
  return { doc, editor };
}

/** Restores a file's text on disk and in an open editor (tests edit the fixture). */
export async function resetFile(rel: string, text: string): Promise<void> {
  const uri = wsUri(rel);
  const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (doc) {
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, new vscode.Range(0, 0, doc.lineCount, 0), text);
    await vscode.workspace.applyEdit(edit);
    await doc.save();
  } else {
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  }
}

export async function setSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('lambdaGuard').update(key, value, vscode.ConfigurationTarget.Workspace);
}

/** Waits until Lambda Guard's findings for the open document are those of its current version. */
export async function fresh(doc: vscode.TextDocument): Promise<void> {
  const a = await api();
  await waitFor(`analysis of ${path.basename(doc.uri.fsPath)} v${doc.version}`, () => a.report(doc.uri)?.version === doc.version);
}

/**
 * Quick fixes VS Code offers for a diagnostic of the open document, asked when the findings are those of the
 * document's current version: an empty or unwanted answer fails the test (a user would have seen it).
 * A failure says what the extension held.
 */
export async function quickFixesFor(doc: vscode.TextDocument, d: vscode.Diagnostic, wanted: (a: vscode.CodeAction) => boolean): Promise<vscode.CodeAction[]> {
  await fresh(doc);
  let actions: vscode.CodeAction[] = [];
  let failure = '';
  // VS Code itself cancels a code-action request when something touches the text model meanwhile (Lambda
  // Guard's provider never throws: it answers [] when it cannot help). A cancelled request is no answer, so
  // it is asked again; any answer, empty or not, is final.
  for (let ask = 0; ask < 3; ask++) {
    try {
      actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, d.range, vscode.CodeActionKind.QuickFix.value);
      failure = '';
      break;
    } catch (e) {
      failure = ` (the request failed: ${(e as Error).message})`;
      if ((e as Error).message !== 'Canceled') break;
      await fresh(doc);
    }
  }
  if (!failure && actions.some(wanted)) return actions;
  const report = (await api()).report(doc.uri);
  const inRange = lgDiagnostics(doc.uri).filter((x) => x.range.intersection(d.range));
  throw new Error(
    `no wanted quick fix for ${codeOf(d)}@${d.range.start.line + 1}:${d.range.start.character + 1}${failure}; ` +
      `got [${actions.map((a) => a.title).join(' | ')}]; document v${doc.version}, findings of v${report?.version ?? '-'}, ` +
      `diagnostics in range [${inRange.map((x) => `${codeOf(x)}: ${x.message}`).join(' | ')}]`,
  );
}
