/**
 * CloudWatch metrics of one region's functions: GetMetricData with six queries per function (Invocations,
 * Errors and Throttles summed, Duration p50 and p99, ConcurrentExecutions at its maximum), as many functions
 * per call as 500 queries hold — 100 functions are two calls, not a hundred — each call paged by NextToken
 * when its points pass the 100,800 a response carries. A failed call is one error naming its functions;
 * the other calls still count (and a server error costs only the percentiles, see readBatch).
 */
import { paginateGetMetricData, type MetricDataQuery, type MetricDataResult } from '@aws-sdk/client-cloudwatch';
import type { LiveFunction } from '../accountModel';
import type { MetricName, MetricSeries } from '../telemetryModel';
import { Calls } from './calls';
import type { AwsClients } from './clients';
import { alignedWindow, metricPeriod } from './metricPeriod';

interface MetricSpec {
  metric: MetricName;
  /** The AWS/Lambda metric name. */
  name: string;
  stat: string;
}

export const LAMBDA_METRICS: readonly MetricSpec[] = [
  { metric: 'Invocations', name: 'Invocations', stat: 'Sum' },
  { metric: 'Errors', name: 'Errors', stat: 'Sum' },
  { metric: 'Throttles', name: 'Throttles', stat: 'Sum' },
  { metric: 'DurationP50', name: 'Duration', stat: 'p50' },
  { metric: 'DurationP99', name: 'Duration', stat: 'p99' },
  { metric: 'ConcurrentExecutions', name: 'ConcurrentExecutions', stat: 'Maximum' },
];

/** GetMetricData's most queries per call. */
export const MAX_QUERIES_PER_CALL = 500;
/** Points per response before GetMetricData pages (its default, and the most it returns at once). */
export const MAX_DATAPOINTS_PER_PAGE = 100_800;
/** A function's six queries always travel together: 83 functions per call. */
export const FUNCTIONS_PER_CALL = Math.floor(MAX_QUERIES_PER_CALL / LAMBDA_METRICS.length);

export interface MetricWindow {
  start: Date;
  end: Date;
  /** For the retention rule (metricPeriod.ts). */
  now: Date;
}

/** `lg-a`, or `83 functions (lg-a, lg-b, lg-c, …)`: what an error names. */
export function functionList(fns: readonly { name: string }[]): string {
  if (fns.length === 1) return fns[0].name;
  const head = fns.slice(0, 3).map((f) => f.name);
  return `${fns.length} functions (${head.join(', ')}${fns.length > 3 ? ', …' : ''})`;
}

interface Points {
  t: number[];
  v: number[];
}

function append(into: Map<string, Points>, r: MetricDataResult): void {
  if (!r.Id) return;
  let p = into.get(r.Id);
  if (!p) into.set(r.Id, (p = { t: [], v: [] }));
  const ts = r.Timestamps ?? [];
  const vs = r.Values ?? [];
  for (let i = 0; i < ts.length && i < vs.length; i++) {
    p.t.push(Math.round(ts[i].getTime() / 1000));
    p.v.push(vs[i]);
  }
}

/** Ascending timestamps in [from, to), values kept parallel; the arrays as read when they already are (the usual case). */
function seriesPoints(p: Points | undefined, from: number, to: number): Points {
  if (!p) return { t: [], v: [] };
  let ready = true;
  for (let i = 0; i < p.t.length && ready; i++) ready = p.t[i] >= from && p.t[i] < to && Number.isFinite(p.v[i]) && (i === 0 || p.t[i] > p.t[i - 1]);
  if (ready) return p;
  const order = p.t.map((_, i) => i).filter((i) => p.t[i] >= from && p.t[i] < to && Number.isFinite(p.v[i]));
  order.sort((a, b) => p.t[a] - p.t[b]);
  return { t: order.map((i) => p.t[i]), v: order.map((i) => p.v[i]) };
}

interface BatchContext {
  clients: AwsClients;
  region: string;
  period: number;
  win: { start: number; end: number; to: number };
  calls: Calls;
  out: MetricSeries[];
  /** Set once the endpoint failed the percentiles: later spans do not ask for them again. */
  noPercentiles?: boolean;
}

const ALL_SPECS = LAMBDA_METRICS.map((_, k) => k);
const isPercentile = (k: number): boolean => /^p\d/.test(LAMBDA_METRICS[k].stat);

/**
 * One GetMetricData call (and its pages) for `fns` × the metrics `specs` (indexes into LAMBDA_METRICS).
 * A call that fails with a server error is asked again as two: the plain statistics, then the percentiles —
 * so an endpoint that cannot compute p50/p99 (moto answers HTTP 500) costs the Duration series only.
 */
async function readBatch(ctx: BatchContext, fns: LiveFunction[], specs: readonly number[] = ALL_SPECS): Promise<void> {
  const { region, period, win } = ctx;
  const queries: MetricDataQuery[] = fns.flatMap((fn, i) =>
    specs.map((k) => ({
      Id: `f${i}_${k}`,
      MetricStat: { Metric: { Namespace: 'AWS/Lambda', MetricName: LAMBDA_METRICS[k].name, Dimensions: [{ Name: 'FunctionName', Value: fn.name }] }, Period: period, Stat: LAMBDA_METRICS[k].stat },
      ReturnData: true,
    })),
  );
  const site = { service: 'cloudwatch', operation: 'GetMetricData', region, resource: functionList(fns) };
  const points = new Map<string, Points>();
  const partial = new Set<string>();
  const messages = new Set<string>();
  // Failures are kept aside first: a server error may be worth asking again in two parts.
  const trial = new Calls({ ...ctx.calls.env, onProgress: undefined });
  const done = await trial.run(site, async (abortSignal) => {
    const input = { MetricDataQueries: queries, StartTime: new Date(win.start * 1000), EndTime: new Date(win.end * 1000), ScanBy: 'TimestampAscending' as const };
    for await (const page of paginateGetMetricData({ client: ctx.clients.get('cloudwatch', region), pageSize: MAX_DATAPOINTS_PER_PAGE }, input, { abortSignal })) {
      for (const r of page.MetricDataResults ?? []) {
        append(points, r);
        if (r.StatusCode === 'PartialData' && !page.NextToken && r.Id) partial.add(r.Id);
        for (const m of r.Messages ?? []) messages.add(`${m.Code ?? ''}: ${m.Value ?? ''}`);
      }
      for (const m of page.Messages ?? []) messages.add(`${m.Code ?? ''}: ${m.Value ?? ''}`);
    }
    return true;
  });
  if (!done) {
    const error = trial.errors[0];
    const plain = specs.filter((k) => !isPercentile(k));
    const percentiles = specs.filter(isPercentile);
    if (error?.kind === 'other' && plain.length && percentiles.length) {
      await readBatch(ctx, fns, plain);
      if (ctx.noPercentiles) return;
      return readBatch(ctx, fns, percentiles);
    }
    if (specs.every(isPercentile)) ctx.noPercentiles = true;
    const what = specs.every(isPercentile) ? 'Duration p50 and p99 could not be read: ' : '';
    for (const e of trial.errors) ctx.calls.record({ ...e, message: `${what}${e.message}` });
    return;
  }
  fns.forEach((fn, i) =>
    specs.forEach((k) => {
      const id = `f${i}_${k}`;
      const p = seriesPoints(points.get(id), win.start, win.to);
      points.delete(id);
      ctx.out.push({ functionName: fn.name, region, metric: LAMBDA_METRICS[k].metric, period, timestamps: p.t, values: p.v });
    }),
  );
  if (partial.size || messages.size) {
    const what = partial.size ? `${partial.size} of its series came back incomplete (PartialData)` : 'CloudWatch added messages';
    ctx.calls.record({ ...site, kind: 'other', message: `cloudwatch:GetMetricData for ${site.resource} in ${region}: ${what}${messages.size ? ` — ${[...messages].join('; ')}` : ''}.` });
  }
}

/** The aligned window cut into spans of whole periods (one span when `spanHours` is 0). */
function spans(win: { start: number; end: number; to: number }, period: number, spanHours: number): { start: number; end: number; to: number }[] {
  const step = spanHours > 0 ? Math.max(period, Math.floor((spanHours * 3600) / period) * period) : 0;
  if (!step) return [win];
  const out: { start: number; end: number; to: number }[] = [];
  for (let s = win.start; s < win.end; s += step) {
    const e = Math.min(win.end, s + step);
    out.push({ start: s, end: e, to: Math.min(win.to, e) });
  }
  return out;
}

/** Series read span by span joined into one per function and metric (spans ascend and do not overlap). */
function joinSpans(parts: MetricSeries[]): MetricSeries[] {
  const byKey = new Map<string, MetricSeries>();
  for (const p of parts) {
    const key = `${p.functionName}\u0000${p.metric}`;
    const have = byKey.get(key);
    if (!have) byKey.set(key, { ...p, timestamps: [...p.timestamps], values: [...p.values] });
    else for (let i = 0; i < p.timestamps.length; i++) {
      have.timestamps.push(p.timestamps[i]);
      have.values.push(p.values[i]);
    }
  }
  return [...byKey.values()];
}

/** Reads the series of `functions` into `out` (so a cancelled collection keeps the batches already read). */
export async function collectMetrics(clients: AwsClients, region: string, functions: readonly LiveFunction[], window: MetricWindow, calls: Calls, out: MetricSeries[], spanHours = 0): Promise<void> {
  if (!functions.length) return;
  const period = metricPeriod(window.start, window.end, window.now);
  const aligned = alignedWindow(window.start, window.end, period);
  const win = { ...aligned, to: window.end.getTime() / 1000 };
  calls.env.onProgress?.({ kind: 'phase', message: `Reading CloudWatch metrics of ${functions.length} functions in ${region} (${period} s points)`, region });
  const parts: MetricSeries[] = [];
  const ctx: BatchContext = { clients, region, period, win, calls, out: parts };
  try {
    for (const span of spans(win, period, spanHours)) {
      ctx.win = span;
      for (let i = 0; i < functions.length; i += FUNCTIONS_PER_CALL) {
        calls.checkCancelled();
        await readBatch(ctx, functions.slice(i, i + FUNCTIONS_PER_CALL), ctx.noPercentiles ? ALL_SPECS.filter((k) => !isPercentile(k)) : ALL_SPECS);
      }
    }
  } finally {
    out.push(...joinSpans(parts));
  }
}
