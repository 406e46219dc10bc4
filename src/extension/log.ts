import * as vscode from 'vscode';

let channel: vscode.LogOutputChannel | undefined;

/** The "Lambda Guard" output channel (created on first use); never given credentials or file contents. */
export function log(): vscode.LogOutputChannel {
  channel ??= vscode.window.createOutputChannel('Lambda Guard', { log: true });
  return channel;
}

/** Disposes the channel when the extension deactivates. */
export function disposeLog(): void {
  channel?.dispose();
  channel = undefined;
}
