import * as path from 'node:path';
import * as vscode from 'vscode';

/** Workspace-relative path with forward slashes (prefixed by the folder name in a multi-root workspace). */
export function relativeFile(uri: vscode.Uri): string {
  const multi = (vscode.workspace.workspaceFolders?.length ?? 0) > 1;
  if (uri.scheme === 'untitled') return uri.path;
  return vscode.workspace.asRelativePath(uri, multi);
}

/** Path inside its own workspace folder, for include/exclude matching; undefined outside the workspace. */
export function pathInFolder(uri: vscode.Uri): string | undefined {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (!folder) return undefined;
  return path.posix.relative(folder.uri.path, uri.path);
}

/** Inverse of `relativeFile` for related locations in other files. */
export function resolveFile(file: string): vscode.Uri {
  if (path.isAbsolute(file)) return vscode.Uri.file(file);
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length > 1) {
    const [head, ...rest] = file.split('/');
    const f = folders.find((x) => x.name === head);
    if (f) return vscode.Uri.joinPath(f.uri, ...rest);
  }
  return folders.length ? vscode.Uri.joinPath(folders[0].uri, file) : vscode.Uri.file(file);
}
