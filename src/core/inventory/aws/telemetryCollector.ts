/**
 * Runtime telemetry of an account for a window: per region (a few at once) the functions' CloudWatch
 * metrics and their ENIs' flow records, and CloudTrail events across the regions. Every failed read is an
 * `errors` entry and the rest is still read — telemetry is partial, never silently empty. A cancelled
 * collection waits for its reads to stop (Logs Insights queries are stopped in AWS), then returns what it
 * had with a `cancelled` error.
 */
import { FlowAggregator, type FlowAggregate } from '../../flows/flowAggregator';
import type { AccountSnapshot, CollectError } from '../accountModel';
import type { TelemetryOptions } from '../accountSource';
import { emptyTelemetry, METRIC_NAMES, type Telemetry } from '../telemetryModel';
import { Calls, type CallEnv } from './calls';
import type { AwsClients } from './clients';
import { collectFlows } from './flowsCollector';
import { InsightsRunner } from './insightsRunner';
import { collectMetrics } from './metricsCollector';
import { Semaphore } from './rateLimit';
import { settleAll } from './settle';
import { AwsCollectionError } from './sourceErrors';
import { collectTrailEvents } from './trailCollector';
import { TrailEventSink } from './trailEventSink';
import { telemetryScope, type TelemetryScope } from './telemetryScope';
import type { TelemetryTuning } from './telemetryTuning';

/** Regions read at once (as for the inventory). */
const REGION_CONCURRENCY = 4;

function checkWindow(start: Date, end: Date): void {
  const bad = !(start instanceof Date) || !(end instanceof Date) || Number.isNaN(start.getTime()) || Number.isNaN(end.getTime());
  if (bad || start.getTime() >= end.getTime()) {
    const text = (d: Date): string => (d instanceof Date && !Number.isNaN(d.getTime()) ? d.toISOString() : String(d));
    throw new AwsCollectionError({
      service: 'lambda-guard',
      operation: 'collectTelemetry',
      kind: 'other',
      message: `The telemetry window is empty or unreadable: start ${text(start)} must be a time before end ${text(end)}.`,
    });
  }
}

function isAbort(e: unknown): boolean {
  return (e as { name?: string })?.name === 'AbortError';
}

/** The skipped lines of every flow-log reader, as one error (what was wrong with the first few). */
function malformedError(result: FlowAggregate): CollectError | undefined {
  const n = result.skipped.malformed;
  if (!n) return undefined;
  const first = result.malformed.slice(0, 3).map((m) => `${m.source ?? 'input'} line ${m.line}: ${m.reason}`);
  return {
    service: 'lambda-guard',
    operation: 'flow records',
    kind: 'other',
    message: `${n === 1 ? '1 flow-log line was not a flow record and was' : `${n} flow-log lines were not flow records and were`} skipped (${first.join('; ')}${n > first.length ? '; …' : ''}).`,
  };
}

const CANCELLED: CollectError = {
  service: 'lambda-guard',
  operation: 'collectTelemetry',
  kind: 'cancelled',
  message: 'The telemetry collection was cancelled: what it had read so far is shown.',
};

function finish(out: Telemetry, scope: TelemetryScope, agg: FlowAggregator, sink: TrailEventSink, calls: Calls, cancelled: boolean): Telemetry {
  const enis = new Set(scope.regions.flatMap((r) => r.interfaces.map((n) => n.id)));
  const flows = agg.result();
  // S3 files and VPC-wide flow logs also hold other interfaces' records: only the functions' ENIs are kept.
  out.flows = flows.flows.filter((f) => enis.has(f.interfaceId));
  out.flowGaps = flows.gaps.filter((g) => enis.has(g.interfaceId));
  out.events = sink.events();
  out.metrics.sort((a, b) => (a.region < b.region ? -1 : a.region > b.region ? 1 : 0) || (a.functionName < b.functionName ? -1 : a.functionName > b.functionName ? 1 : 0) || METRIC_NAMES.indexOf(a.metric) - METRIC_NAMES.indexOf(b.metric));
  const errors = [...calls.errors, ...sink.errors()];
  const malformed = malformedError(flows);
  if (malformed) errors.push(malformed);
  if (cancelled) errors.push({ ...CANCELLED });
  if (errors.length) out.errors = errors;
  return out;
}

export async function collectAccountTelemetry(clients: AwsClients, env: CallEnv, tuning: Required<TelemetryTuning>, snapshot: AccountSnapshot, opts: TelemetryOptions): Promise<Telemetry> {
  checkWindow(opts.start, opts.end);
  const scope = telemetryScope(snapshot, opts.functions);
  const out = emptyTelemetry(opts.start, opts.end);
  const calls = new Calls(env);
  for (const e of scope.unknown) calls.record(e);
  const window = { startMs: opts.start.getTime(), endMs: opts.end.getTime() };
  const agg = new FlowAggregator({ hourly: true, localAddresses: scope.localAddresses });
  const sink = new TrailEventSink(scope.index, window.startMs, window.endMs);
  const runner = new InsightsRunner(clients, calls, tuning);
  const ctx = { clients, runner, calls, engine: opts.logsEngine, filterMaxBytes: tuning.filterMaxBytes, accountId: scope.accountId, ...window };
  const regionSlots = new Semaphore(REGION_CONCURRENCY);
  const metricWindow = { start: opts.start, end: opts.end, now: new Date() };
  let cancelled = false;
  try {
    const region = async (r: TelemetryScope['regions'][number]): Promise<void> => {
      await settleAll([collectMetrics(clients, r.region, r.functions, metricWindow, calls, out.metrics, tuning.metricSpanHours), collectFlows(ctx, r, agg, out.flowLogs)]);
    };
    await settleAll([...scope.regions.map((r) => regionSlots.run(() => region(r))), collectTrailEvents(ctx, scope, sink, out.trails)]);
  } catch (e) {
    if (!isAbort(e) && !opts.signal?.aborted) throw e;
    cancelled = true;
  }
  return finish(out, scope, agg, sink, calls, cancelled);
}
