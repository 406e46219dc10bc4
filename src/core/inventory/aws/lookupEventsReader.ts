/**
 * CloudTrail event history (LookupEvents) for a region no trail delivers to CloudWatch Logs. It holds
 * management events only (no data events such as S3 object reads or Lambda Invoke), for 90 days, takes one
 * lookup attribute per call and answers 50 events a page at 2 requests per second per account and region
 * (pacing.ts keeps to that). So it is asked what matters: EventSource lambda.amazonaws.com (every change
 * to a function), then Username = each function's name — the role session Lambda opens is named after the
 * function; the sink checks the session's role is the function's own.
 */
import { paginateLookupEvents, type LookupAttribute } from '@aws-sdk/client-cloudtrail';
import type { LiveFunction } from '../accountModel';
import type { Calls } from './calls';
import type { AwsClients } from './clients';
import { LAMBDA_SOURCE, type TrailEventSink } from './trailEventSink';

export function lookupAttributes(functions: readonly LiveFunction[]): LookupAttribute[] {
  const names = [...new Set(functions.map((f) => f.name))].sort();
  return [{ AttributeKey: 'EventSource', AttributeValue: LAMBDA_SOURCE }, ...names.map((n) => ({ AttributeKey: 'Username' as const, AttributeValue: n }))];
}

export async function lookupTrailEvents(clients: AwsClients, region: string, functions: readonly LiveFunction[], window: { startMs: number; endMs: number }, sink: TrailEventSink, calls: Calls): Promise<void> {
  const attributes = lookupAttributes(functions);
  calls.env.onProgress?.({
    kind: 'phase',
    message: `No trail delivers ${region}'s events to CloudWatch Logs: reading its CloudTrail event history (management events only, ${attributes.length} lookups at 2 requests/s)`,
    region,
  });
  const input = { StartTime: new Date(window.startMs), EndTime: new Date(window.endMs) };
  for (const attribute of attributes) {
    const site = { service: 'cloudtrail', operation: 'LookupEvents', region, resource: `${attribute.AttributeKey}=${attribute.AttributeValue}` };
    await calls.run(site, async (abortSignal) => {
      for await (const page of paginateLookupEvents({ client: clients.get('cloudtrail', region), pageSize: 50 }, { ...input, LookupAttributes: [attribute] }, { abortSignal })) {
        for (const e of page.Events ?? []) sink.add(e, region, site);
      }
    });
  }
}
