/**
 * The telemetry baseline: the reads collectTelemetry makes for the benchmark account (one region, a VPC
 * flow log and a trail delivering to CloudWatch Logs), made with plain SDK clients — no read-only guard,
 * no pacing, no parsing or aggregation: pages are fetched and counted (the trail's filter patterns are
 * built by the product's function, so the calls are the same). `per-function` asks GetMetricData
 * one function (six queries) per call instead of 83, the way a naive client would.
 */
import { CloudTrailClient, DescribeTrailsCommand } from '@aws-sdk/client-cloudtrail';
import { CloudWatchClient, paginateGetMetricData, type MetricDataQuery } from '@aws-sdk/client-cloudwatch';
import { CloudWatchLogsClient, DescribeLogGroupsCommand, paginateDescribeLogStreams, paginateFilterLogEvents } from '@aws-sdk/client-cloudwatch-logs';
import { EC2Client, paginateDescribeFlowLogs } from '@aws-sdk/client-ec2';
import type { AccountSnapshot } from '../../src/core/inventory/accountModel';
import { trailFilterPatterns } from '../../src/core/inventory/aws/trailLogReader';

const METRICS: [string, string][] = [
  ['Invocations', 'Sum'],
  ['Errors', 'Sum'],
  ['Throttles', 'Sum'],
  ['Duration', 'p50'],
  ['Duration', 'p99'],
  ['ConcurrentExecutions', 'Maximum'],
];

export interface BareCounts {
  calls: Record<string, number>;
  points: number;
  events: number;
}

export async function bareTelemetry(endpoint: string, snap: AccountSnapshot, start: Date, end: Date, metrics: 'batched' | 'per-function'): Promise<BareCounts> {
  const region = snap.regions[0];
  const cfg = { endpoint, region, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } };
  const [cw, ec2, logs, ct] = [new CloudWatchClient(cfg), new EC2Client(cfg), new CloudWatchLogsClient(cfg), new CloudTrailClient(cfg)];
  const out: BareCounts = { calls: {}, points: 0, events: 0 };
  const count = (op: string): void => void (out.calls[op] = (out.calls[op] ?? 0) + 1);
  try {
    const perCall = metrics === 'batched' ? 83 : 1;
    const names = snap.functions.map((f) => f.name);
    const period = 300;
    const metricsDone = (async () => {
      for (let i = 0; i < names.length; i += perCall) {
        const MetricDataQueries: MetricDataQuery[] = names.slice(i, i + perCall).flatMap((fn, j) =>
          METRICS.map(([MetricName, Stat], k) => ({ Id: `f${j}_${k}`, MetricStat: { Metric: { Namespace: 'AWS/Lambda', MetricName, Dimensions: [{ Name: 'FunctionName', Value: fn }] }, Period: period, Stat } })),
        );
        const input = { MetricDataQueries, StartTime: start, EndTime: end, ScanBy: 'TimestampAscending' as const };
        for await (const page of paginateGetMetricData({ client: cw, pageSize: 100_800 }, input)) {
          count('cloudwatch:GetMetricData');
          for (const r of page.MetricDataResults ?? []) out.points += r.Values?.length ?? 0;
        }
      }
    })();
    const enis = snap.network.interfaces.filter((n) => n.description.startsWith('AWS Lambda VPC ENI-'));
    const ids = [...new Set(enis.flatMap((n) => [n.id, n.subnetId ?? '', n.vpcId ?? '']))];
    const groups = new Set<string>();
    for await (const page of paginateDescribeFlowLogs({ client: ec2, pageSize: 1000 }, { Filter: [{ Name: 'resource-id', Values: ids }] })) {
      count('ec2:DescribeFlowLogs');
      for (const f of page.FlowLogs ?? []) if (f.LogGroupName) groups.add(f.LogGroupName);
    }
    const range = { startTime: start.getTime(), endTime: end.getTime() - 1 };
    for (const logGroupName of groups) {
      await logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: logGroupName }));
      count('logs:DescribeLogGroups');
      const streams: string[] = [];
      for (const n of enis) {
        for await (const page of paginateDescribeLogStreams({ client: logs, pageSize: 50 }, { logGroupName, logStreamNamePrefix: n.id })) {
          count('logs:DescribeLogStreams');
          streams.push(...(page.logStreams ?? []).map((s) => s.logStreamName ?? ''));
        }
      }
      for await (const page of paginateFilterLogEvents({ client: logs, pageSize: 10_000 }, { logGroupName, logStreamNames: streams, ...range })) {
        count('logs:FilterLogEvents');
        out.events += page.events?.length ?? 0;
      }
    }
    const trails = await ct.send(new DescribeTrailsCommand({ includeShadowTrails: true }));
    count('cloudtrail:DescribeTrails');
    // The same patterns (each within FilterLogEvents' 1,024 characters), so both make the same calls.
    const patterns = trailFilterPatterns([...new Set(snap.functions.map((f) => f.role))].sort());
    for (const t of trails.trailList ?? []) {
      const logGroupName = /:log-group:(.+?)(?::\*)?$/.exec(t.CloudWatchLogsLogGroupArn ?? '')?.[1];
      if (!logGroupName) continue;
      await logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: logGroupName }));
      count('logs:DescribeLogGroups');
      for (const filterPattern of patterns) {
        for await (const page of paginateFilterLogEvents({ client: logs, pageSize: 10_000 }, { logGroupName, filterPattern, ...range })) {
          count('logs:FilterLogEvents');
          out.events += page.events?.length ?? 0;
        }
      }
    }
    await metricsDone;
    return out;
  } finally {
    for (const c of [cw, ec2, logs, ct]) c.destroy();
  }
}
