/**
 * Seeds the telemetry of telemetryData.ts on top of the account seedAccount.ts wrote, with plain SDK
 * clients (writes — the test's, never the product's): a third Lambda ENI in its own subnet (flow log to S3)
 * and one in a VPC without any flow log, the database's ENI, three flow logs (the VPC's to CloudWatch Logs
 * in the default format, ENI C's in a custom format, subnet S's to S3), their records, a multi-region trail
 * delivering to CloudWatch Logs with its records, and Lambda metrics.
 */
import { gzipSync } from 'node:zlib';
import { CloudTrailClient, CreateTrailCommand } from '@aws-sdk/client-cloudtrail';
import { CloudWatchClient, PutMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { CloudWatchLogsClient, CreateLogGroupCommand, CreateLogStreamCommand, PutLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { CreateFlowLogsCommand, CreateNetworkInterfaceCommand, CreateSecurityGroupCommand, CreateSubnetCommand, CreateVpcCommand, EC2Client } from '@aws-sdk/client-ec2';
import { CreateFunctionCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { AccountSnapshot } from '../../../src/core/inventory/accountModel';
import { startHarness, type Harness } from './awsHarness';
import { ACCOUNT_ID, seedConfig } from './motoEndpoint';
import type { SeededIds } from './seedAccount';
import { REGION, roleArn } from './seedData';
import * as t from './telemetryData';
import { emptyZip } from './zipFile';

export interface TelemetryIds {
  subnetS: string;
  eniS: string;
  rdsEni: string;
  eniDark: string;
  flowLogVpc: string;
  flowLogC: string;
  flowLogS: string;
}

async function seedNetwork(ids: SeededIds): Promise<Pick<TelemetryIds, 'subnetS' | 'eniS' | 'rdsEni' | 'eniDark'>> {
  const ec2 = new EC2Client(seedConfig(REGION));
  const subnet = async (VpcId: string, CidrBlock: string): Promise<string> => (await ec2.send(new CreateSubnetCommand({ VpcId, CidrBlock }))).Subnet?.SubnetId ?? '';
  const eni = async (SubnetId: string, group: string, Description: string, PrivateIpAddress?: string): Promise<string> =>
    (await ec2.send(new CreateNetworkInterfaceCommand({ SubnetId, Groups: [group], Description, PrivateIpAddress }))).NetworkInterface?.NetworkInterfaceId ?? '';
  const subnetS = await subnet(ids.vpcId, t.SUBNET_S_CIDR);
  const eniS = await eni(subnetS, ids.securityGroup, t.ENI_S_DESCRIPTION, t.ENI_S_IP);
  const rdsEni = await eni(ids.subnetA, ids.securityGroup, 'RDSNetworkInterface', t.RDS_IP);
  const darkVpc = (await ec2.send(new CreateVpcCommand({ CidrBlock: t.DARK_VPC_CIDR }))).Vpc?.VpcId ?? '';
  const darkSubnet = await subnet(darkVpc, t.DARK_SUBNET_CIDR);
  const darkGroup = (await ec2.send(new CreateSecurityGroupCommand({ GroupName: 'lg-dark', Description: 'no flow log here', VpcId: darkVpc }))).GroupId ?? '';
  const eniDark = await eni(darkSubnet, darkGroup, t.ENI_DARK_DESCRIPTION);
  const lambda = new LambdaClient(seedConfig(REGION));
  const fn = (FunctionName: string, SubnetIds: string[], SecurityGroupIds: string[]): Promise<unknown> =>
    lambda.send(
      new CreateFunctionCommand({ FunctionName, Runtime: 'python3.12', Handler: 'index.handler', Role: roleArn('lg-fn-vpc'), Code: { ZipFile: emptyZip(FunctionName) }, VpcConfig: { SubnetIds, SecurityGroupIds } }),
    );
  await fn('lg-vpc-s3', [subnetS], [ids.securityGroup]);
  await fn('lg-vpc-dark', [darkSubnet], [darkGroup]);
  lambda.destroy();
  ec2.destroy();
  return { subnetS, eniS, rdsEni, eniDark };
}

async function putEvents(logs: CloudWatchLogsClient, group: string, stream: string, events: { t: number; message: string }[]): Promise<void> {
  await logs.send(new CreateLogStreamCommand({ logGroupName: group, logStreamName: stream }));
  const logEvents = events.map((e) => ({ timestamp: e.t * 1000, message: e.message }));
  await logs.send(new PutLogEventsCommand({ logGroupName: group, logStreamName: stream, logEvents }));
}

async function seedFlowLogs(ids: SeededIds, net: Pick<TelemetryIds, 'subnetS' | 'eniS' | 'rdsEni'>): Promise<Pick<TelemetryIds, 'flowLogVpc' | 'flowLogC' | 'flowLogS'>> {
  const logs = new CloudWatchLogsClient(seedConfig(REGION));
  for (const g of [t.FLOW_GROUP_VPC, t.FLOW_GROUP_CUSTOM]) await logs.send(new CreateLogGroupCommand({ logGroupName: g }));
  const lines = (list: { t: number; line: string }[]): { t: number; message: string }[] => list.map((r) => ({ t: r.t, message: r.line }));
  await putEvents(logs, t.FLOW_GROUP_VPC, `${ids.eniA}-all`, lines(t.eniARecords(ids.eniA)));
  await putEvents(logs, t.FLOW_GROUP_VPC, `${net.rdsEni}-all`, lines(t.rdsRecords(net.rdsEni)));
  await putEvents(logs, t.FLOW_GROUP_CUSTOM, `${ids.eniC}-all`, lines(t.ENI_C_RECORDS));
  logs.destroy();

  const s3 = new S3Client({ ...seedConfig(REGION), forcePathStyle: true });
  await s3.send(new CreateBucketCommand({ Bucket: t.FLOW_BUCKET }));
  const ec2 = new EC2Client(seedConfig(REGION));
  const role = roleArn('lg-flow-logs-delivery');
  const create = async (input: object): Promise<string> => (await ec2.send(new CreateFlowLogsCommand({ TrafficType: 'ALL', ...input } as never))).FlowLogIds?.[0] ?? '';
  const flowLogVpc = await create({ ResourceIds: [ids.vpcId], ResourceType: 'VPC', LogDestinationType: 'cloud-watch-logs', LogGroupName: t.FLOW_GROUP_VPC, DeliverLogsPermissionArn: role });
  const flowLogC = await create({
    ResourceIds: [ids.eniC],
    ResourceType: 'NetworkInterface',
    LogDestinationType: 'cloud-watch-logs',
    LogGroupName: t.FLOW_GROUP_CUSTOM,
    DeliverLogsPermissionArn: role,
    LogFormat: t.CUSTOM_FORMAT,
  });
  const flowLogS = await create({ ResourceIds: [net.subnetS], ResourceType: 'Subnet', LogDestinationType: 's3', LogDestination: `arn:aws:s3:::${t.FLOW_BUCKET}` });
  ec2.destroy();

  const [y, m, d] = t.dayPath(t.T2);
  const name = (fl: string, at: number, hash: string): string => `${ACCOUNT_ID}_vpcflowlogs_${REGION}_${fl}_${t.s3Stamp(at)}_${hash}.log.gz`;
  const plain = (day: [string, string, string]): string => `AWSLogs/${ACCOUNT_ID}/vpcflowlogs/${REGION}/${day.join('/')}/`;
  const hive = `AWSLogs/aws-account-id=${ACCOUNT_ID}/aws-service=vpcflowlogs/aws-region=${REGION}/year=${y}/month=${m}/day=${d}/`;
  const objects: [string, string][] = [
    [plain([y, m, d]) + name(flowLogS, t.T2 + 300, '0a1b2c3d'), t.s3Plain(net.eniS)],
    [hive + name(flowLogS, t.T2 + 360, '4e5f6a7b'), t.s3Hive(net.eniS)],
    // Never read: another flow log's file; a name time before the window in a listed folder; the day before the window.
    [plain([y, m, d]) + name('fl-0123456789abcdef0', t.T2 + 300, '11111111'), t.s3Ignored(net.eniS)],
    [plain([y, m, d]) + name(flowLogS, t.START - 300, '22222222'), t.s3Ignored(net.eniS)],
    [plain(t.dayPath(t.START - 86_400)) + name(flowLogS, t.START - 86_400 + 600, '33333333'), t.s3Ignored(net.eniS)],
  ];
  for (const [Key, body] of objects) await s3.send(new PutObjectCommand({ Bucket: t.FLOW_BUCKET, Key, Body: gzipSync(body) }));
  s3.destroy();
  return { flowLogVpc, flowLogC, flowLogS };
}

async function seedTrail(): Promise<void> {
  const logs = new CloudWatchLogsClient(seedConfig(REGION));
  await logs.send(new CreateLogGroupCommand({ logGroupName: t.TRAIL_GROUP }));
  const stream = `${ACCOUNT_ID}_CloudTrail_${REGION}`;
  const at = (r: Record<string, unknown>): number => Date.parse(String(r.eventTime)) / 1000;
  await putEvents(
    logs,
    t.TRAIL_GROUP,
    stream,
    t.TRAIL_RECORDS.map((r) => ({ t: at(r), message: JSON.stringify(r) })),
  );
  await putEvents(logs, t.TRAIL_GROUP, `${stream}_2`, [
    { t: at(t.TRAIL_DUPLICATE), message: JSON.stringify(t.TRAIL_DUPLICATE) },
    { t: at(t.TRAIL_DUPLICATE) + 1, message: JSON.stringify(t.TRAIL_BROKEN) },
  ]);
  logs.destroy();
  const s3 = new S3Client({ ...seedConfig(REGION), forcePathStyle: true });
  await s3.send(new CreateBucketCommand({ Bucket: t.TRAIL_BUCKET }));
  s3.destroy();
  const ct = new CloudTrailClient(seedConfig(REGION));
  await ct.send(
    new CreateTrailCommand({
      Name: t.TRAIL_NAME,
      S3BucketName: t.TRAIL_BUCKET,
      IsMultiRegionTrail: true,
      CloudWatchLogsLogGroupArn: `arn:aws:logs:${REGION}:${ACCOUNT_ID}:log-group:${t.TRAIL_GROUP}:*`,
      CloudWatchLogsRoleArn: roleArn('lg-trail-delivery'),
    }),
  );
  ct.destroy();
}

async function seedMetrics(): Promise<void> {
  for (const region of new Set(t.METRIC_POINTS.map((p) => p[2]))) {
    const cw = new CloudWatchClient(seedConfig(region));
    const MetricData = t.METRIC_POINTS.filter((p) => p[2] === region).map(([MetricName, fn, , after, Value]) => ({
      MetricName,
      Dimensions: [{ Name: 'FunctionName', Value: fn }],
      Timestamp: new Date((t.START + after) * 1000),
      Value,
    }));
    await cw.send(new PutMetricDataCommand({ Namespace: 'AWS/Lambda', MetricData }));
    cw.destroy();
  }
}

/** Seeds everything; `trail: false` leaves the account without a trail (CloudTrail is then read with LookupEvents). */
export async function seedTelemetry(ids: SeededIds, opts: { trail?: boolean } = {}): Promise<TelemetryIds> {
  const net = await seedNetwork(ids);
  const flows = await seedFlowLogs(ids, net);
  if (opts.trail !== false) await seedTrail();
  await seedMetrics();
  return { ...net, ...flows };
}

/** The harness of the telemetry tests: moto seeded with the account and its telemetry, and the account collected. */
export async function startTelemetryHarness(opts: { trail?: boolean } = {}): Promise<{ h: Harness; tids: TelemetryIds; snap: AccountSnapshot }> {
  const h = await startHarness();
  const tids = await seedTelemetry(h.ids, opts);
  const snap = await h.source().collect();
  return { h, tids, snap };
}
