/**
 * Runtime data for a time range: CloudWatch metrics, VPC flow-log aggregates and CloudTrail events.
 * Collected from AWS (monitor, `snapshot --telemetry`), embedded in the demo account, and read by the
 * baselines and the dashboard. Times are epoch seconds in series and ISO 8601 strings elsewhere.
 */
import type { CollectError } from './accountModel';

export type MetricName = 'Invocations' | 'Errors' | 'Throttles' | 'DurationP50' | 'DurationP99' | 'ConcurrentExecutions';

export const METRIC_NAMES: readonly MetricName[] = ['Invocations', 'Errors', 'Throttles', 'DurationP50', 'DurationP99', 'ConcurrentExecutions'];

/** One metric of one function: parallel arrays, ascending timestamps (epoch seconds, period start). */
export interface MetricSeries {
  functionName: string;
  region: string;
  metric: MetricName;
  /** Seconds per point. */
  period: number;
  timestamps: number[];
  values: number[];
}

/**
 * Flow-log records aggregated by interface, peer, service port, protocol and direction — and by hour
 * (`first`/`last` fall inside one hour) so that a baseline and a window can be told apart.
 */
export interface FlowSummary {
  interfaceId: string;
  /** The interface's own address in these records (the Lambda ENI side). */
  localAddr?: string;
  /** The other side's address. */
  peer: string;
  /** The service port: the well-known side of the connection, not the ephemeral one. */
  port: number;
  /** IANA protocol number (6 TCP, 17 UDP, 1 ICMP). */
  protocol: number;
  /** `egress`: the interface connects to the peer's service port; `ingress`: the peer connects to it. */
  direction: 'egress' | 'ingress' | 'unknown';
  bytes: number;
  packets: number;
  /** Number of ACCEPT records. */
  accepted: number;
  /** Number of REJECT records. */
  rejected: number;
  /** Epoch seconds. */
  first: number;
  last: number;
}

/** Counts of records that carried no flow, per interface (NODATA, SKIPDATA). */
export interface FlowGaps {
  interfaceId: string;
  nodata: number;
  skipdata: number;
}

export interface FlowLogConfig {
  id: string;
  region: string;
  /** The ENI, subnet or VPC the flow log covers. */
  resourceId: string;
  /** The fields in order, from the flow log's LogFormat (the default v2 format when not set). */
  logFormat: string;
  destinationType: 'cloud-watch-logs' | 's3' | 'kinesis-data-firehose' | string;
  logGroupName?: string;
  /** S3 destination ARN, e.g. `arn:aws:s3:::bucket/prefix`. */
  destination?: string;
  trafficType?: string;
}

/** A CloudTrail record, reduced to what the activity analysis needs (read from LookupEvents or a log group). */
export interface TrailEvent {
  eventId: string;
  /** ISO 8601. */
  time: string;
  /** e.g. `lambda.amazonaws.com`. */
  eventSource: string;
  /** As recorded, with any API-version suffix (`UpdateFunctionCode20150331v2`). */
  eventName: string;
  region: string;
  userIdentity: {
    type?: string;
    arn?: string;
    principalId?: string;
    accountId?: string;
    /** For assumed-role sessions: the role ARN. */
    sessionIssuerArn?: string;
    invokedBy?: string;
  };
  sourceIp?: string;
  userAgent?: string;
  errorCode?: string;
  readOnly?: boolean;
  requestParameters?: Record<string, unknown>;
  /** What the call returned, when CloudTrail recorded it: the new `codeSha256` of UpdateFunctionCode, the `functionArn` of an event source mapping. */
  responseElements?: Record<string, unknown>;
  resources?: { arn?: string; type?: string }[];
}

export interface TrailInfo {
  name: string;
  region: string;
  arn?: string;
  /** Set when the trail delivers to CloudWatch Logs. */
  logGroupArn?: string;
  isMultiRegion?: boolean;
}

export interface Telemetry {
  /** ISO 8601: the range the data covers. */
  start: string;
  end: string;
  metrics: MetricSeries[];
  flows: FlowSummary[];
  flowGaps: FlowGaps[];
  flowLogs: FlowLogConfig[];
  events: TrailEvent[];
  trails: TrailInfo[];
  /**
   * Reads that failed or were cut short (AWS collection): telemetry is then partial, and each entry says
   * what is missing and why (with the missing IAM action for access denied). Absent when nothing failed.
   */
  errors?: CollectError[];
}

export function emptyTelemetry(start: Date, end: Date): Telemetry {
  return { start: start.toISOString(), end: end.toISOString(), metrics: [], flows: [], flowGaps: [], flowLogs: [], events: [], trails: [] };
}
