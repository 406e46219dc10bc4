// A small hand-written account for the baseline and monitor tests: two functions sharing a security
// group (and so network interfaces), a worker with its own, and a function outside any VPC.
import type { AccountSnapshot, LiveFunction, NetworkInterfaceInfo } from '../../../src/core/inventory/accountModel';
import { emptySnapshot } from '../../../src/core/inventory/accountModel';
import type { FlowSummary, TrailEvent } from '../../../src/core/inventory/telemetryModel';

export const ACCOUNT = '123456789012';
export const REGION = 'us-east-1';
export const T = (s: string): number => Date.parse(s) / 1000;

export function liveFunction(name: string, role: string, vpc?: { subnets: string[]; sgs: string[] }): LiveFunction {
  const fn: LiveFunction = {
    name,
    arn: `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${name}`,
    region: REGION,
    role: `arn:aws:iam::${ACCOUNT}:role/${role}`,
    tags: {},
    environment: {},
    layers: [],
    eventSourceMappings: [],
  };
  if (vpc) fn.vpc = { vpcId: 'vpc-1', subnetIds: vpc.subnets, securityGroupIds: vpc.sgs };
  return fn;
}

function eni(id: string, subnetId: string, sgs: string[], creator: string): NetworkInterfaceInfo {
  return { id, region: REGION, vpcId: 'vpc-1', subnetId, description: `AWS Lambda VPC ENI-${creator}-0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0`, interfaceType: 'lambda', privateIps: [], securityGroupIds: sgs };
}

export function fixtureSnapshot(): AccountSnapshot {
  const s = emptySnapshot({ id: ACCOUNT, partition: 'aws' }, [REGION], { kind: 'snapshot' });
  s.functions = [
    liveFunction('api-a', 'service-role/api-role', { subnets: ['subnet-a', 'subnet-b'], sgs: ['sg-app'] }),
    liveFunction('api-b', 'api-b-role', { subnets: ['subnet-a'], sgs: ['sg-app'] }),
    liveFunction('worker', 'worker-role', { subnets: ['subnet-a'], sgs: ['sg-worker'] }),
    liveFunction('public-fn', 'public-role'),
  ];
  s.network.interfaces = [eni('eni-app-a', 'subnet-a', ['sg-app'], 'api-a'), eni('eni-app-b', 'subnet-b', ['sg-app'], 'api-a'), eni('eni-worker', 'subnet-a', ['sg-worker'], 'worker')];
  return s;
}

/** One flow record for the hour starting at `hour`. */
export function flow(interfaceId: string, peer: string, port: number, hour: number, over: Partial<FlowSummary> = {}): FlowSummary {
  return { interfaceId, peer, port, protocol: 6, direction: 'egress', bytes: 1000, packets: 10, accepted: 1, rejected: 0, first: hour + 5, last: hour + 3500, ...over };
}

/** `make(hour)` for every hour in [from, to). */
export function hourly(from: number, to: number, make: (hour: number) => FlowSummary[]): FlowSummary[] {
  const out: FlowSummary[] = [];
  for (let h = from; h < to; h += 3600) out.push(...make(h));
  return out;
}

/** A call made by a function's role session (the session is named after the function). */
export function roleCall(fn: string, role: string, eventSource: string, eventName: string, time: number, over: Partial<TrailEvent> = {}): TrailEvent {
  const roleName = role.slice(role.lastIndexOf('/') + 1);
  return {
    eventId: `${fn}-${eventName}-${time}`,
    time: new Date(time * 1000).toISOString(),
    eventSource,
    eventName,
    region: REGION,
    userIdentity: {
      type: 'AssumedRole',
      arn: `arn:aws:sts::${ACCOUNT}:assumed-role/${roleName}/${fn}`,
      accountId: ACCOUNT,
      sessionIssuerArn: `arn:aws:iam::${ACCOUNT}:role/${role}`,
    },
    sourceIp: '3.5.140.2',
    userAgent: 'aws-sdk-nodejs/3.600.0',
    ...over,
  };
}
