/**
 * CloudWatch Logs groups that hold flow records or CloudTrail records: how big each is (DescribeLogGroups
 * `storedBytes`), which engine reads it, and the shared paged FilterLogEvents read.
 */
import { paginateDescribeLogGroups, paginateFilterLogEvents, type FilteredLogEvent } from '@aws-sdk/client-cloudwatch-logs';
import type { Calls, CallSite } from './calls';
import type { AwsClients } from './clients';

export type LogsEngine = 'auto' | 'filter' | 'insights';

/** `missing`: the group does not exist; undefined: its size could not be read (the error is recorded). */
export type LogGroupSize = number | 'missing' | undefined;

/** The group's stored bytes, read with a name-prefix filter (the prefix also matches longer names, so the exact one is picked). */
export async function logGroupSize(clients: AwsClients, region: string, name: string, calls: Calls): Promise<LogGroupSize> {
  const found = await calls.run({ service: 'logs', operation: 'DescribeLogGroups', region, resource: name }, async (abortSignal) => {
    for await (const page of paginateDescribeLogGroups({ client: clients.get('logs', region), pageSize: 50 }, { logGroupNamePrefix: name }, { abortSignal })) {
      const g = (page.logGroups ?? []).find((x) => x.logGroupName === name);
      if (g) return { bytes: g.storedBytes ?? 0 };
    }
    return { bytes: undefined };
  });
  if (!found) return undefined;
  return found.bytes ?? 'missing';
}

/**
 * `filter` reads the records themselves (FilterLogEvents, restricted to the streams or events that matter);
 * `insights` lets Logs Insights aggregate in AWS. Under `auto` a group of at most `maxBytes` is filtered;
 * a group whose size is unknown (DescribeLogGroups denied) is filtered too — it needs no other permission.
 */
export function chooseEngine(engine: LogsEngine | undefined, size: LogGroupSize, maxBytes: number): 'filter' | 'insights' {
  if (engine === 'filter' || engine === 'insights') return engine;
  return typeof size === 'number' && size > maxBytes ? 'insights' : 'filter';
}

export interface FilterRead {
  logGroupName: string;
  logStreamNames?: string[];
  filterPattern?: string;
  /** Epoch milliseconds, [startTime, endTime). */
  startTime: number;
  endTime: number;
}

/** Every page of a FilterLogEvents read, handed over as it arrives. False when the read failed (the error is recorded). */
export async function filterLogEvents(clients: AwsClients, site: Omit<CallSite, 'operation' | 'service'> & { region: string }, read: FilterRead, calls: Calls, onPage: (events: FilteredLogEvent[]) => void): Promise<boolean> {
  const input = {
    logGroupName: read.logGroupName,
    ...(read.logStreamNames ? { logStreamNames: read.logStreamNames } : {}),
    ...(read.filterPattern ? { filterPattern: read.filterPattern } : {}),
    startTime: read.startTime,
    // FilterLogEvents includes its endTime.
    endTime: read.endTime - 1,
  };
  const done = await calls.run({ ...site, service: 'logs', operation: 'FilterLogEvents' }, async (abortSignal) => {
    for await (const page of paginateFilterLogEvents({ client: clients.get('logs', site.region), pageSize: 10_000 }, input, { abortSignal })) onPage(page.events ?? []);
    return true;
  });
  return done === true;
}

/** `arn:aws:logs:us-east-1:123456789012:log-group:NAME:*` → region and name. */
export function parseLogGroupArn(arn: string): { region: string; accountId: string; name: string } | undefined {
  const m = /^arn:aws[a-z-]*:logs:([a-z0-9-]+):(\d{12}):log-group:(.+?)(?::\*)?$/.exec(arn);
  return m ? { region: m[1], accountId: m[2], name: m[3] } : undefined;
}
