/**
 * Flow records from a CloudWatch Logs group, the FilterLogEvents way: only the streams of the ENIs asked
 * for (a flow log writes one stream per ENI, named `<eni>-all`, or `-accept` / `-reject` — the names
 * vary, so DescribeLogStreams lists them by the ENI id as prefix), at most 100 streams a call, every page
 * fed to the flow aggregator as it arrives.
 */
import { paginateDescribeLogStreams } from '@aws-sdk/client-cloudwatch-logs';
import type { FlowAggregator } from '../../flows/flowAggregator';
import type { FlowLayout } from '../../flows/flowLayout';
import { addFlowLogEvents, interfaceOfStream } from '../../flows/flowLogEvents';
import type { FlowLineScanner } from '../../flows/flowLineScanner';
import type { Calls } from './calls';
import type { AwsClients } from './clients';
import { filterLogEvents } from './logGroups';

/** FilterLogEvents' most `logStreamNames`. */
export const MAX_FILTER_STREAMS = 100;

export interface CwlFlowRead {
  region: string;
  logGroupName: string;
  layout: FlowLayout;
  interfaceIds: string[];
  /** Epoch milliseconds, [startMs, endMs). */
  startMs: number;
  endMs: number;
}

/** The streams of one ENI: its id, then `-` (a prefix alone would also match a longer id). */
async function streamsOf(clients: AwsClients, read: CwlFlowRead, eni: string, calls: Calls): Promise<string[]> {
  const names: string[] = [];
  await calls.run({ service: 'logs', operation: 'DescribeLogStreams', region: read.region, resource: `${read.logGroupName} ${eni}` }, async (abortSignal) => {
    const pages = paginateDescribeLogStreams({ client: clients.get('logs', read.region), pageSize: 50 }, { logGroupName: read.logGroupName, logStreamNamePrefix: eni }, { abortSignal });
    for await (const page of pages) {
      for (const s of page.logStreams ?? []) if (s.logStreamName && interfaceOfStream(s.logStreamName) === eni) names.push(s.logStreamName);
    }
  });
  return names;
}

export async function readFlowsWithFilter(clients: AwsClients, read: CwlFlowRead, agg: FlowAggregator, calls: Calls): Promise<void> {
  const streams: string[] = [];
  for (const eni of read.interfaceIds) streams.push(...(await streamsOf(clients, read, eni, calls)));
  let scanner: FlowLineScanner | undefined;
  for (let i = 0; i < streams.length; i += MAX_FILTER_STREAMS) {
    const logStreamNames = streams.slice(i, i + MAX_FILTER_STREAMS);
    const site = { region: read.region, resource: read.logGroupName };
    await filterLogEvents(clients, site, { logGroupName: read.logGroupName, logStreamNames, startTime: read.startMs, endTime: read.endMs }, calls, (events) => {
      if (!scanner) scanner = addFlowLogEvents(agg, read.layout, events, read.logGroupName);
      else for (const ev of events) if (ev.message !== undefined) scanner.scanMessage(ev.message, interfaceOfStream(ev.logStreamName));
    });
  }
}
