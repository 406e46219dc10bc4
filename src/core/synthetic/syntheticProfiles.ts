import type { Rng } from './prng';

/** How a function is driven: user traffic with a daily shape, a fixed schedule, or rare use. */
export type TrafficKind = 'api' | 'scheduled' | 'sparse';

export interface CallProfile {
  eventSource: string;
  /** As CloudTrail records it (Lambda names with their version suffix). */
  eventName: string;
  /** Mean calls per hour at the function's typical activity. */
  perHour: number;
  readOnly: boolean;
}

/** A stretch of harmless extra load (a batch, a retry wave, a marketing mail): part of normal traffic. */
export interface Burst {
  start: number;
  end: number;
  factor: number;
}

export interface FunctionProfile {
  name: string;
  roleArn: string;
  kind: TrafficKind;
  /** Invocations per minute at the daily peak (api, sparse). */
  peakPerMinute: number;
  /** Night level as a fraction of the peak. */
  nightRatio: number;
  /** UTC hour of the daily peak. */
  peakHour: number;
  weekendFactor: number;
  /** Scheduled functions: one invocation every this many minutes. */
  everyMinutes: number;
  /** Day-to-day level (log-normal around 1), by day since the world's start. */
  dayLevels: number[];
  bursts: Burst[];
  calls: CallProfile[];
  /** Index into the world's groups; undefined outside a VPC. */
  groupIndex?: number;
  errorRate: number;
  durationMs: number;
  tailFactor: number;
}

const WORDS = ['orders', 'payments', 'users', 'inventory', 'search', 'notify', 'thumbnail', 'reports', 'auth', 'billing', 'export', 'ingest', 'webhook', 'audit', 'sync', 'pricing'];
const ROLES = ['api', 'worker', 'handler', 'processor', 'cron', 'stream'];

/** Distinct plausible function names (`orders-api`, `billing-worker`, …, then numbered). */
export function functionNames(count: number, rng: Rng): string[] {
  const names = new Set<string>();
  while (names.size < count) {
    const base = `${rng.pick(WORDS)}-${rng.pick(ROLES)}`;
    names.add(names.has(base) ? `${base}-${names.size}` : base);
  }
  return [...names];
}

/** Management events a function's code typically makes (what CloudTrail logs by default). */
export const STABLE_CALLS: readonly [string, string, boolean][] = [
  ['kms.amazonaws.com', 'Decrypt', true],
  ['kms.amazonaws.com', 'GenerateDataKey', true],
  ['secretsmanager.amazonaws.com', 'GetSecretValue', true],
  ['ssm.amazonaws.com', 'GetParameter', true],
  ['ssm.amazonaws.com', 'GetParameters', true],
  ['sts.amazonaws.com', 'GetCallerIdentity', true],
  ['sts.amazonaws.com', 'AssumeRole', true],
  ['logs.amazonaws.com', 'CreateLogStream', false],
  ['dynamodb.amazonaws.com', 'DescribeTable', true],
  ['sqs.amazonaws.com', 'GetQueueUrl', true],
  ['sns.amazonaws.com', 'GetTopicAttributes', true],
  ['states.amazonaws.com', 'StartExecution', false],
  ['athena.amazonaws.com', 'StartQueryExecution', false],
  ['glue.amazonaws.com', 'GetTable', true],
  ['ecr.amazonaws.com', 'GetAuthorizationToken', true],
];

/** What a compromised function does first: reconnaissance, credentials, escalation, blinding. */
export const UNUSUAL_CALLS: readonly [string, string, boolean][] = [
  ['iam.amazonaws.com', 'ListUsers', true],
  ['iam.amazonaws.com', 'ListRoles', true],
  ['iam.amazonaws.com', 'CreateUser', false],
  ['iam.amazonaws.com', 'CreateAccessKey', false],
  ['iam.amazonaws.com', 'AttachRolePolicy', false],
  ['sts.amazonaws.com', 'GetSessionToken', true],
  ['s3.amazonaws.com', 'ListBuckets', true],
  ['s3.amazonaws.com', 'PutBucketPolicy', false],
  ['ec2.amazonaws.com', 'DescribeInstances', true],
  ['ec2.amazonaws.com', 'RunInstances', false],
  ['secretsmanager.amazonaws.com', 'ListSecrets', true],
  ['lambda.amazonaws.com', 'ListFunctions20150331', true],
  ['dynamodb.amazonaws.com', 'ListTables', true],
  ['kms.amazonaws.com', 'ListKeys', true],
  ['cloudtrail.amazonaws.com', 'StopLogging', false],
  ['organizations.amazonaws.com', 'DescribeOrganization', true],
  ['ssm.amazonaws.com', 'GetParametersByPath', true],
  ['guardduty.amazonaws.com', 'ListDetectors', true],
];

function calls(rng: Rng): CallProfile[] {
  const out: CallProfile[] = [];
  const n = rng.int(1, 5);
  const pool = [...STABLE_CALLS];
  for (let i = 0; i < n && pool.length; i++) {
    const [eventSource, eventName, readOnly] = pool.splice(rng.int(0, pool.length - 1), 1)[0];
    out.push({ eventSource, eventName, readOnly, perHour: rng.float(0.1, 2) });
  }
  // Some functions also make a call about once a week (a monthly report, a key rotation check):
  // rare enough that a two-week baseline can miss it.
  if (rng.chance(0.2) && pool.length) {
    const [eventSource, eventName, readOnly] = pool.splice(rng.int(0, pool.length - 1), 1)[0];
    out.push({ eventSource, eventName, readOnly, perHour: 0.005 });
  }
  return out;
}

function bursts(rng: Rng, start: number, end: number): Burst[] {
  const out: Burst[] = [];
  const weeks = (end - start) / (7 * 86400);
  const n = rng.poisson(2 * weeks);
  for (let i = 0; i < n; i++) {
    const s = Math.floor(rng.float(start, end - 3600) / 60) * 60;
    out.push({ start: s, end: s + rng.int(5, 30) * 60, factor: rng.float(1.3, 2) });
  }
  return out.sort((a, b) => a.start - b.start);
}

export function makeProfile(name: string, roleArn: string, rng: Rng, start: number, end: number): FunctionProfile {
  const r = rng.next();
  const kind: TrafficKind = r < 0.7 ? 'api' : r < 0.85 ? 'scheduled' : 'sparse';
  const days = Math.ceil((end - start) / 86400) + 1;
  return {
    name,
    roleArn,
    kind,
    // Log-uniform from 0.5 to 500 a minute for APIs; 0.05–0.5 for rarely used functions.
    peakPerMinute: kind === 'sparse' ? Math.exp(rng.float(Math.log(0.05), Math.log(0.5))) : Math.exp(rng.float(Math.log(0.5), Math.log(500))),
    nightRatio: rng.float(0.03, 0.6),
    peakHour: rng.int(10, 20),
    weekendFactor: rng.chance(0.2) ? rng.float(1.1, 1.6) : rng.float(0.3, 1),
    everyMinutes: rng.pick([1, 5, 10, 15, 60]),
    dayLevels: Array.from({ length: days }, () => Math.exp(0.08 * rng.normal())),
    bursts: kind === 'api' ? bursts(rng, start, end) : [],
    calls: calls(rng),
    errorRate: rng.float(0.001, 0.02),
    durationMs: Math.exp(rng.float(Math.log(20), Math.log(1500))),
    tailFactor: rng.float(2, 6),
  };
}

/** The daily shape (night level to 1 at the peak hour) at an hour of the day (fractional). */
export function shapeAt(p: FunctionProfile, hourOfDay: number): number {
  const daily = (1 + Math.cos((2 * Math.PI * (hourOfDay - p.peakHour)) / 24)) / 2;
  return p.nightRatio + (1 - p.nightRatio) * daily * daily;
}

/** `shapeAt` for every minute of the day, so that generating a point costs a lookup. */
export function shapeTable(p: FunctionProfile): Float64Array {
  const table = new Float64Array(1440);
  for (let m = 0; m < 1440; m++) table[m] = shapeAt(p, m / 60);
  return table;
}

/** Invocations per minute the profile expects at time t (before noise and bursts). */
export function rateAt(p: FunctionProfile, t: number, worldStart: number, table?: Float64Array): number {
  if (p.kind === 'scheduled') return 1 / p.everyMinutes;
  const shape = table ? table[Math.floor(t / 60) % 1440] : shapeAt(p, (t / 3600) % 24);
  const weekday = (Math.floor(t / 86400) + 4) % 7;
  const weekend = weekday === 0 || weekday === 6 ? p.weekendFactor : 1;
  const level = p.dayLevels[Math.min(p.dayLevels.length - 1, Math.max(0, Math.floor((t - worldStart) / 86400)))];
  return p.peakPerMinute * shape * weekend * level;
}
