import type { AccountSnapshot } from '../accountModel';
import type { AccountSource, CollectOptions, TelemetryOptions } from '../accountSource';
import { emptyTelemetry, type Telemetry } from '../telemetryModel';

/** A saved snapshot (or the demo account) as an account source: offline, instant, read-only. */
export function snapshotSource(snapshot: AccountSnapshot, label: string): AccountSource {
  return {
    label,
    async collect(opts: CollectOptions = {}): Promise<AccountSnapshot> {
      const regions = opts.regions?.length ? opts.regions.filter((r) => snapshot.regions.includes(r)) : snapshot.regions;
      const keep = new Set(regions);
      const functions = snapshot.functions.filter((f) => keep.has(f.region));
      for (const r of regions) opts.onProgress?.({ kind: 'functions', region: r, functions: functions.filter((f) => f.region === r) });
      return { ...snapshot, regions, functions };
    },
    async collectTelemetry(_s: AccountSnapshot, opts: TelemetryOptions): Promise<Telemetry> {
      const t = snapshot.telemetry;
      if (!t) return emptyTelemetry(opts.start, opts.end);
      return telemetryBetween(t, opts.start, opts.end, opts.functions);
    },
  };
}

/** The part of `t` between two times (series points, flow hours and events), for some functions or all. */
export function telemetryBetween(t: Telemetry, start: Date, end: Date, functions?: string[]): Telemetry {
  const from = start.getTime() / 1000;
  const to = end.getTime() / 1000;
  const wanted = functions?.length ? new Set(functions) : undefined;
  const metrics = t.metrics
    .filter((m) => !wanted || wanted.has(m.functionName))
    .map((m) => {
      const idx = m.timestamps.flatMap((ts, i) => (ts >= from && ts < to ? [i] : []));
      return { ...m, timestamps: idx.map((i) => m.timestamps[i]), values: idx.map((i) => m.values[i]) };
    });
  const iso = (s: string): number => Date.parse(s) / 1000;
  return {
    ...t,
    start: new Date(Math.max(iso(t.start) * 1000, start.getTime())).toISOString(),
    end: new Date(Math.min(iso(t.end) * 1000, end.getTime())).toISOString(),
    metrics,
    flows: t.flows.filter((f) => f.last >= from && f.first < to),
    events: t.events.filter((e) => iso(e.time) >= from && iso(e.time) < to),
  };
}
