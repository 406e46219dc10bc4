import demo from '../../../../examples/demo-account/account.json';
import type { AccountSnapshot } from '../accountModel';
import type { AccountSource } from '../accountSource';
import type { Telemetry } from '../telemetryModel';
import { demoTelemetry } from './demoTelemetry';
import { snapshotFromJson } from './snapshotFile';
import { snapshotSource, telemetryBetween } from './snapshotSource';

/**
 * The embedded demo account (examples/demo-account/account.json): what a new user sees with no AWS.
 * A fresh copy each time, so views may keep it without sharing state.
 */
export function loadDemoAccount(now: Date = new Date()): AccountSnapshot {
  const s = snapshotFromJson(JSON.stringify(demo), 'the demo account');
  s.collectedAt = now.toISOString();
  return s;
}

/**
 * The demo account as a source. Its telemetry (two weeks ending now, with five anomalies in the last
 * day) is generated on first use from fixed seeds: the inventory alone opens instantly.
 */
export function demoAccountSource(now: Date = new Date()): AccountSource {
  const snapshot = loadDemoAccount(now);
  const base = snapshotSource(snapshot, 'demo account (acme-demo)');
  let telemetry: Telemetry | undefined;
  return {
    label: base.label,
    collect: (opts) => base.collect(opts),
    async collectTelemetry(_s, opts) {
      telemetry ??= demoTelemetry(snapshot, now).telemetry;
      return telemetryBetween(telemetry, opts.start, opts.end, opts.functions);
    },
  };
}
