/**
 * Two weeks of telemetry for the benchmark account of seedBench.ts (run it first): a VPC flow log to
 * CloudWatch Logs with records of both shared Lambda ENIs (4 peers, both directions, every 10 minutes),
 * a multi-region trail delivering to CloudWatch Logs (each function's role session twice a day, 30 code
 * deploys, 2,000 read-only Lambda calls by a CI user), and one Invocations point per function — moto's
 * GetMetricData costs queries × periods × stored points, so metrics stay sparse here (the dense case is
 * measured against a fixture, see telemetryBench.ts). Records start 13 days back: moto drops log events
 * older than 14 days. Writes with plain SDK clients.
 */
import { CloudTrailClient, CreateTrailCommand } from '@aws-sdk/client-cloudtrail';
import { CloudWatchClient, PutMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { CloudWatchLogsClient, CreateLogGroupCommand, CreateLogStreamCommand, PutLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { CreateFlowLogsCommand, DescribeNetworkInterfacesCommand, EC2Client } from '@aws-sdk/client-ec2';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { BENCH_REGION } from './seedBench';

const ACCOUNT = '123456789012';
const HOUR = 3600;
const DAY = 86_400;
export const FLOW_GROUP = 'bench-flows';
export const TRAIL_GROUP = 'bench-trail';

interface Entry {
  t: number;
  message: string;
}

/** PutLogEvents in time order, batches within 12 hours and 5,000 events (AWS: 24 h, 10,000, 1 MB). */
async function put(logs: CloudWatchLogsClient, group: string, stream: string, entries: Entry[]): Promise<void> {
  await logs.send(new CreateLogStreamCommand({ logGroupName: group, logStreamName: stream }));
  const sorted = [...entries].sort((a, b) => a.t - b.t);
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j < sorted.length && j - i < 5000 && sorted[j].t - sorted[i].t < 12 * HOUR) j++;
    const logEvents = sorted.slice(i, j).map((e) => ({ timestamp: e.t * 1000, message: e.message }));
    await logs.send(new PutLogEventsCommand({ logGroupName: group, logStreamName: stream, logEvents }));
    i = j;
  }
}

function flowRecords(eni: string, ip: string, from: number, to: number): Entry[] {
  const peers: [string, number][] = [
    ['10.30.1.50', 5432],
    ['10.30.2.60', 6379],
    ['52.94.1.1', 443],
    ['54.239.28.85', 443],
  ];
  const out: Entry[] = [];
  for (let t = from; t < to; t += 600) {
    peers.forEach(([peer, port], k) => {
      const client = 32768 + ((t / 600 + k) % 20000);
      out.push({ t, message: `2 ${ACCOUNT} ${eni} ${ip} ${peer} ${client} ${port} 6 ${10 + k} ${1000 + k * 100} ${t} ${t + 60} ACCEPT OK` });
      out.push({ t, message: `2 ${ACCOUNT} ${eni} ${peer} ${ip} ${port} ${client} 6 ${8 + k} ${4000 + k * 100} ${t} ${t + 60} ACCEPT OK` });
    });
  }
  return out;
}

function record(id: string, t: number, source: string, name: string, identity: object, readOnly: boolean, request: object): Entry {
  const r = {
    eventVersion: '1.09',
    userIdentity: identity,
    eventTime: new Date(t * 1000).toISOString().replace('.000Z', 'Z'),
    eventSource: source,
    eventName: name,
    awsRegion: BENCH_REGION,
    sourceIPAddress: '203.0.113.10',
    userAgent: 'bench',
    requestParameters: request,
    responseElements: null,
    requestID: `r-${id}`,
    eventID: id,
    readOnly,
    eventType: 'AwsApiCall',
    managementEvent: true,
    recipientAccountId: ACCOUNT,
  };
  return { t, message: JSON.stringify(r) };
}

function trailRecords(names: string[], from: number, to: number): Entry[] {
  const out: Entry[] = [];
  const ci = { type: 'IAMUser', arn: `arn:aws:iam::${ACCOUNT}:user/ci`, accountId: ACCOUNT, userName: 'ci' };
  names.forEach((fn, i) => {
    const role = `bench-role-${i % 10}`;
    const session = {
      type: 'AssumedRole',
      arn: `arn:aws:sts::${ACCOUNT}:assumed-role/${role}/${fn}`,
      accountId: ACCOUNT,
      sessionContext: { sessionIssuer: { type: 'Role', arn: `arn:aws:iam::${ACCOUNT}:role/${role}`, accountId: ACCOUNT, userName: role } },
    };
    for (let t = from + (i % 24) * HOUR; t < to; t += DAY / 2) {
      out.push(record(`s-${i}-${t}`, t, 's3.amazonaws.com', 'GetObject', session, true, { bucketName: 'bench', key: 'k' }));
    }
  });
  for (let k = 0; k < 30; k++) {
    out.push(record(`d-${k}`, from + k * 10 * HOUR, 'lambda.amazonaws.com', 'UpdateFunctionCode20150331v2', ci, false, { functionName: names[(k * 7) % names.length] }));
  }
  for (let k = 0; k < 2000; k++) {
    out.push(record(`g-${k}`, from + Math.floor(((to - from) * k) / 2000), 'lambda.amazonaws.com', 'GetFunction20150331v2', ci, true, { functionName: names[k % names.length] }));
  }
  return out;
}

export async function seedBenchTelemetry(endpoint: string, names: string[], end: number): Promise<{ records: number; events: number }> {
  const cfg = { endpoint, region: BENCH_REGION, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } };
  const from = end - 13 * DAY;
  const ec2 = new EC2Client(cfg);
  const enis = ((await ec2.send(new DescribeNetworkInterfacesCommand({}))).NetworkInterfaces ?? []).filter((n) => n.Description?.startsWith('AWS Lambda VPC ENI-'));
  const logs = new CloudWatchLogsClient(cfg);
  await logs.send(new CreateLogGroupCommand({ logGroupName: FLOW_GROUP }));
  let records = 0;
  for (const n of enis) {
    const list = flowRecords(n.NetworkInterfaceId ?? '', n.PrivateIpAddress ?? '', from, end);
    records += list.length;
    await put(logs, FLOW_GROUP, `${n.NetworkInterfaceId}-all`, list);
  }
  await ec2.send(
    new CreateFlowLogsCommand({
      ResourceIds: [enis[0].VpcId ?? ''],
      ResourceType: 'VPC',
      TrafficType: 'ALL',
      LogDestinationType: 'cloud-watch-logs',
      LogGroupName: FLOW_GROUP,
      DeliverLogsPermissionArn: `arn:aws:iam::${ACCOUNT}:role/flow-logs`,
    }),
  );
  ec2.destroy();
  await logs.send(new CreateLogGroupCommand({ logGroupName: TRAIL_GROUP }));
  const trail = trailRecords(names, from, end);
  await put(logs, TRAIL_GROUP, `${ACCOUNT}_CloudTrail_${BENCH_REGION}`, trail);
  logs.destroy();
  const s3 = new S3Client({ ...cfg, forcePathStyle: true });
  await s3.send(new CreateBucketCommand({ Bucket: 'bench-trail' }));
  s3.destroy();
  const ct = new CloudTrailClient(cfg);
  await ct.send(
    new CreateTrailCommand({
      Name: 'bench-trail',
      S3BucketName: 'bench-trail',
      IsMultiRegionTrail: true,
      CloudWatchLogsLogGroupArn: `arn:aws:logs:${BENCH_REGION}:${ACCOUNT}:log-group:${TRAIL_GROUP}:*`,
      CloudWatchLogsRoleArn: `arn:aws:iam::${ACCOUNT}:role/trail`,
    }),
  );
  ct.destroy();
  const cw = new CloudWatchClient(cfg);
  const points = names.map((fn, i) => ({ MetricName: 'Invocations', Dimensions: [{ Name: 'FunctionName', Value: fn }], Timestamp: new Date((from + (i % 312) * HOUR + 60) * 1000), Value: 1 + (i % 9) }));
  for (let i = 0; i < points.length; i += 500) await cw.send(new PutMetricDataCommand({ Namespace: 'AWS/Lambda', MetricData: points.slice(i, i + 500) }));
  cw.destroy();
  return { records, events: trail.length };
}
