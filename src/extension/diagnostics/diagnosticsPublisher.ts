import * as vscode from 'vscode';
import type { FindingsStore } from '../findings/findingsStore';
import { ruleDocLink } from '../ruleDocs';
import { errorDiagnostic, toDiagnostics } from './toDiagnostic';

/** Mirrors the findings store into the Problems panel; suppressed findings are dimmed hints, not problems. */
export class DiagnosticsPublisher implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('lambda-guard');
  private readonly sub: vscode.Disposable;

  constructor(
    private readonly store: FindingsStore,
    private readonly resolveFile: (file: string) => vscode.Uri,
  ) {
    this.sub = store.onDidChange((uris) => this.publish(uris));
  }

  private publish(uris: vscode.Uri[] | undefined): void {
    if (!uris) {
      this.collection.clear();
      uris = this.store.all().map((r) => r.uri);
    }
    for (const uri of uris) {
      const r = this.store.get(uri);
      if (!r) {
        this.collection.delete(uri);
        continue;
      }
      const diags = toDiagnostics(r.findings, uri, this.resolveFile, ruleDocLink);
      diags.push(...r.errors.map(errorDiagnostic));
      this.collection.set(uri, diags);
    }
  }

  dispose(): void {
    this.sub.dispose();
    this.collection.dispose();
  }
}
