/**
 * CloudWatch metrics of one region's functions: GetMetricData with six queries per function (Invocations,
 * Errors and Throttles summed, Duration p50 and p99, ConcurrentExecutions at its maximum), as many functions
 * per call as 500 queries hold — 100 functions are two calls, not a hundred — each call paged by NextToken
 * when its points pass the 100,800 a response carries. A failed call is one error naming its functions;
 * the other calls still count.
 */
import { paginateGetMetricData, type MetricDataQuery, type MetricDataResult } from '@aws-sdk/client-cloudwatch';
import type { LiveFunction } from '../accountModel';
import type { MetricName, MetricSeries } from '../telemetryModel';
import type { Calls } from './calls';
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

/** Ascending timestamps in [from, to), values kept parallel. */
function seriesPoints(p: Points | undefined, from: number, to: number): Points {
  if (!p) return { t: [], v: [] };
  const order = p.t.map((_, i) => i).filter((i) => p.t[i] >= from && p.t[i] < to && Number.isFinite(p.v[i]));
  order.sort((a, b) => p.t[a] - p.t[b]);
  return { t: order.map((i) => p.t[i]), v: order.map((i) => p.v[i]) };
}

async function readBatch(clients: AwsClients, region: string, fns: LiveFunction[], period: number, win: { start: number; end: number; to: number }, calls: Calls, out: MetricSeries[]): Promise<void> {
  const queries: MetricDataQuery[] = fns.flatMap((fn, i) =>
    LAMBDA_METRICS.map((m, k) => ({
      Id: `f${i}_${k}`,
      MetricStat: { Metric: { Namespace: 'AWS/Lambda', MetricName: m.name, Dimensions: [{ Name: 'FunctionName', Value: fn.name }] }, Period: period, Stat: m.stat },
      ReturnData: true,
    })),
  );
  const site = { service: 'cloudwatch', operation: 'GetMetricData', region, resource: functionList(fns) };
  const points = new Map<string, Points>();
  const partial = new Set<string>();
  const messages = new Set<string>();
  const done = await calls.run(site, async (abortSignal) => {
    const input = { MetricDataQueries: queries, StartTime: new Date(win.start * 1000), EndTime: new Date(win.end * 1000), ScanBy: 'TimestampAscending' as const };
    for await (const page of paginateGetMetricData({ client: clients.get('cloudwatch', region), pageSize: MAX_DATAPOINTS_PER_PAGE }, input, { abortSignal })) {
      for (const r of page.MetricDataResults ?? []) {
        append(points, r);
        if (r.StatusCode === 'PartialData' && !page.NextToken && r.Id) partial.add(r.Id);
        for (const m of r.Messages ?? []) messages.add(`${m.Code ?? ''}: ${m.Value ?? ''}`);
      }
      for (const m of page.Messages ?? []) messages.add(`${m.Code ?? ''}: ${m.Value ?? ''}`);
    }
    return true;
  });
  if (!done) return;
  fns.forEach((fn, i) =>
    LAMBDA_METRICS.forEach((m, k) => {
      const p = seriesPoints(points.get(`f${i}_${k}`), win.start, win.to);
      out.push({ functionName: fn.name, region, metric: m.metric, period: period, timestamps: p.t, values: p.v });
    }),
  );
  if (partial.size || messages.size) {
    const what = partial.size ? `${partial.size} of its series came back incomplete (PartialData)` : 'CloudWatch added messages';
    calls.record({ ...site, kind: 'other', message: `cloudwatch:GetMetricData for ${site.resource} in ${region}: ${what}${messages.size ? ` — ${[...messages].join('; ')}` : ''}.` });
  }
}

/** Reads the series of `functions` into `out` (so a cancelled collection keeps the batches already read). */
export async function collectMetrics(clients: AwsClients, region: string, functions: readonly LiveFunction[], window: MetricWindow, calls: Calls, out: MetricSeries[]): Promise<void> {
  if (!functions.length) return;
  const period = metricPeriod(window.start, window.end, window.now);
  const aligned = alignedWindow(window.start, window.end, period);
  const win = { ...aligned, to: window.end.getTime() / 1000 };
  calls.env.onProgress?.({ kind: 'phase', message: `Reading CloudWatch metrics of ${functions.length} functions in ${region} (${period} s points)`, region });
  for (let i = 0; i < functions.length; i += FUNCTIONS_PER_CALL) {
    calls.checkCancelled();
    await readBatch(clients, region, functions.slice(i, i + FUNCTIONS_PER_CALL), period, win, calls, out);
  }
}
