/**
 * The flow records of one region's Lambda ENIs, from wherever their flow logs deliver: CloudWatch Logs
 * (FilterLogEvents on the ENIs' streams for a group of at most 50 MB under `auto`, else Logs Insights) or
 * S3 files. Every reader feeds the collection's one FlowAggregator (hourly, with the ENIs' own addresses as
 * the local side); the caller keeps only the flows of the ENIs asked for.
 */
import type { FlowAggregator } from '../../flows/flowAggregator';
import type { FlowLogConfig } from '../telemetryModel';
import type { Calls } from './calls';
import type { AwsClients } from './clients';
import { readFlowsWithFilter } from './cwlFlowReader';
import { planFlowLogs, type FlowLogSource } from './flowLogDiscovery';
import { readFlowsWithInsights } from './insightsFlowReader';
import { MAX_QUERY_LOG_GROUPS, type InsightsRunner } from './insightsRunner';
import { chooseEngine, logGroupSize, type LogsEngine } from './logGroups';
import { readFlowsFromS3 } from './s3FlowReader';
import { settleAll } from './settle';
import type { RegionScope } from './telemetryScope';

export interface FlowReadContext {
  clients: AwsClients;
  runner: InsightsRunner;
  calls: Calls;
  accountId: string;
  engine?: LogsEngine;
  filterMaxBytes: number;
  /** Epoch milliseconds, [startMs, endMs). */
  startMs: number;
  endMs: number;
}

interface CwlSource {
  source: FlowLogSource;
  logGroupName: string;
}

function phase(ctx: FlowReadContext, region: string, message: string): void {
  ctx.calls.env.onProgress?.({ kind: 'phase', message, region });
}

/** Splits the CloudWatch Logs sources by engine (one size read per log group). */
async function byEngine(ctx: FlowReadContext, region: string, sources: CwlSource[]): Promise<{ filter: CwlSource[]; insights: CwlSource[] }> {
  const sizes = new Map<string, Awaited<ReturnType<typeof logGroupSize>>>();
  for (const name of new Set(sources.map((s) => s.logGroupName))) sizes.set(name, await logGroupSize(ctx.clients, region, name, ctx.calls));
  const out = { filter: [] as CwlSource[], insights: [] as CwlSource[] };
  for (const s of sources) {
    const size = sizes.get(s.logGroupName);
    if (size === 'missing') {
      ctx.calls.record({
        service: 'logs',
        operation: 'DescribeLogGroups',
        region,
        resource: s.logGroupName,
        kind: 'notFound',
        message: `Flow log ${s.source.config.id} delivers to the log group ${s.logGroupName}, which does not exist in ${region}: nothing to read there.`,
      });
      continue;
    }
    out[chooseEngine(ctx.engine, size, ctx.filterMaxBytes)].push(s);
  }
  return out;
}

/** Insights reads: sources of the same layout share queries, up to 50 log groups each. */
function insightsBatches(sources: CwlSource[]): { groups: string[]; source: FlowLogSource; interfaceIds: string[] }[] {
  const byLayout = new Map<string, CwlSource[]>();
  for (const s of sources) {
    const key = s.source.layout.fields.join(' ');
    byLayout.set(key, [...(byLayout.get(key) ?? []), s]);
  }
  const out: { groups: string[]; source: FlowLogSource; interfaceIds: string[] }[] = [];
  for (const list of byLayout.values()) {
    const groups = [...new Set(list.map((s) => s.logGroupName))];
    for (let i = 0; i < groups.length; i += MAX_QUERY_LOG_GROUPS) {
      const chunk = new Set(groups.slice(i, i + MAX_QUERY_LOG_GROUPS));
      const members = list.filter((s) => chunk.has(s.logGroupName));
      out.push({ groups: [...chunk], source: members[0].source, interfaceIds: [...new Set(members.flatMap((s) => s.source.interfaceIds))].sort() });
    }
  }
  return out;
}

export async function collectFlows(ctx: FlowReadContext, scope: RegionScope, agg: FlowAggregator, flowLogs: FlowLogConfig[]): Promise<void> {
  const { region } = scope;
  if (!scope.interfaces.length) return;
  phase(ctx, region, `Finding the flow logs of ${scope.interfaces.length} Lambda ENIs in ${region}`);
  const plan = await planFlowLogs(ctx.clients, scope, ctx.calls);
  if (!plan) return;
  flowLogs.push(...plan.configs);
  const cwl = plan.sources.flatMap((source) => (source.config.destinationType === 'cloud-watch-logs' && source.config.logGroupName ? [{ source, logGroupName: source.config.logGroupName }] : []));
  const s3 = plan.sources.filter((s) => s.config.destinationType === 's3');
  const { filter, insights } = await byEngine(ctx, region, cwl);
  const window = { startMs: ctx.startMs, endMs: ctx.endMs };
  await settleAll([
    ...filter.map(async ({ source, logGroupName }) => {
      phase(ctx, region, `Reading flow records of ${source.interfaceIds.join(', ')} from ${logGroupName} (FilterLogEvents)`);
      await readFlowsWithFilter(ctx.clients, { region, logGroupName, layout: source.layout, interfaceIds: source.interfaceIds, ...window }, agg, ctx.calls);
    }),
    ...insightsBatches(insights).map(async (b) => {
      phase(ctx, region, `Aggregating flow records of ${b.interfaceIds.length} ENIs in ${b.groups.join(', ')} with Logs Insights`);
      const read = { region, logGroupNames: b.groups, layout: b.source.layout, interfaceIds: b.interfaceIds, start: Math.floor(ctx.startMs / 1000), end: Math.ceil(ctx.endMs / 1000) };
      await readFlowsWithInsights(ctx.runner, read, agg, ctx.calls);
    }),
    ...s3.map(async (source) => {
      phase(ctx, region, `Reading flow-log files of ${source.config.id} from ${source.config.destination}`);
      const { config, layout, hivePartitions, fileFormat } = source;
      const read = { region, accountId: ctx.accountId, flowLogId: config.id, destination: config.destination ?? '', layout, hivePartitions, fileFormat, ...window };
      await readFlowsFromS3(ctx.clients, read, agg, ctx.calls);
    }),
  ]);
}
