import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { LiveFunction, NetworkInterfaceInfo } from '../../../src/core/inventory/accountModel';
import type { FlowSummary } from '../../../src/core/inventory/telemetryModel';
import { buildFunctionGroups, flowsByGroup, functionGroupLabel, interfaceAddresses, isLambdaInterface, lambdaEniCreator } from '../../../src/core/flows/functionGroups';

const REGION = 'us-east-1';

function fn(name: string, subnetIds: string[], securityGroupIds: string[], region = REGION): LiveFunction {
  return {
    name,
    arn: `arn:aws:lambda:${region}:123456789012:function:${name}`,
    region,
    role: 'arn:aws:iam::123456789012:role/r',
    tags: {},
    environment: {},
    layers: [],
    eventSourceMappings: [],
    vpc: { vpcId: 'vpc-1', subnetIds, securityGroupIds },
  };
}

function eni(id: string, subnetId: string, securityGroupIds: string[], description: string, interfaceType = 'interface'): NetworkInterfaceInfo {
  return { id, region: REGION, vpcId: 'vpc-1', subnetId, description, interfaceType, privateIps: ['10.0.0.5'], securityGroupIds };
}

test('two functions with the same subnet and security-group set share one ENI; a third with another set does not', () => {
  const functions = [
    fn('orders', ['subnet-a'], ['sg-2', 'sg-1']),
    fn('billing', ['subnet-a'], ['sg-1', 'sg-2']), // same set, other order
    fn('reports', ['subnet-a'], ['sg-1']),
    fn('no-vpc', [], []),
  ];
  const interfaces = [
    // moto reports InterfaceType `interface`: the description is what marks Lambda's ENIs there.
    eni('eni-shared', 'subnet-a', ['sg-1', 'sg-2'], 'AWS Lambda VPC ENI-orders-0f6b0d3e-8c1a-4a6e-9d8e-1234567890ab'),
    eni('eni-reports', 'subnet-a', ['sg-1'], 'AWS Lambda VPC ENI-reports-11111111-2222-3333-4444-555555555555', 'lambda'),
    eni('eni-db', 'subnet-a', ['sg-1', 'sg-2'], 'RDSNetworkInterface'),
  ];
  const index = buildFunctionGroups(functions, interfaces);
  const shared = index.byInterface.get('eni-shared');
  assert.ok(shared);
  assert.deepEqual(shared.functionNames, ['billing', 'orders']);
  assert.deepEqual(shared.interfaceIds, ['eni-shared']);
  assert.deepEqual(shared.securityGroupIds, ['sg-1', 'sg-2']);
  assert.deepEqual(shared.creators, ['orders'], 'the description names the creator only');
  assert.equal(functionGroupLabel(shared), 'billing, orders (shared ENI)');
  const reports = index.byInterface.get('eni-reports');
  assert.ok(reports);
  assert.deepEqual(reports.functionNames, ['reports']);
  assert.equal(functionGroupLabel(reports), 'reports');
  assert.equal(index.byInterface.get('eni-db'), undefined, 'an RDS ENI in the same subnet and groups is no function\'s');
  assert.equal(index.groups.length, 2);
  assert.deepEqual(index.byFunction.get(functions[0].arn), [shared]);
  assert.equal(index.byFunction.get(functions[3].arn), undefined);
});

test('a function in two subnets belongs to one group per subnet; same names in two regions stay apart', () => {
  const functions = [fn('api', ['subnet-a', 'subnet-b'], ['sg-1']), fn('api', ['subnet-a'], ['sg-1'], 'eu-west-1')];
  const interfaces = [eni('eni-a', 'subnet-a', ['sg-1'], 'AWS Lambda VPC ENI-api-aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee'), eni('eni-b', 'subnet-b', ['sg-1'], 'AWS Lambda VPC ENI-api-aaaaaaaa-bbbb-cccc-dddd-ffffffffffff')];
  const index = buildFunctionGroups(functions, interfaces);
  assert.deepEqual(
    index.byFunction.get(functions[0].arn)?.map((g) => [g.subnetId, g.interfaceIds]),
    [
      ['subnet-a', ['eni-a']],
      ['subnet-b', ['eni-b']],
    ],
  );
  const eu = index.byFunction.get(functions[1].arn);
  assert.deepEqual(eu?.map((g) => [g.key, g.interfaceIds]), [['eu-west-1|subnet-a|sg-1', []]]);
});

test('a Lambda ENI no current function matches is kept as a group without functions', () => {
  const index = buildFunctionGroups([], [eni('eni-old', 'subnet-z', ['sg-9'], 'AWS Lambda VPC ENI-deleted-fn-aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee', 'lambda')]);
  const g = index.byInterface.get('eni-old');
  assert.deepEqual(g?.functionNames, []);
  assert.equal(g && functionGroupLabel(g), 'Lambda ENI of deleted-fn (no current function)');
});

test('Lambda ENI recognition and the creator in the description', () => {
  assert.equal(isLambdaInterface({ interfaceType: 'lambda', description: '' }), true);
  assert.equal(isLambdaInterface({ interfaceType: 'interface', description: 'AWS Lambda VPC ENI-x-aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee' }), true);
  assert.equal(isLambdaInterface({ interfaceType: 'interface', description: 'ElastiCache redis-001' }), false);
  assert.equal(lambdaEniCreator('AWS Lambda VPC ENI-my-fn-with-dashes-0f6b0d3e-8c1a-4a6e-9d8e-1234567890ab'), 'my-fn-with-dashes');
  assert.equal(lambdaEniCreator('AWS Lambda VPC ENI-truncatedName'), 'truncatedName');
  assert.equal(lambdaEniCreator('RDSNetworkInterface'), undefined);
});

test('flows grouped by function group; interface addresses for the aggregator', () => {
  const functions = [fn('a', ['subnet-a'], ['sg-1']), fn('b', ['subnet-a'], ['sg-1'])];
  const interfaces = [eni('eni-1', 'subnet-a', ['sg-1'], 'AWS Lambda VPC ENI-a-aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee')];
  const index = buildFunctionGroups(functions, interfaces);
  const base = { localAddr: '10.0.0.5', port: 443, protocol: 6, direction: 'egress' as const, bytes: 1, packets: 1, accepted: 1, rejected: 0, first: 0, last: 0 };
  const flows: FlowSummary[] = [
    { ...base, interfaceId: 'eni-1', peer: '1.1.1.1' },
    { ...base, interfaceId: 'eni-other', peer: '2.2.2.2' },
  ];
  const by = flowsByGroup(flows, index);
  assert.equal(by.size, 1);
  assert.deepEqual([...by.values()][0].map((f) => f.peer), ['1.1.1.1']);
  assert.deepEqual([...interfaceAddresses(interfaces)], [['eni-1', ['10.0.0.5']]]);
});
