import type { AccountSnapshot, IamRole, LiveFunction, NetworkInterfaceInfo, SecurityGroupInfo, SubnetInfo } from '../inventory/accountModel';
import { emptySnapshot } from '../inventory/accountModel';
import type { Rng } from './prng';
import type { FunctionProfile } from './syntheticProfiles';

/** Functions with the same security groups: they share one network interface per subnet. */
export interface SyntheticGroup {
  securityGroupIds: string[];
  subnets: { id: string; interfaceId: string; localAddr: string }[];
  functions: string[];
  /** Stable peers (private hosts, endpoints, a partner API) with a share of the group's connections. */
  peers: { peer: string; port: number; weight: number }[];
  /** Internet addresses that rotate on port 443 (AWS APIs reached through NAT); empty when none. */
  churnPool: string[];
  /** Mean rejected records per hour (scanners hitting the interface, blocked egress). */
  rejectPerHour: number;
}

export const SUBNETS: readonly { id: string; cidr: string; prefix: string; az: string }[] = [
  { id: 'subnet-0a1a1a1a1a1a1a1a1', cidr: '10.0.1.0/24', prefix: '10.0.1.', az: 'a' },
  { id: 'subnet-0b2b2b2b2b2b2b2b2', cidr: '10.0.2.0/24', prefix: '10.0.2.', az: 'b' },
  { id: 'subnet-0c3c3c3c3c3c3c3c3', cidr: '10.0.3.0/24', prefix: '10.0.3.', az: 'c' },
];
export const VPC_ID = 'vpc-0f1e2d3c4b5a69788';

function publicAddress(rng: Rng): string {
  // 3.x, 52.x, 54.x: where AWS service endpoints live; never a private range.
  return `${rng.pick([3, 52, 54])}.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(1, 254)}`;
}

export function makeGroups(profiles: FunctionProfile[], rng: Rng): SyntheticGroup[] {
  const inVpc = profiles.filter(() => rng.chance(0.7));
  const count = Math.max(1, Math.ceil(inVpc.length / 1.6));
  const groups: SyntheticGroup[] = Array.from({ length: count }, () => {
    const first = rng.int(0, SUBNETS.length - 1);
    const subnets = [SUBNETS[first], SUBNETS[(first + rng.int(1, SUBNETS.length - 1)) % SUBNETS.length]];
    const peers = [
      { peer: `10.0.10.${rng.int(10, 250)}`, port: rng.pick([5432, 3306]), weight: 1 },
      ...(rng.chance(0.6) ? [{ peer: `10.0.20.${rng.int(10, 250)}`, port: 6379, weight: 0.6 }] : []),
      ...(rng.chance(0.4) ? [{ peer: `10.0.30.${rng.int(10, 250)}`, port: rng.pick([443, 8080]), weight: 0.4 }] : []),
      ...(rng.chance(0.5) ? [{ peer: `10.0.40.${rng.int(10, 250)}`, port: 443, weight: 0.5 }] : []),
      ...(rng.chance(0.2) ? [{ peer: `198.51.100.${rng.int(1, 254)}`, port: 443, weight: 0.2 }] : []),
    ];
    return {
      securityGroupIds: [`sg-0${rng.hex(16)}`],
      subnets: subnets.map((s) => ({ id: s.id, interfaceId: `eni-0${rng.hex(16)}`, localAddr: `${s.prefix}${rng.int(10, 250)}` })),
      functions: [],
      peers,
      churnPool: rng.chance(0.5) ? Array.from({ length: 30 }, () => publicAddress(rng)) : [],
      rejectPerHour: rng.chance(0.4) ? rng.float(0.2, 3) : 0,
    };
  });
  inVpc.forEach((p, i) => {
    // The first functions fill every group once; the rest join random groups and share.
    const g = i < count ? i : rng.int(0, count - 1);
    p.groupIndex = g;
    groups[g].functions.push(p.name);
  });
  return groups;
}

function lambdaTrust(): IamRole['trustPolicy'] {
  return { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] };
}

/** The account as a snapshot: functions (roles, VPC configs), their roles, subnets, security groups and Lambda network interfaces. */
export function makeSnapshot(profiles: FunctionProfile[], groups: SyntheticGroup[], accountId: string, region: string, collectedAt: number, rng: Rng): AccountSnapshot {
  const s = emptySnapshot({ id: accountId, partition: 'aws' }, [region], { kind: 'demo' });
  s.collectedAt = new Date(collectedAt * 1000).toISOString();
  s.functions = profiles.map((p): LiveFunction => {
    const fn: LiveFunction = {
      name: p.name,
      arn: `arn:aws:lambda:${region}:${accountId}:function:${p.name}`,
      region,
      role: p.roleArn,
      runtime: rng.pick(['nodejs20.x', 'python3.12', 'java21']),
      handler: 'index.handler',
      packageType: 'Zip',
      codeSha256: Buffer.from(rng.hex(64), 'hex').toString('base64'),
      memorySize: rng.pick([128, 256, 512, 1024]),
      timeout: rng.pick([3, 15, 30, 60]),
      tags: {},
      environment: {},
      layers: [],
      eventSourceMappings: [],
    };
    const g = p.groupIndex !== undefined ? groups[p.groupIndex] : undefined;
    if (g) fn.vpc = { vpcId: VPC_ID, subnetIds: g.subnets.map((x) => x.id), securityGroupIds: g.securityGroupIds };
    return fn;
  });
  const roles = new Map<string, IamRole>();
  for (const p of profiles) {
    const resource = p.roleArn.split(':')[5];
    const path = resource.slice('role'.length, resource.lastIndexOf('/') + 1);
    roles.set(p.roleArn, { arn: p.roleArn, name: resource.slice(resource.lastIndexOf('/') + 1), path, inlinePolicies: [], attachedPolicies: [], trustPolicy: lambdaTrust() });
  }
  s.iam.roles = [...roles.values()];
  s.network.subnets = SUBNETS.map((x): SubnetInfo => ({ id: x.id, region, vpcId: VPC_ID, cidr: x.cidr, availabilityZone: `${region}${x.az}` }));
  s.network.securityGroups = groups.map((g): SecurityGroupInfo => ({ id: g.securityGroupIds[0], region, vpcId: VPC_ID, name: `lambda-${g.securityGroupIds[0].slice(-6)}`, ingress: [], egress: [{ protocol: '-1', peers: ['0.0.0.0/0'] }] }));
  s.network.interfaces = groups.flatMap((g) =>
    g.functions.length === 0
      ? []
      : g.subnets.map(
          (x): NetworkInterfaceInfo => ({
            id: x.interfaceId,
            region,
            vpcId: VPC_ID,
            subnetId: x.id,
            description: `AWS Lambda VPC ENI-${g.functions[0]}-${rng.uuid()}`,
            interfaceType: 'lambda',
            requesterId: '560981689844',
            requesterManaged: true,
            status: 'in-use',
            privateIps: [x.localAddr],
            securityGroupIds: g.securityGroupIds,
          }),
        ),
  );
  return s;
}
