/**
 * Which VPC flow logs record the Lambda ENIs of a region: DescribeFlowLogs on the ENIs, their subnets and
 * their VPCs (a flow log on any of them covers the ENI), each with its LogFormat (the default v2 format when
 * none is set). An ENI covered by several flow logs is read from one of them — reading two would count its
 * traffic twice: one that records ALL traffic, the narrowest (ENI, then subnet, then VPC), CloudWatch Logs
 * before S3; with only ACCEPT and REJECT flow logs, one of each.
 */
import { paginateDescribeFlowLogs, type FlowLog } from '@aws-sdk/client-ec2';
import { functionGroupLabel } from '../../flows/functionGroups';
import { DEFAULT_LOG_FORMAT, missingFlowFields, parseLogFormat, type FlowLayout } from '../../flows/flowLayout';
import type { CollectError } from '../accountModel';
import type { FlowLogConfig } from '../telemetryModel';
import type { Calls } from './calls';
import type { AwsClients } from './clients';
import type { RegionScope } from './telemetryScope';

/** A flow log to read, and the ENIs it is read for. */
export interface FlowLogSource {
  config: FlowLogConfig;
  layout: FlowLayout;
  /** S3: DescribeFlowLogs' DestinationOptions, when it gives them. */
  hivePartitions?: boolean;
  fileFormat?: string;
  interfaceIds: string[];
}

export interface FlowLogPlan {
  /** Every flow log that covers one of the ENIs, readable or not. */
  configs: FlowLogConfig[];
  sources: FlowLogSource[];
}

/** Values per EC2 filter. */
const FILTER_VALUES = 200;

export function mapFlowLog(f: FlowLog, region: string): FlowLogConfig {
  const destinationType = f.LogDestinationType ?? (f.LogGroupName ? 'cloud-watch-logs' : 'unknown');
  return {
    id: f.FlowLogId ?? '',
    region,
    resourceId: f.ResourceId ?? '',
    logFormat: f.LogFormat?.trim() || DEFAULT_LOG_FORMAT,
    destinationType,
    ...(f.LogGroupName ? { logGroupName: f.LogGroupName } : {}),
    ...(f.LogDestination ? { destination: f.LogDestination } : {}),
    ...(f.TrafficType ? { trafficType: f.TrafficType } : {}),
  };
}

function readable(c: FlowLogConfig): boolean {
  return (c.destinationType === 'cloud-watch-logs' && !!c.logGroupName) || (c.destinationType === 's3' && !!c.destination);
}

/** Smaller is preferred: ALL traffic, the narrowest resource, CloudWatch Logs. */
function rank(c: FlowLogConfig): number {
  const scope = c.resourceId.startsWith('eni-') ? 0 : c.resourceId.startsWith('subnet-') ? 1 : 2;
  return (c.trafficType === 'ALL' || !c.trafficType ? 0 : 100) + scope * 10 + (c.destinationType === 'cloud-watch-logs' ? 0 : 1);
}

function pick(candidates: FlowLogConfig[]): FlowLogConfig[] {
  const sorted = [...candidates].sort((a, b) => rank(a) - rank(b) || (a.id < b.id ? -1 : 1));
  if (!sorted.length || sorted[0].trafficType === 'ALL' || !sorted[0].trafficType) return sorted.slice(0, 1);
  return ['ACCEPT', 'REJECT'].flatMap((t) => sorted.filter((c) => c.trafficType === t).slice(0, 1));
}

function layoutOf(f: FlowLogConfig, calls: Calls): FlowLayout | undefined {
  const site = { service: 'ec2', operation: 'DescribeFlowLogs', region: f.region, resource: f.id };
  try {
    const layout = parseLogFormat(f.logFormat);
    const missing = missingFlowFields(layout);
    if (!missing.length) return layout;
    calls.record({ ...site, kind: 'other', message: `Flow log ${f.id} records no ${missing.join(', ')}: its records cannot be aggregated into flows, so it is not read.` });
  } catch (e) {
    calls.record({ ...site, kind: 'other', message: `Flow log ${f.id} has a LogFormat Lambda Guard cannot read (${(e as Error).message}): it is not read.` });
  }
  return undefined;
}

export async function planFlowLogs(clients: AwsClients, scope: RegionScope, calls: Calls): Promise<FlowLogPlan | undefined> {
  const { region } = scope;
  const subnetOf = new Map(scope.interfaces.map((n) => [n.id, n.subnetId ?? '']));
  const ids = [...new Set([...scope.interfaces.map((n) => n.id), ...subnetOf.values(), ...scope.vpcOf.values()].filter(Boolean))];
  if (!ids.length) return { configs: [], sources: [] };
  const raw: FlowLog[] = [];
  const read = await calls.run({ service: 'ec2', operation: 'DescribeFlowLogs', region }, async (abortSignal) => {
    for (let i = 0; i < ids.length; i += FILTER_VALUES) {
      const Filter = [{ Name: 'resource-id', Values: ids.slice(i, i + FILTER_VALUES) }];
      for await (const page of paginateDescribeFlowLogs({ client: clients.get('ec2', region), pageSize: 1000 }, { Filter }, { abortSignal })) raw.push(...(page.FlowLogs ?? []));
    }
    return true;
  });
  if (!read) return undefined;
  const byId = new Map(raw.map((f) => [f.FlowLogId ?? '', f]));
  const configs = [...byId.values()].map((f) => mapFlowLog(f, region)).sort((a, b) => (a.id < b.id ? -1 : 1));
  const layouts = new Map<string, FlowLayout>();
  for (const c of configs.filter(readable)) {
    const layout = layoutOf(c, calls);
    if (layout) layouts.set(c.id, layout);
  }
  const chosen = new Map<string, string[]>();
  for (const eni of scope.interfaces) {
    const covering = configs.filter((c) => [eni.id, subnetOf.get(eni.id), scope.vpcOf.get(eni.id)].includes(c.resourceId));
    const picked = pick(covering.filter((c) => layouts.has(c.id)));
    for (const c of picked) chosen.set(c.id, [...(chosen.get(c.id) ?? []), eni.id]);
    if (!picked.length) calls.record(uncovered(eni.id, scope, covering));
  }
  const sources = configs
    .filter((c) => chosen.has(c.id))
    .map((config) => {
      const f = byId.get(config.id);
      const opts = f?.DestinationOptions;
      return { config, layout: layouts.get(config.id) as FlowLayout, hivePartitions: opts?.HiveCompatiblePartitions, fileFormat: opts?.FileFormat, interfaceIds: chosen.get(config.id) ?? [] };
    });
  return { configs, sources };
}

function uncovered(eni: string, scope: RegionScope, covering: FlowLogConfig[]): CollectError {
  const group = scope.groups.find((g) => g.interfaceIds.includes(eni));
  const who = group ? ` (${functionGroupLabel(group)})` : '';
  const why = covering.length
    ? `only by flow logs Lambda Guard cannot read (${covering.map((c) => `${c.id} → ${c.destinationType}`).join(', ')})`
    : 'by no flow log on the ENI, its subnet or its VPC';
  return {
    service: 'ec2',
    operation: 'DescribeFlowLogs',
    region: scope.region,
    resource: eni,
    kind: 'notFound',
    message: `The Lambda ENI ${eni}${who} is covered ${why}: its network peers cannot be shown. Create a flow log to CloudWatch Logs or S3 on its subnet or VPC.`,
  };
}
