import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { LiveFunction, NetworkInterfaceInfo, SubnetInfo } from '../../../src/core/inventory/accountModel';
import { buildFunctionGroups } from '../../../src/core/flows/functionGroups';
import { describePeer, PeerResolver } from '../../../src/core/flows/peerResolver';

const REGION = 'us-east-1';
let n = 0;
function eni(ip: string, description: string, extra: Partial<NetworkInterfaceInfo> = {}): NetworkInterfaceInfo {
  return { id: `eni-${(++n).toString(16).padStart(8, '0')}`, region: REGION, vpcId: 'vpc-1', subnetId: 'subnet-data', description, interfaceType: 'interface', privateIps: [ip], securityGroupIds: ['sg-1'], ...extra };
}

const interfaces = {
  rds: eni('10.0.2.10', 'RDSNetworkInterface', { requesterId: 'amazon-rds', requesterManaged: true }),
  cache: eni('10.0.2.11', 'ElastiCache sessions-0001-001', { requesterId: 'amazon-elasticache' }),
  nat: eni('10.0.0.20', 'Interface for NAT Gateway nat-0123456789abcdef0', { interfaceType: 'nat_gateway', publicIp: '54.1.2.3' }),
  vpce: eni('10.0.2.30', 'VPC Endpoint Interface vpce-0aaa1111bbbb2222c', { interfaceType: 'vpc_endpoint' }),
  alb: eni('10.0.0.40', 'ELB app/public-api/50dc6c495c0c9188'),
  efs: eni('10.0.2.50', 'EFS mount target for fs-12345678 (fsmt-87654321)'),
  ec2: eni('10.0.3.60', 'Primary network interface', { publicIp: '3.4.5.6' }),
  lambda: eni('10.0.1.70', 'AWS Lambda VPC ENI-worker-aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee', { subnetId: 'subnet-app', interfaceType: 'lambda' }),
};
const subnets: SubnetInfo[] = [
  { id: 'subnet-app', region: REGION, vpcId: 'vpc-1', cidr: '10.0.1.0/24', name: 'app-a' },
  { id: 'subnet-data', region: REGION, vpcId: 'vpc-1', cidr: '10.0.2.0/24' },
  { id: 'subnet-wide', region: REGION, vpcId: 'vpc-1', cidr: '10.0.0.0/16' },
];
const worker: LiveFunction = {
  name: 'worker',
  arn: 'arn:aws:lambda:us-east-1:123456789012:function:worker',
  region: REGION,
  role: 'arn:aws:iam::123456789012:role/w',
  tags: {},
  environment: {},
  layers: [],
  eventSourceMappings: [],
  vpc: { subnetIds: ['subnet-app'], securityGroupIds: ['sg-1'] },
};
const queue: LiveFunction = { ...worker, name: 'queue', arn: 'arn:aws:lambda:us-east-1:123456789012:function:queue' };
const resolver = new PeerResolver(Object.values(interfaces), subnets, buildFunctionGroups([worker, queue], Object.values(interfaces)));

test('each kind of ENI of the account is named by its description and requester', () => {
  const got = (ip: string): [string, string, string | undefined] => {
    const p = resolver.resolve(ip);
    return [p.kind, p.label, p.resourceId];
  };
  assert.deepEqual(got('10.0.2.10'), ['rds', `RDS database (${interfaces.rds.id})`, undefined]);
  assert.deepEqual(got('10.0.2.11'), ['elasticache', 'ElastiCache sessions-0001-001', 'sessions-0001-001']);
  assert.deepEqual(got('10.0.0.20'), ['nat-gateway', 'NAT gateway nat-0123456789abcdef0', 'nat-0123456789abcdef0']);
  assert.deepEqual(got('54.1.2.3'), ['nat-gateway', 'NAT gateway nat-0123456789abcdef0', 'nat-0123456789abcdef0'], 'by its public IP too');
  assert.deepEqual(got('10.0.2.30'), ['vpc-endpoint', 'VPC endpoint vpce-0aaa1111bbbb2222c', 'vpce-0aaa1111bbbb2222c']);
  assert.deepEqual(got('10.0.0.40'), ['load-balancer', 'load balancer public-api', 'app/public-api/50dc6c495c0c9188']);
  assert.deepEqual(got('10.0.2.50'), ['efs', 'EFS fs-12345678 mount target', 'fs-12345678']);
  assert.deepEqual(got('3.4.5.6'), ['interface', `${interfaces.ec2.id} (Primary network interface)`, undefined]);
});

test('another Lambda ENI resolves to its function group, named as a set', () => {
  const p = resolver.resolve('10.0.1.70');
  assert.equal(p.kind, 'lambda');
  assert.equal(p.label, 'Lambda queue, worker (shared ENI)');
  assert.deepEqual(p.functionGroup?.functionNames, ['queue', 'worker']);
  assert.equal(p.interfaceId, interfaces.lambda.id);
});

test('addresses without an ENI: narrowest known subnet, other private space, the internet', () => {
  assert.deepEqual(resolver.resolve('10.0.1.99'), { address: '10.0.1.99', kind: 'subnet', label: 'subnet-app (app-a) address', subnetId: 'subnet-app' });
  assert.equal(resolver.resolve('10.0.2.99').label, 'subnet-data address');
  assert.equal(resolver.resolve('10.0.7.1').subnetId, 'subnet-wide');
  assert.deepEqual(resolver.resolve('172.16.5.5'), { address: '172.16.5.5', kind: 'private', label: 'private address outside the known subnets' });
  assert.deepEqual(resolver.resolve('52.94.133.131'), { address: '52.94.133.131', kind: 'internet', label: 'internet' });
  assert.equal(resolver.resolve('2600:1f18:aaaa::1').kind, 'internet');
  assert.equal(resolver.resolve('fd00::1').kind, 'private');
  assert.equal(resolver.resolve('100.64.1.1').kind, 'private', 'shared address space is not the internet');
  assert.equal(resolver.resolve('not-an-ip').kind, 'unknown');
});

test('display: the peer with its service port and name; the IP kept for internet peers', () => {
  assert.equal(describePeer(resolver.resolve('10.0.2.10'), 5432, 6), `RDS database (${interfaces.rds.id}) on 5432 (postgres)`);
  assert.equal(describePeer(resolver.resolve('10.0.2.11'), 6379, 6), 'ElastiCache sessions-0001-001 on 6379 (redis)');
  assert.equal(describePeer(resolver.resolve('52.94.133.131'), 443, 6), 'internet 52.94.133.131 on 443 (https)');
  assert.equal(describePeer(resolver.resolve('10.0.1.99'), 9999, 6), 'subnet-app (app-a) address 10.0.1.99 on 9999');
  assert.equal(describePeer(resolver.resolve('10.0.2.30'), 0, 1), 'VPC endpoint vpce-0aaa1111bbbb2222c');
});

test('overlapping private ranges: the scope (region, VPC) of the interface that saw the address decides', () => {
  const east = eni('172.31.5.5', 'RDSNetworkInterface', { region: 'us-east-1', vpcId: 'vpc-east' });
  const west = eni('172.31.5.5', 'ElastiCache west-cache-001', { region: 'us-west-2', vpcId: 'vpc-west' });
  const r = new PeerResolver([east, west], [{ id: 'subnet-w', region: 'us-west-2', vpcId: 'vpc-west', cidr: '172.31.0.0/16' }], buildFunctionGroups([], []));
  assert.equal(r.resolve('172.31.5.5', { region: 'us-east-1', vpcId: 'vpc-east' }).kind, 'rds');
  assert.equal(r.resolve('172.31.5.5', { region: 'us-west-2' }).kind, 'elasticache');
  assert.equal(r.resolve('172.31.5.5', { region: 'eu-west-1' }).kind, 'private', 'no ENI and no subnet there');
  assert.equal(r.resolve('172.31.9.9', { region: 'us-west-2', vpcId: 'vpc-west' }).label, 'subnet-w address');
  assert.equal(r.resolve('172.31.5.5').kind, 'rds', 'without a scope: the first ENI with the address');
});
