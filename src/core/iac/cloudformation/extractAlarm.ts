import type { AlarmMetric } from '../../model/lambdaResources';
import { get, type TNode } from '../tree/tnode';
import type { ExtractContext } from './extractContext';
import { roleRefOf } from './extractLambda';
import { resolveScalar } from './resolveStr';

function seqItems(n: TNode | undefined): TNode[] {
  return n?.kind === 'seq' ? n.items : [];
}

function metricOf(m: TNode | undefined, ctx: ExtractContext): AlarmMetric {
  return {
    namespace: resolveScalar(get(m, 'Namespace'), ctx.rc)[0],
    metricName: resolveScalar(get(m, 'MetricName'), ctx.rc)[0],
    dimensions: seqItems(get(m, 'Dimensions')).flatMap((d) => {
      const name = resolveScalar(get(d, 'Name'), ctx.rc)[0]?.text;
      const valueNode = get(d, 'Value');
      const value = resolveScalar(valueNode, ctx.rc)[0];
      return name && value ? [{ name, value, functionRef: roleRefOf(valueNode, ctx) }] : [];
    }),
  };
}

/**
 * `AWS::CloudWatch::Alarm`: the metric it watches (Namespace, MetricName, Dimensions), or for a
 * metric-math alarm each `Metrics[].MetricStat.Metric`. A dimension value `!Ref Fn` names the function.
 */
export function extractAlarm(id: string, r: TNode, props: TNode | undefined, ctx: ExtractContext): void {
  const metrics: AlarmMetric[] = [];
  if (get(props, 'MetricName') || get(props, 'Namespace')) metrics.push(metricOf(props, ctx));
  for (const q of seqItems(get(props, 'Metrics'))) {
    const stat = get(get(q, 'MetricStat'), 'Metric');
    if (stat) metrics.push(metricOf(stat, ctx));
  }
  ctx.model.alarms.push({ owner: id, metrics, range: r.range });
}
