import * as vscode from 'vscode';
import type { FindingsStore } from '../findings/findingsStore';
import { pathInFolder } from './workspacePaths';

const SETTLE_MS = 150;

/**
 * Keeps findings of files that are not open current: created and changed files go to the scanner (which
 * applies the core scan's skip list), deleted files (or folders) drop out. A rename arrives as a delete and
 * a create.
 */
export class FileWatcher implements vscode.Disposable {
  private readonly watcher = vscode.workspace.createFileSystemWatcher('**/*');
  private readonly pending = new Map<string, NodeJS.Timeout>();
  private readonly subs: vscode.Disposable[];

  constructor(
    private readonly store: FindingsStore,
    private readonly rescan: (uri: vscode.Uri) => Promise<void>,
  ) {
    this.subs = [
      this.watcher.onDidCreate((u) => this.changed(u)),
      this.watcher.onDidChange((u) => this.changed(u)),
      this.watcher.onDidDelete((u) => this.deleted(u)),
      vscode.workspace.onDidRenameFiles((e) => {
        for (const f of e.files) {
          this.deleted(f.oldUri);
          this.changed(f.newUri);
        }
      }),
    ];
  }

  private changed(uri: vscode.Uri): void {
    if (pathInFolder(uri) === undefined) return;
    const key = uri.toString();
    clearTimeout(this.pending.get(key));
    // Editors save in bursts (truncate, write): wait until the file settles.
    this.pending.set(
      key,
      setTimeout(() => {
        this.pending.delete(key);
        void this.rescan(uri);
      }, SETTLE_MS),
    );
  }

  private deleted(uri: vscode.Uri): void {
    clearTimeout(this.pending.get(uri.toString()));
    this.store.delete(uri);
    this.store.deleteUnder(uri);
  }

  dispose(): void {
    for (const t of this.pending.values()) clearTimeout(t);
    for (const s of this.subs) s.dispose();
    this.watcher.dispose();
  }
}
