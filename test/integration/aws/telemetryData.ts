/**
 * The telemetry the tests seed on moto, written down as data: flow records (default and custom format, in
 * CloudWatch Logs and in S3), CloudTrail records delivered to a trail's log group, and Lambda metrics —
 * with the window they fall in. Expectations in the tests are worked out by hand from these lines.
 */
import type { FlowSummary } from '../../../src/core/inventory/telemetryModel';
import { ACCOUNT_ID } from './motoEndpoint';
import { REGION, roleArn } from './seedData';

const DAY = 86_400;
/** The window: the three whole UTC days before today (moto drops log events older than 14 days). */
export const END = Math.floor(Date.now() / 1000 / DAY) * DAY;
export const START = END - 3 * DAY;
export const WINDOW = { start: new Date(START * 1000), end: new Date(END * 1000) };

/** A third subnet with its own Lambda function (its flow log delivers to S3), and a VPC with no flow log. */
export const SUBNET_S_CIDR = '10.20.3.0/24';
export const ENI_S_IP = '10.20.3.10';
export const ENI_S_DESCRIPTION = 'AWS Lambda VPC ENI-lg-vpc-s3-2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e';
export const RDS_IP = '10.20.1.50';
export const DARK_VPC_CIDR = '10.40.0.0/16';
export const DARK_SUBNET_CIDR = '10.40.1.0/24';
export const ENI_DARK_DESCRIPTION = 'AWS Lambda VPC ENI-lg-vpc-dark-3c4d5e6f-7a8b-4c9d-8e0f-2a3b4c5d6e7f';

export const FLOW_GROUP_VPC = 'lg-flows-vpc';
export const FLOW_GROUP_CUSTOM = 'lg-flows-custom';
export const FLOW_BUCKET = 'lg-flow-logs';
export const TRAIL_NAME = 'lg-trail';
export const TRAIL_GROUP = 'lg-trail-logs';
export const TRAIL_BUCKET = 'lg-trail-bucket';
/** No interface-id: the stream name says it. v5 fields flow-direction and tcp-flags decide the sides. */
export const CUSTOM_FORMAT =
  '${version} ${srcaddr} ${dstaddr} ${srcport} ${dstport} ${protocol} ${packets} ${bytes} ${start} ${end} ${action} ${log-status} ${flow-direction} ${tcp-flags}';
export const S3_HEADER = 'version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status';

/** Flow record times. */
export const T0 = START + 600;
export const T1 = START + 7200 + 60;
export const T2 = START + 3 * 3600 + 120;

/** Default-format records of the shared ENI A (lg-vpc-a, lg-vpc-b), timestamp = start. */
export function eniARecords(eniA: string): { t: number; line: string }[] {
  const r = (rest: string): string => `2 ${ACCOUNT_ID} ${eniA} ${rest}`;
  return [
    { t: START - 7200, line: r(`10.20.1.10 ${RDS_IP} 40009 5432 6 50 99999 ${START - 7200} ${START - 7140} ACCEPT OK`) },
    { t: T0, line: r(`10.20.1.10 ${RDS_IP} 40001 5432 6 10 1000 ${T0} ${T0 + 60} ACCEPT OK`) },
    { t: T0, line: r(`${RDS_IP} 10.20.1.10 5432 40001 6 8 800 ${T0} ${T0 + 60} ACCEPT OK`) },
    { t: T0 + 120, line: r(`10.20.1.10 52.94.0.10 40002 443 6 5 500 ${T0 + 120} ${T0 + 180} ACCEPT OK`) },
    { t: T0 + 200, line: r(`198.51.100.7 10.20.1.10 51515 22 6 1 40 ${T0 + 200} ${T0 + 260} REJECT OK`) },
    { t: T0 + 300, line: r(`- - - - - - - ${T0 + 300} ${T0 + 360} - NODATA`) },
    { t: T0 + 3600, line: r(`10.20.1.10 52.94.0.10 40003 443 6 7 700 ${T0 + 3600} ${T0 + 3660} ACCEPT OK`) },
  ];
}

/** Records of a non-Lambda ENI (the database) in the same log group: never to be read. */
export function rdsRecords(rdsEni: string): { t: number; line: string }[] {
  return [{ t: T0, line: `2 ${ACCOUNT_ID} ${rdsEni} ${RDS_IP} 10.20.1.99 5432 41000 6 3 3333 ${T0} ${T0 + 60} ACCEPT OK` }];
}

/** Custom-format records of ENI C (lg-vpc-c): a request to ENI A's port 443 and its answer, and a broken line. */
export const ENI_C_RECORDS: { t: number; line: string }[] = [
  { t: T1, line: `5 10.20.2.10 10.20.1.10 40100 443 6 4 400 ${T1} ${T1 + 30} ACCEPT OK egress 2` },
  { t: T1, line: `5 10.20.1.10 10.20.2.10 443 40100 6 3 300 ${T1} ${T1 + 30} ACCEPT OK ingress 18` },
  { t: T1 + 40, line: '5 10.20.2.10 oops' },
];

/** S3 export bodies (header line, then records), for ENI S in subnet S; another interface shares the file. */
export function s3Plain(eniS: string): string {
  return [
    S3_HEADER,
    `2 ${ACCOUNT_ID} ${eniS} ${ENI_S_IP} 10.20.3.99 40200 6379 6 2 200 ${T2} ${T2 + 10} ACCEPT OK`,
    `2 ${ACCOUNT_ID} eni-0a0b0c0d0e0f01234 10.20.3.77 10.20.3.99 40201 6379 6 9 900 ${T2} ${T2 + 10} ACCEPT OK`,
    '',
  ].join('\n');
}
export function s3Hive(eniS: string): string {
  return [S3_HEADER, `2 ${ACCOUNT_ID} ${eniS} ${ENI_S_IP} 10.20.3.99 40202 6379 6 3 300 ${T2 + 60} ${T2 + 70} ACCEPT OK`, ''].join('\n');
}
/** Must never be read: outside the window, or another flow log's file. */
export function s3Ignored(eniS: string): string {
  return [S3_HEADER, `2 ${ACCOUNT_ID} ${eniS} ${ENI_S_IP} 10.20.3.99 40299 6379 6 1 77777 ${T2} ${T2 + 10} ACCEPT OK`, ''].join('\n');
}

/** `20261129T0305Z` for epoch seconds. */
export function s3Stamp(t: number): string {
  return new Date(t * 1000).toISOString().replace(/[-:]/g, '').slice(0, 13) + 'Z';
}
export function dayPath(t: number): [string, string, string] {
  const [y, m, d] = new Date(t * 1000).toISOString().slice(0, 10).split('-');
  return [y, m, d];
}

interface TrailRecordInput {
  id: string;
  t: number;
  source: string;
  name: string;
  identity: Record<string, unknown>;
  region?: string;
  readOnly?: boolean;
  request?: Record<string, unknown>;
}

const alice = { type: 'IAMUser', principalId: 'AIDAEXAMPLEALICE', arn: `arn:aws:iam::${ACCOUNT_ID}:user/alice`, accountId: ACCOUNT_ID, userName: 'alice' };
function session(role: string, name: string): Record<string, unknown> {
  return {
    type: 'AssumedRole',
    principalId: `AROAEXAMPLE${role.toUpperCase().replace(/-/g, '')}:${name}`,
    arn: `arn:aws:sts::${ACCOUNT_ID}:assumed-role/${role}/${name}`,
    accountId: ACCOUNT_ID,
    sessionContext: { sessionIssuer: { type: 'Role', principalId: 'AROAEXAMPLE', arn: roleArn(role), accountId: ACCOUNT_ID, userName: role } },
  };
}

export function trailRecord(r: TrailRecordInput): Record<string, unknown> {
  return {
    eventVersion: '1.09',
    userIdentity: r.identity,
    eventTime: new Date(r.t * 1000).toISOString().replace('.000Z', 'Z'),
    eventSource: r.source,
    eventName: r.name,
    awsRegion: r.region ?? REGION,
    sourceIPAddress: '203.0.113.10',
    userAgent: 'aws-cli/2.15.0',
    requestParameters: r.request ?? null,
    responseElements: null,
    requestID: `req-${r.id}`,
    eventID: r.id,
    readOnly: r.readOnly ?? false,
    eventType: 'AwsApiCall',
    managementEvent: true,
    recipientAccountId: ACCOUNT_ID,
  };
}

const fnArn = (name: string, region: string): string => `arn:aws:lambda:${region}:${ACCOUNT_ID}:function:${name}`;

/** CloudTrail records, in time order. Kept: e1, e3, e4, e12. The rest must be dropped (said per record). */
export const TRAIL_RECORDS: Record<string, unknown>[] = [
  // Outside the window.
  trailRecord({ id: 'e9', t: START - 3600, source: 'lambda.amazonaws.com', name: 'UpdateFunctionConfiguration20150331v2', identity: alice, request: { functionName: 'lg-vpc-b' } }),
  trailRecord({ id: 'e1', t: START + 1000, source: 'lambda.amazonaws.com', name: 'UpdateFunctionCode20150331v2', identity: alice, request: { functionName: 'lg-vpc-a' } }),
  // Read-only, by a person.
  trailRecord({ id: 'e2', t: START + 1100, source: 'lambda.amazonaws.com', name: 'GetFunction20150331v2', identity: alice, readOnly: true, request: { functionName: 'lg-vpc-a' } }),
  trailRecord({
    id: 'e3',
    t: START + 1200,
    source: 'lambda.amazonaws.com',
    name: 'AddPermission20150331v2',
    identity: alice,
    region: 'us-west-2',
    request: { functionName: fnArn('lg-west-1', 'us-west-2'), statementId: 'partner', principal: '111122223333', action: 'lambda:InvokeFunction' },
  }),
  // The function's own role session: kept.
  trailRecord({ id: 'e4', t: START + 1300, source: 's3.amazonaws.com', name: 'GetObject', identity: session('lg-fn-vpc', 'lg-vpc-c'), readOnly: true, request: { bucketName: 'lg-data', key: 'a.csv' } }),
  // A session of the role named after no function of it.
  trailRecord({ id: 'e5', t: START + 1400, source: 'dynamodb.amazonaws.com', name: 'PutItem', identity: session('lg-fn-vpc', 'someone-else'), request: { tableName: 'orders' } }),
  // A function's name under another role.
  trailRecord({ id: 'e6', t: START + 1500, source: 'sts.amazonaws.com', name: 'GetCallerIdentity', identity: session('lg-fn-basic', 'lg-vpc-a'), readOnly: true }),
  // Nothing to do with the functions.
  trailRecord({ id: 'e7', t: START + 1600, source: 'iam.amazonaws.com', name: 'ListUsers', identity: alice, readOnly: true }),
  // A function that is not in the account any more.
  trailRecord({ id: 'e11', t: START + 1700, source: 'lambda.amazonaws.com', name: 'DeleteFunction20150331', identity: alice, request: { functionName: 'gone-fn' } }),
  // The Lambda service acting with lg-fn-vpc (ENI management): belongs to every function of the role.
  trailRecord({
    id: 'e12',
    t: START + 1800,
    source: 'ec2.amazonaws.com',
    name: 'CreateNetworkInterface',
    identity: session('lg-fn-vpc', 'awslambda_123_1700000000000'),
    request: { subnetId: 'subnet-x' },
  }),
];
/** A copy of e1 delivered again (another stream): one event. */
export const TRAIL_DUPLICATE = TRAIL_RECORDS[1];
/** A record without eventTime and eventID: reported, the others still read. */
export const TRAIL_BROKEN = { eventVersion: '1.09', eventSource: 'lambda.amazonaws.com', eventName: 'UpdateFunctionCode20150331v2', awsRegion: REGION };

/** Metric points [metric, function, region, seconds after START, value], AWS/Lambda by FunctionName. */
export const METRIC_POINTS: [string, string, string, number, number][] = [
  ['Invocations', 'lg-vpc-a', REGION, -600, 100],
  ['Invocations', 'lg-vpc-a', REGION, 10, 5],
  ['Invocations', 'lg-vpc-a', REGION, 70, 7],
  ['Invocations', 'lg-vpc-a', REGION, 3620, 3],
  ['Errors', 'lg-vpc-a', REGION, 70, 1],
  ['Throttles', 'lg-vpc-a', REGION, 305, 2],
  ['ConcurrentExecutions', 'lg-vpc-a', REGION, 10, 4],
  ['ConcurrentExecutions', 'lg-vpc-a', REGION, 70, 6],
  ['Invocations', 'lg-west-1', 'us-west-2', 600, 9],
];

/**
 * The flows of the seeded records, worked out by hand: what either engine (FilterLogEvents records or
 * Logs Insights rows) and the S3 files must come to.
 */
export function expectedFlows(eniA: string, eniC: string, eniS: string): FlowSummary[] {
  const a = { interfaceId: eniA, localAddr: '10.20.1.10', protocol: 6 };
  return [
    // The database's answer (5432 → 40001) is the same flow as the request.
    { ...a, peer: RDS_IP, port: 5432, direction: 'egress', bytes: 1800, packets: 18, accepted: 2, rejected: 0, first: T0, last: T0 + 60 },
    { ...a, peer: '198.51.100.7', port: 22, direction: 'ingress', bytes: 40, packets: 1, accepted: 0, rejected: 1, first: T0 + 200, last: T0 + 260 },
    // One row per hour.
    { ...a, peer: '52.94.0.10', port: 443, direction: 'egress', bytes: 500, packets: 5, accepted: 1, rejected: 0, first: T0 + 120, last: T0 + 180 },
    { ...a, peer: '52.94.0.10', port: 443, direction: 'egress', bytes: 700, packets: 7, accepted: 1, rejected: 0, first: T0 + 3600, last: T0 + 3660 },
    // No interface-id in the format: the stream name gives it; flow-direction and tcp-flags give the sides.
    { interfaceId: eniC, localAddr: '10.20.2.10', peer: '10.20.1.10', port: 443, protocol: 6, direction: 'egress', bytes: 700, packets: 7, accepted: 2, rejected: 0, first: T1, last: T1 + 30 },
    // The plain and the Hive-style file, same hour; the other interface of the file is not a function's.
    { interfaceId: eniS, localAddr: ENI_S_IP, peer: '10.20.3.99', port: 6379, protocol: 6, direction: 'egress', bytes: 500, packets: 5, accepted: 2, rejected: 0, first: T2, last: T2 + 70 },
  ];
}

/** Flows in a fixed order for comparisons (interface, peer, port, first). */
export function sortFlows(list: readonly FlowSummary[]): FlowSummary[] {
  const key = (f: FlowSummary): string => `${f.interfaceId} ${f.peer} ${f.port} ${f.first}`;
  return [...list].sort((x, y) => (key(x) < key(y) ? -1 : 1));
}
