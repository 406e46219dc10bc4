import * as vscode from 'vscode';

/** The `lambdaGuard.aws.*` settings: how the Functions view connects to an account. */
export interface AwsSettings {
  profile?: string;
  regions: string[] | 'all' | undefined;
  endpoint?: string;
  reauditReminderDays: number;
}

export function readAwsSettings(): AwsSettings {
  const c = vscode.workspace.getConfiguration('lambdaGuard.aws');
  const profile = c.get<string>('profile')?.trim();
  const regions = c.get<unknown>('regions');
  const endpoint = c.get<string>('endpoint')?.trim();
  const days = c.get<number>('reauditReminderDays');
  return {
    profile: profile || undefined,
    regions: Array.isArray(regions) ? (regions.includes('all') ? 'all' : regions.filter((r): r is string => typeof r === 'string' && r !== '')) : undefined,
    endpoint: endpoint || undefined,
    reauditReminderDays: typeof days === 'number' && days >= 0 ? days : 90,
  };
}

/** Writes one `lambdaGuard.aws.*` setting in the user settings (a profile is personal, not the workspace's). */
export function writeAwsSetting(key: 'profile' | 'regions' | 'endpoint', value: unknown): Thenable<void> {
  return vscode.workspace.getConfiguration('lambdaGuard.aws').update(key, value, vscode.ConfigurationTarget.Global);
}
