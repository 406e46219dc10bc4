import * as vscode from 'vscode';
import type { AccountSnapshot } from '../../core/inventory/accountModel';

const KEY = 'lambdaGuard.lastAudit';
const DAY_MS = 24 * 60 * 60 * 1000;

/** Days since the last audit of `accountId`, or undefined when it was never audited here. */
export function daysSinceAudit(state: vscode.Memento, accountId: string, now = Date.now()): number | undefined {
  const last = state.get<Record<string, number>>(KEY, {})[accountId];
  return last === undefined ? undefined : Math.floor((now - last) / DAY_MS);
}

/**
 * Remembers when each AWS account was last audited (global state: it follows the user, not the
 * workspace) and reminds the user when the last audit is older than the configured period — the seed's
 * advice: re-audit every few months, because permissions drift.
 */
export async function recordAudit(state: vscode.Memento, snapshot: AccountSnapshot, now = Date.now()): Promise<number | undefined> {
  if (snapshot.source.kind !== 'aws') return undefined;
  const before = daysSinceAudit(state, snapshot.account.id, now);
  await state.update(KEY, { ...state.get<Record<string, number>>(KEY, {}), [snapshot.account.id]: now });
  return before;
}

/** Accounts whose last audit here is at least `reminderDays` old (0 turns reminders off). */
export function overdueAccounts(state: vscode.Memento, reminderDays: number, now = Date.now()): { accountId: string; days: number }[] {
  if (!reminderDays) return [];
  return Object.keys(state.get<Record<string, number>>(KEY, {}))
    .map((accountId) => ({ accountId, days: daysSinceAudit(state, accountId, now) ?? 0 }))
    .filter((a) => a.days >= reminderDays)
    .sort((a, b) => b.days - a.days);
}

/** At start-up: one notification naming the accounts that are due for an audit again. */
export async function remindOverdue(state: vscode.Memento, reminderDays: number, now = Date.now()): Promise<string[]> {
  const due = overdueAccounts(state, reminderDays, now);
  if (!due.length) return [];
  const first = due[0];
  const others = due.length > 1 ? ` (and ${due.length - 1} more account${due.length === 2 ? '' : 's'})` : '';
  const pick = await vscode.window.showInformationMessage(
    `Lambda Guard: AWS account ${first.accountId} was last audited ${first.days} days ago${others}. Permissions drift; audit again?`,
    'Audit Now',
    'Later',
  );
  if (pick === 'Audit Now') await vscode.commands.executeCommand('lambdaGuard.auditAccount');
  return due.map((d) => d.accountId);
}
