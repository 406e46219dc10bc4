/**
 * Read-only, proven: a whole collection (every enabled region) sends only allow-listed operations —
 * checked on the wire by the proxy and through onCall — a write is refused before it is sent, and the
 * seeded account is the same afterwards (compared with plain SDK reads made straight to moto).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CloudWatchClient, DescribeAlarmsCommand } from '@aws-sdk/client-cloudwatch';
import { CreateNetworkInterfaceCommand, DescribeNetworkInterfacesCommand, DescribeSecurityGroupsCommand, DescribeSubnetsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { GetAccountAuthorizationDetailsCommand, IAMClient, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import {
  DeleteFunctionCommand,
  GetFunctionUrlConfigCommand,
  GetPolicyCommand,
  LambdaClient,
  ListEventSourceMappingsCommand,
  ListFunctionsCommand,
  ListTagsCommand,
} from '@aws-sdk/client-lambda';
import { AwsClients } from '../../../src/core/inventory/aws/clients';
import { Pacer } from '../../../src/core/inventory/aws/pacing';
import { READ_ONLY_OPERATIONS, WriteOperationRefusedError, type AwsCall } from '../../../src/core/inventory/aws/readOnly';
import { countCalls, startHarness, type Harness } from './awsHarness';
import { seedConfig, TEST_CREDENTIALS } from './motoEndpoint';
import { REGION, WEST } from './seedData';

let h: Harness;
before(async () => {
  h = await startHarness();
});
after(() => h.stop());

/** Drops what differs between two identical answers (request ids). */
function strip(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (k, v: unknown) => (k === '$metadata' ? undefined : v)));
}

async function orNotFound<T>(p: Promise<T>): Promise<T | 'none'> {
  return p.catch((e: { name?: string }) => {
    if (e.name === 'ResourceNotFoundException') return 'none';
    throw e;
  });
}

/** Everything the seed wrote, read straight from moto with plain SDK clients. */
async function dumpAccount(): Promise<unknown> {
  const out: Record<string, unknown> = {};
  const iam = new IAMClient(seedConfig(REGION));
  out.iam = await iam.send(new GetAccountAuthorizationDetailsCommand({}));
  iam.destroy();
  for (const region of [REGION, WEST]) {
    const lambda = new LambdaClient(seedConfig(region));
    const functions = (await lambda.send(new ListFunctionsCommand({}))).Functions ?? [];
    const details = [];
    for (const f of functions) {
      const FunctionName = f.FunctionName;
      details.push([f, await orNotFound(lambda.send(new GetPolicyCommand({ FunctionName }))), await orNotFound(lambda.send(new GetFunctionUrlConfigCommand({ FunctionName })))]);
    }
    out[`lambda ${region}`] = [details, await lambda.send(new ListEventSourceMappingsCommand({}))];
    lambda.destroy();
    const ec2 = new EC2Client(seedConfig(region));
    out[`ec2 ${region}`] = await Promise.all([
      ec2.send(new DescribeNetworkInterfacesCommand({})),
      ec2.send(new DescribeSubnetsCommand({})),
      ec2.send(new DescribeSecurityGroupsCommand({})),
    ]);
    ec2.destroy();
    const cw = new CloudWatchClient(seedConfig(region));
    out[`alarms ${region}`] = await cw.send(new DescribeAlarmsCommand({}));
    cw.destroy();
  }
  return strip(out);
}

describe('read-only', () => {
  it('a whole collection of every enabled region sends only allow-listed operations, and changes nothing', async () => {
    const before = await dumpAccount();
    const seenBefore = h.proxy.seen.length;
    const snap = await h.source({ regions: 'all' }).collect();
    assert.deepEqual(snap.errors, []);
    assert.ok(snap.regions.length > 10 && snap.regions.includes(REGION) && snap.regions.includes(WEST), `regions: ${snap.regions.join(' ')}`);
    assert.equal(snap.functions.length, 63);

    const wire = h.proxy.seen.slice(seenBefore).map((r) => `${r.service}:${r.operation}`);
    const offList = [...new Set(wire)].filter((op) => !READ_ONLY_OPERATIONS.includes(op));
    assert.deepEqual(offList, [], 'operations on the wire that are not on the allow-list');
    assert.ok(wire.includes('ec2:DescribeRegions'));
    assert.deepEqual(countCalls(h.calls), h.proxy.counts(), 'onCall saw exactly what went over the wire');

    assert.deepEqual(await dumpAccount(), before, 'the account is unchanged');
  });

  it('refuses an operation that is not on the allow-list, without sending it', async () => {
    const reported: AwsCall[] = [];
    const clients = new AwsClients({ conn: { endpoint: h.url, onCall: (c) => reported.push(c) }, credentials: async () => TEST_CREDENTIALS, pacer: new Pacer() });
    const seenBefore = h.proxy.seen.length;
    try {
      await assert.rejects(clients.get('lambda', REGION).send(new DeleteFunctionCommand({ FunctionName: 'lg-bulk-00' })), (e: unknown) => {
        assert.ok(e instanceof WriteOperationRefusedError);
        assert.equal(e.message, 'Lambda Guard is read-only: lambda:DeleteFunction is not on its list of allowed AWS operations and was not sent.');
        return true;
      });
      const role = { RoleName: 'lg-fn-basic', PolicyName: 'x', PolicyDocument: '{}' };
      await assert.rejects(clients.get('iam', REGION).send(new PutRolePolicyCommand(role)), WriteOperationRefusedError);
      await assert.rejects(clients.get('ec2', REGION).send(new CreateNetworkInterfaceCommand({ SubnetId: h.ids.subnetA })), WriteOperationRefusedError);
      // An allow-list, not a list of writes: a read the project does not use is refused too.
      await assert.rejects(clients.get('lambda', REGION).send(new ListTagsCommand({ Resource: 'arn:aws:lambda:us-east-1:123456789012:function:lg-bulk-00' })), WriteOperationRefusedError);
    } finally {
      clients.destroy();
    }
    assert.equal(h.proxy.seen.length, seenBefore, 'nothing reached the wire');
    assert.deepEqual(reported, []);
    const lambda = new LambdaClient(seedConfig(REGION));
    const names = ((await lambda.send(new ListFunctionsCommand({}))).Functions ?? []).map((f) => f.FunctionName);
    lambda.destroy();
    assert.ok(names.includes('lg-bulk-00'), 'the function still exists');
  });
});
