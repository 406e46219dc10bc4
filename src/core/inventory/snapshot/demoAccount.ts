import demo from '../../../../examples/demo-account/account.json';
import type { AccountSnapshot } from '../accountModel';
import { snapshotFromJson } from './snapshotFile';

/**
 * The embedded demo account (examples/demo-account/account.json): what a new user sees with no AWS.
 * A fresh copy each time, so views may keep it without sharing state.
 */
export function loadDemoAccount(now: Date = new Date()): AccountSnapshot {
  const s = snapshotFromJson(JSON.stringify(demo), 'the demo account');
  s.collectedAt = now.toISOString();
  return s;
}
