/**
 * Flow records from CloudWatch Logs groups, the Logs Insights way: a `stats` query per layout (up to 50
 * groups of the same format at once) aggregates in AWS's engine, so one row per flow group and hour
 * reaches the laptop instead of every record. The ENI filter keeps the query under StartQuery's 10,000
 * characters by asking for fewer ENIs at a time; a possibly cut answer is asked again over halved time
 * ranges down to one hour (insightsRunner.ts). NODATA / SKIPDATA counts come from a second, small query.
 */
import type { FlowAggregator } from '../../flows/flowAggregator';
import type { FlowLayout } from '../../flows/flowLayout';
import { flowGapsQuery, FlowQueryError, flowStatsQuery, MAX_QUERY_LENGTH, type FlowQuery } from '../../flows/insightsQuery';
import { addInsightsFlowRows, addInsightsGapRows } from '../../flows/insightsResults';
import type { Calls } from './calls';
import { runSplitting, type InsightsRunner } from './insightsRunner';

export interface InsightsFlowRead {
  region: string;
  /** At most 50, all written with `layout`. */
  logGroupNames: string[];
  layout: FlowLayout;
  interfaceIds: string[];
  /** Epoch seconds, [start, end). */
  start: number;
  end: number;
}

const HOUR = 3600;

/** The ENIs in chunks whose stats query fits StartQuery; undefined (error recorded) when the layout cannot be queried. */
function queryChunks(read: InsightsFlowRead, limit: number, calls: Calls): { ids: string[]; query: FlowQuery }[] | undefined {
  const build = (ids: string[]): { ids: string[]; query: FlowQuery }[] => {
    try {
      return [{ ids, query: flowStatsQuery(read.layout, { interfaceIds: ids, hourly: true, limit }) }];
    } catch (e) {
      const tooLong = e instanceof FlowQueryError && e.message.includes(`${MAX_QUERY_LENGTH}`);
      if (!tooLong || ids.length < 2) throw e;
      const half = Math.ceil(ids.length / 2);
      return [...build(ids.slice(0, half)), ...build(ids.slice(half))];
    }
  };
  try {
    return build(read.interfaceIds);
  } catch (e) {
    if (!(e instanceof FlowQueryError)) throw e;
    calls.record({
      service: 'logs',
      operation: 'StartQuery',
      region: read.region,
      resource: read.logGroupNames.join(', '),
      kind: 'other',
      message: `No Logs Insights query can read the flow logs in ${read.logGroupNames.join(', ')}: ${e.message}.`,
    });
    return undefined;
  }
}

export async function readFlowsWithInsights(runner: InsightsRunner, read: InsightsFlowRead, agg: FlowAggregator, calls: Calls): Promise<void> {
  const chunks = queryChunks(read, runner.rowLimit, calls);
  if (!chunks) return;
  const base = { region: read.region, logGroupNames: read.logGroupNames, start: read.start, end: read.end };
  for (const { ids, query } of chunks) {
    const what = `flow logs of ${ids.length === 1 ? ids[0] : `${ids.length} ENIs`} in ${read.logGroupNames.join(', ')}`;
    await runSplitting(runner, calls, { ...base, queryString: query.queryString, limit: query.limit, what }, HOUR, (rows) => void addInsightsFlowRows(agg, rows, query));
    const gaps = flowGapsQuery(read.layout, { interfaceIds: ids, limit: runner.rowLimit });
    if (!gaps) continue;
    const rows = await runner.run({ ...base, queryString: gaps.queryString, limit: gaps.limit, what: `NODATA/SKIPDATA counts of ${what}` });
    if (rows) addInsightsGapRows(agg, rows);
  }
}
