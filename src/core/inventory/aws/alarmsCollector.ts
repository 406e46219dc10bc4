/** CloudWatch metric alarms of one region, with the metrics of metric-math alarms. Mapping only. */
import { paginateDescribeAlarms, type MetricAlarm } from '@aws-sdk/client-cloudwatch';
import type { MetricAlarmInfo } from '../accountModel';
import type { Calls } from './calls';
import type { AwsClients } from './clients';

function dims(list: { Name?: string; Value?: string }[] | undefined): { name: string; value: string }[] {
  return (list ?? []).map((d) => ({ name: d.Name ?? '', value: d.Value ?? '' }));
}

export function mapAlarm(a: MetricAlarm, region: string): MetricAlarmInfo {
  const metrics = (a.Metrics ?? []).flatMap((q) =>
    q.MetricStat?.Metric ? [{ namespace: q.MetricStat.Metric.Namespace, metricName: q.MetricStat.Metric.MetricName, dimensions: dims(q.MetricStat.Metric.Dimensions) }] : [],
  );
  return {
    name: a.AlarmName ?? '',
    arn: a.AlarmArn,
    region,
    namespace: a.Namespace,
    metricName: a.MetricName,
    dimensions: dims(a.Dimensions),
    ...(metrics.length ? { metrics } : {}),
    state: a.StateValue,
    actionsEnabled: a.ActionsEnabled,
  };
}

/** Reads into `out` (so a cancelled collection keeps what it had). */
export async function collectAlarms(clients: AwsClients, region: string, calls: Calls, out: MetricAlarmInfo[]): Promise<void> {
  await calls.run({ service: 'cloudwatch', operation: 'DescribeAlarms', region }, async (abortSignal) => {
    const pages = paginateDescribeAlarms({ client: clients.get('cloudwatch', region), pageSize: 100 }, { AlarmTypes: ['MetricAlarm'] }, { abortSignal });
    for await (const page of pages) out.push(...(page.MetricAlarms ?? []).map((a) => mapAlarm(a, region)));
  });
}
