import * as vscode from 'vscode';

/** The `lambdaGuard.monitor.*` settings: how runtime activity is judged and refreshed. */
export interface MonitorSettings {
  enabled: boolean;
  windowHours: number;
  baselineDays: number;
  refreshMinutes: number;
  notifications: boolean;
}

function num(v: unknown, fallback: number, min: number, max: number): number {
  return typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max ? v : fallback;
}

export function readMonitorSettings(): MonitorSettings {
  const c = vscode.workspace.getConfiguration('lambdaGuard.monitor');
  return {
    enabled: c.get('enabled') !== false,
    windowHours: num(c.get('windowHours'), 24, 1, 24 * 30),
    baselineDays: num(c.get('baselineDays'), 14, 1, 90),
    refreshMinutes: num(c.get('refreshMinutes'), 15, 0, 24 * 60),
    notifications: c.get('notifications') !== false,
  };
}
