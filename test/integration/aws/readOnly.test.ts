/**
 * Read-only, proven: a whole collection (every enabled region) and telemetry collections (FilterLogEvents,
 * then Logs Insights — answered by the Insights fixture, see insightsFixture.ts) send only allow-listed
 * operations — checked on the wire by the proxy and through onCall — a write is refused before it is sent,
 * and the seeded account, its logs, flow logs, trail, S3 files and metrics are the same afterwards
 * (compared with plain SDK reads made straight to moto).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CloudTrailClient, DescribeTrailsCommand } from '@aws-sdk/client-cloudtrail';
import { CloudWatchClient, DescribeAlarmsCommand, ListMetricsCommand } from '@aws-sdk/client-cloudwatch';
import { CloudWatchLogsClient, DescribeLogGroupsCommand, DescribeLogStreamsCommand, FilterLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import {
  CreateNetworkInterfaceCommand,
  DescribeFlowLogsCommand,
  DescribeNetworkInterfacesCommand,
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  EC2Client,
} from '@aws-sdk/client-ec2';
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
import { ListBucketsCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { AwsClients } from '../../../src/core/inventory/aws/clients';
import { Pacer } from '../../../src/core/inventory/aws/pacing';
import { READ_ONLY_OPERATIONS, WriteOperationRefusedError, type AwsCall } from '../../../src/core/inventory/aws/readOnly';
import { countCalls, startHarness, type Harness } from './awsHarness';
import { InsightsFixture } from './insightsFixture';
import { seedConfig, TEST_CREDENTIALS } from './motoEndpoint';
import { REGION, WEST } from './seedData';
import { seedTelemetry } from './seedTelemetry';
import { END, START } from './telemetryData';

let h: Harness;
before(async () => {
  h = await startHarness();
  await seedTelemetry(h.ids);
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
    out[`metrics ${region}`] = await cw.send(new ListMetricsCommand({}));
    cw.destroy();
    out[`telemetry ${region}`] = await dumpTelemetry(region);
  }
  return strip(out);
}

/** Log groups with their streams and events, flow logs, trails and S3 objects of a region. */
async function dumpTelemetry(region: string): Promise<unknown> {
  const logs = new CloudWatchLogsClient(seedConfig(region));
  const groups = (await logs.send(new DescribeLogGroupsCommand({}))).logGroups ?? [];
  const contents = [];
  for (const g of groups) {
    const logGroupName = g.logGroupName ?? '';
    contents.push([g, await logs.send(new DescribeLogStreamsCommand({ logGroupName })), await logs.send(new FilterLogEventsCommand({ logGroupName }))]);
  }
  logs.destroy();
  const ec2 = new EC2Client(seedConfig(region));
  const flowLogs = await ec2.send(new DescribeFlowLogsCommand({}));
  ec2.destroy();
  const ct = new CloudTrailClient(seedConfig(region));
  const trails = await ct.send(new DescribeTrailsCommand({}));
  ct.destroy();
  const s3 = new S3Client({ ...seedConfig(region), forcePathStyle: true });
  const buckets = (await s3.send(new ListBucketsCommand({}))).Buckets ?? [];
  const objects = [];
  for (const b of buckets) objects.push(await s3.send(new ListObjectsV2Command({ Bucket: b.Name })));
  s3.destroy();
  return { contents, flowLogs, trails, buckets, objects };
}

describe('read-only', () => {
  it('a whole collection of every enabled region sends only allow-listed operations, and changes nothing', async () => {
    const before = await dumpAccount();
    const seenBefore = h.proxy.seen.length;
    const snap = await h.source({ regions: 'all' }).collect();
    assert.deepEqual(snap.errors, []);
    assert.ok(snap.regions.length > 10 && snap.regions.includes(REGION) && snap.regions.includes(WEST), `regions: ${snap.regions.join(' ')}`);
    assert.equal(snap.functions.length, 65);

    const wire = h.proxy.seen.slice(seenBefore).map((r) => `${r.service}:${r.operation}`);
    const offList = [...new Set(wire)].filter((op) => !READ_ONLY_OPERATIONS.includes(op));
    assert.deepEqual(offList, [], 'operations on the wire that are not on the allow-list');
    assert.ok(wire.includes('ec2:DescribeRegions'));
    assert.deepEqual(countCalls(h.calls), h.proxy.counts(), 'onCall saw exactly what went over the wire');

    assert.deepEqual(await dumpAccount(), before, 'the account is unchanged');
  });

  it('telemetry collections — FilterLogEvents, then Logs Insights — send only allow-listed operations, and change nothing', async () => {
    const snap = await h.source().collect();
    const before = await dumpAccount();
    h.proxy.reset();
    h.calls.length = 0;
    const window = { start: new Date(START * 1000), end: new Date(END * 1000) };
    const filtered = await h.source().collectTelemetry(snap, window);
    assert.ok(filtered.flows.length > 0 && filtered.events.length > 0 && filtered.metrics.length > 0);
    const insights = new InsightsFixture(() => ({ status: 'Complete', rows: [] }));
    h.proxy.responders = [insights.responder];
    await h.source({}, { telemetry: { insightsPollMs: 5 } }).collectTelemetry(snap, { ...window, logsEngine: 'insights' });
    assert.ok(insights.queries.length > 0);

    const wire = [...new Set(h.proxy.seen.map((r) => `${r.service}:${r.operation}`))].sort();
    assert.deepEqual(
      wire.filter((op) => !READ_ONLY_OPERATIONS.includes(op)),
      [],
      'operations on the wire that are not on the allow-list',
    );
    for (const op of ['cloudwatch:GetMetricData', 'ec2:DescribeFlowLogs', 'logs:FilterLogEvents', 'logs:StartQuery', 'logs:GetQueryResults', 's3:ListObjectsV2', 's3:GetObject', 'cloudtrail:DescribeTrails']) {
      assert.ok(wire.includes(op), op);
    }
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
