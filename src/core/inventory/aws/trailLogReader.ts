/**
 * CloudTrail records from a trail's CloudWatch Logs group (one JSON record per log event), read the same
 * way as flow logs: FilterLogEvents for a group of at most 50 MB under `auto`, else Logs Insights. Both ask
 * AWS for Lambda's events and the calls of the functions' roles only —
 *   `{ ($.eventSource = "lambda.amazonaws.com") || ($.userIdentity.sessionContext.sessionIssuer.arn = "<role>") || … }`
 * — split into several patterns when the roles do not fit one (1,024 characters), or several queries
 * (10,000). The sink filters again on this side (trailEventSink.ts).
 */
import type { CollectError } from '../accountModel';
import type { Calls } from './calls';
import type { AwsClients } from './clients';
import { runSplitting, type InsightsRunner } from './insightsRunner';
import { chooseEngine, filterLogEvents, logGroupSize, type LogsEngine } from './logGroups';
import type { TrailLogGroup } from './trailDiscovery';
import { LAMBDA_SOURCE, type TrailEventSink } from './trailEventSink';

/** The longest filter pattern FilterLogEvents takes. */
export const MAX_FILTER_PATTERN = 1024;
const MAX_QUERY = 10_000;
/** The shortest range a cut Insights answer is split into (records are per second). */
const MIN_SPLIT_S = 60;

/** Packs `clauses` into as few `head + clauses joined by sep + tail` strings of at most `max` characters. */
function pack(first: string, clauses: string[], wrap: (parts: string[]) => string, max: number): string[] {
  const out: string[] = [];
  let parts = [first];
  for (const c of clauses) {
    if (wrap([...parts, c]).length > max && parts.length > 0) {
      out.push(wrap(parts));
      parts = [];
    }
    parts.push(c);
  }
  if (parts.length) out.push(wrap(parts));
  return out;
}

export function trailFilterPatterns(roleArns: readonly string[]): string[] {
  const clause = (arn: string): string => `($.userIdentity.sessionContext.sessionIssuer.arn = "${arn}")`;
  return pack(`($.eventSource = "${LAMBDA_SOURCE}")`, roleArns.map(clause), (parts) => `{ ${parts.join(' || ')} }`, MAX_FILTER_PATTERN);
}

export function trailInsightsQueries(roleArns: readonly string[], limit: number): string[] {
  const wrap = (parts: string[]): string => `fields @message\n| filter ${parts.join(' or ')}\n| sort @timestamp asc\n| limit ${limit}`;
  return pack(`eventSource = "${LAMBDA_SOURCE}"`, roleArns.map((arn) => `userIdentity.sessionContext.sessionIssuer.arn = "${arn}"`), wrap, MAX_QUERY);
}

export interface TrailReadContext {
  clients: AwsClients;
  runner: InsightsRunner;
  calls: Calls;
  engine?: LogsEngine;
  filterMaxBytes: number;
  /** Epoch milliseconds, [startMs, endMs). */
  startMs: number;
  endMs: number;
}

export async function readTrailLogGroup(ctx: TrailReadContext, group: TrailLogGroup, roleArns: readonly string[], sink: TrailEventSink): Promise<void> {
  const { region, name } = group;
  const size = await logGroupSize(ctx.clients, region, name, ctx.calls);
  if (size === 'missing') {
    const error: CollectError = {
      service: 'logs',
      operation: 'DescribeLogGroups',
      region,
      resource: name,
      kind: 'notFound',
      message: `The trail ${group.trails.join(', ')} delivers to the log group ${name}, which does not exist in ${region}: no CloudTrail events were read from it.`,
    };
    return void ctx.calls.record(error);
  }
  const engine = chooseEngine(ctx.engine, size, ctx.filterMaxBytes);
  ctx.calls.env.onProgress?.({ kind: 'phase', message: `Reading CloudTrail events of ${group.trails.join(', ')} from ${name} (${engine === 'filter' ? 'FilterLogEvents' : 'Logs Insights'})`, region });
  if (engine === 'filter') {
    for (const filterPattern of trailFilterPatterns(roleArns)) {
      const site = { region, resource: name };
      await filterLogEvents(ctx.clients, site, { logGroupName: name, filterPattern, startTime: ctx.startMs, endTime: ctx.endMs }, ctx.calls, (events) => {
        for (const e of events) if (e.message !== undefined) sink.add(e.message, region, { service: 'logs', operation: 'FilterLogEvents', region, resource: name });
      });
    }
    return;
  }
  const start = Math.floor(ctx.startMs / 1000);
  const end = Math.ceil(ctx.endMs / 1000);
  for (const queryString of trailInsightsQueries(roleArns, ctx.runner.rowLimit)) {
    const q = { region, logGroupNames: [name], start, end, queryString, limit: ctx.runner.rowLimit, what: `CloudTrail records in ${name}` };
    await runSplitting(ctx.runner, ctx.calls, q, MIN_SPLIT_S, (rows) => {
      for (const row of rows) {
        const message = row.find((c) => c.field === '@message')?.value;
        if (message !== undefined) sink.add(message, region, { service: 'logs', operation: 'GetQueryResults', region, resource: name });
      }
    });
  }
}
