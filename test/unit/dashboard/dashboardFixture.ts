import type { AccountSnapshot, LiveFunction, NetworkInterfaceInfo } from '../../../src/core/inventory/accountModel';
import type { FlowSummary, MetricSeries, Telemetry, TrailEvent } from '../../../src/core/inventory/telemetryModel';

// A small hand-written account for the dashboard's tests: `api` and `worker` share a security group
// (so one Lambda network interface), `etl` has its own, `cron` is not in a VPC. An RDS database sits
// at 10.0.2.5. Times are epoch seconds from T0, a Tuesday (2024-01-02 00:00 UTC).

export const T0 = 1_704_153_600;
export const ACCOUNT = '123456789012';
export const arnOf = (name: string, region = 'us-east-1'): string => `arn:aws:lambda:${region}:${ACCOUNT}:function:${name}`;

function fn(name: string, vpc?: { sg: string; subnet: string }): LiveFunction {
  const f: LiveFunction = { name, arn: arnOf(name), region: 'us-east-1', role: `arn:aws:iam::${ACCOUNT}:role/${name}-role`, tags: {}, environment: {}, layers: [], eventSourceMappings: [] };
  if (vpc) f.vpc = { vpcId: 'vpc-1', subnetIds: [vpc.subnet], securityGroupIds: [vpc.sg] };
  return f;
}

function eni(id: string, ip: string, sg: string[], extra: Partial<NetworkInterfaceInfo>): NetworkInterfaceInfo {
  return { id, region: 'us-east-1', vpcId: 'vpc-1', subnetId: 'subnet-a', description: '', privateIps: [ip], securityGroupIds: sg, ...extra };
}

export function fixtureSnapshot(): AccountSnapshot {
  return {
    format: 'lambda-guard-snapshot',
    version: 1,
    account: { id: ACCOUNT, partition: 'aws', alias: 'acme' },
    regions: ['us-east-1'],
    collectedAt: new Date(T0 * 1000).toISOString(),
    source: { kind: 'snapshot' },
    functions: [fn('api', { sg: 'sg-app', subnet: 'subnet-a' }), fn('worker', { sg: 'sg-app', subnet: 'subnet-a' }), fn('etl', { sg: 'sg-etl', subnet: 'subnet-a' }), fn('cron')],
    iam: { roles: [], users: [], groups: [], policies: [] },
    network: {
      interfaces: [
        eni('eni-app', '10.0.1.10', ['sg-app'], { description: 'AWS Lambda VPC ENI-api-0f4c7e1a-2b3c-4d5e-8f90-123456789abc', interfaceType: 'lambda' }),
        eni('eni-etl', '10.0.1.11', ['sg-etl'], { description: 'AWS Lambda VPC ENI-etl-1f4c7e1a-2b3c-4d5e-8f90-123456789abc', interfaceType: 'lambda' }),
        eni('eni-db', '10.0.2.5', ['sg-db'], { description: 'RDSNetworkInterface', requesterId: 'amazon-rds', subnetId: 'subnet-b' }),
      ],
      subnets: [
        { id: 'subnet-a', region: 'us-east-1', vpcId: 'vpc-1', cidr: '10.0.1.0/24' },
        { id: 'subnet-b', region: 'us-east-1', vpcId: 'vpc-1', cidr: '10.0.2.0/24' },
      ],
      securityGroups: [],
    },
    alarms: [],
    errors: [],
  };
}

export function flow(interfaceId: string, peer: string, port: number, first: number, bytes: number, extra: Partial<FlowSummary> = {}): FlowSummary {
  return { interfaceId, peer, port, protocol: 6, direction: 'egress', bytes, packets: Math.ceil(bytes / 1000), accepted: 1, rejected: 0, first, last: first + 60, ...extra };
}

export function series(name: string, metric: MetricSeries['metric'], period: number, points: [number, number][]): MetricSeries {
  return { functionName: name, region: 'us-east-1', metric, period, timestamps: points.map((p) => p[0]), values: points.map((p) => p[1]) };
}

export function trailEvent(id: string, time: number, eventName: string, functionName: string, user: string, extra: Partial<TrailEvent> = {}): TrailEvent {
  return {
    eventId: id,
    time: new Date(time * 1000).toISOString(),
    eventSource: 'lambda.amazonaws.com',
    eventName,
    region: 'us-east-1',
    userIdentity: { type: 'IAMUser', arn: `arn:aws:iam::${ACCOUNT}:user/${user}`, accountId: ACCOUNT },
    sourceIp: '203.0.113.77',
    requestParameters: { functionName },
    ...extra,
  };
}

export function telemetry(parts: Partial<Telemetry>, start = T0 - 14 * 86400, end = T0 + 86400): Telemetry {
  return { start: new Date(start * 1000).toISOString(), end: new Date(end * 1000).toISOString(), metrics: [], flows: [], flowGaps: [], flowLogs: [], events: [], trails: [], ...parts };
}
