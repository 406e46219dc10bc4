/**
 * The deployed account as Lambda Guard sees it: one plain, JSON-serialisable object that the AWS
 * collectors produce, snapshots save and load, the embedded demo account ships, and every view reads.
 * Nothing here knows where the data came from; `source` says it for the user.
 */
import type { Telemetry } from './telemetryModel';

/** A raw IAM policy document, already decoded from the URL encoding IAM returns and parsed. */
export interface PolicyJson {
  Version?: string;
  Id?: string;
  Statement?: unknown;
  [key: string]: unknown;
}

export interface EventSourceMapping {
  uuid: string;
  eventSourceArn?: string;
  state?: string;
  batchSize?: number;
  /** For self-managed Kafka and MQ sources: the broker endpoints, as text. */
  selfManagedSource?: string;
}

export interface FunctionUrlInfo {
  url: string;
  authType: 'NONE' | 'AWS_IAM' | string;
  cors?: { allowOrigins?: string[]; allowMethods?: string[]; allowCredentials?: boolean };
}

export interface VpcConfigInfo {
  vpcId?: string;
  subnetIds: string[];
  securityGroupIds: string[];
}

export interface LiveFunction {
  name: string;
  arn: string;
  region: string;
  /** Execution role ARN. */
  role: string;
  runtime?: string;
  handler?: string;
  packageType?: string;
  codeSha256?: string;
  codeSize?: number;
  /** ISO 8601. */
  lastModified?: string;
  memorySize?: number;
  timeout?: number;
  description?: string;
  tags: Record<string, string>;
  environment: Record<string, string>;
  layers: string[];
  vpc?: VpcConfigInfo;
  /** Lambda GetPolicy: the resource-based policy, parsed; undefined when the function has none. */
  resourcePolicy?: PolicyJson;
  eventSourceMappings: EventSourceMapping[];
  url?: FunctionUrlInfo;
}

export interface AttachedPolicyRef {
  arn: string;
  name: string;
}

export interface InlinePolicy {
  name: string;
  document: PolicyJson;
}

interface IamPrincipalBase {
  arn: string;
  name: string;
  path?: string;
  inlinePolicies: InlinePolicy[];
  attachedPolicies: AttachedPolicyRef[];
  /** ARN of the managed policy used as permissions boundary. */
  permissionsBoundary?: string;
  tags?: Record<string, string>;
}

export interface IamRole extends IamPrincipalBase {
  trustPolicy: PolicyJson;
}

export interface IamUser extends IamPrincipalBase {
  /** Names of the groups the user is a member of. */
  groups: string[];
}

export type IamGroup = Omit<IamPrincipalBase, 'permissionsBoundary' | 'tags'>;

export interface ManagedPolicy {
  arn: string;
  name: string;
  awsManaged: boolean;
  defaultVersionId?: string;
  /** The default version's document; undefined when it could not be read. */
  document?: PolicyJson;
  /** Where the document came from: the account, or the bundled AWS managed policy dataset. */
  documentSource?: 'account' | 'dataset';
}

export interface IamInventory {
  roles: IamRole[];
  users: IamUser[];
  groups: IamGroup[];
  /** Customer managed policies of the account and the AWS managed policies attached to something. */
  policies: ManagedPolicy[];
}

export interface NetworkInterfaceInfo {
  id: string;
  region: string;
  vpcId?: string;
  subnetId?: string;
  availabilityZone?: string;
  description: string;
  /** `lambda`, `interface`, `nat_gateway`, `vpc_endpoint` … */
  interfaceType?: string;
  requesterId?: string;
  requesterManaged?: boolean;
  status?: string;
  privateIps: string[];
  publicIp?: string;
  securityGroupIds: string[];
}

export interface SubnetInfo {
  id: string;
  region: string;
  vpcId: string;
  cidr: string;
  availabilityZone?: string;
  name?: string;
}

export interface SecurityGroupRule {
  protocol: string;
  fromPort?: number;
  toPort?: number;
  /** CIDRs, prefix lists or security-group ids the rule allows. */
  peers: string[];
}

export interface SecurityGroupInfo {
  id: string;
  region: string;
  vpcId?: string;
  name: string;
  description?: string;
  ingress: SecurityGroupRule[];
  egress: SecurityGroupRule[];
}

export interface NetworkInventory {
  interfaces: NetworkInterfaceInfo[];
  subnets: SubnetInfo[];
  securityGroups: SecurityGroupInfo[];
}

export interface MetricAlarmInfo {
  name: string;
  arn?: string;
  region: string;
  namespace?: string;
  metricName?: string;
  dimensions: { name: string; value: string }[];
  /** Metrics of a metric-math alarm, each with its namespace, name and dimensions. */
  metrics?: { namespace?: string; metricName?: string; dimensions: { name: string; value: string }[] }[];
  state?: string;
  actionsEnabled?: boolean;
}

export type CollectErrorKind = 'denied' | 'throttled' | 'credentials' | 'network' | 'timeout' | 'notFound' | 'cancelled' | 'other';

/** An AWS call that failed: shown as a node in the tree and as an `errors` entry in reports. */
export interface CollectError {
  service: string;
  operation: string;
  region?: string;
  /** The resource the call was about, e.g. a function name. */
  resource?: string;
  kind: CollectErrorKind;
  message: string;
  /** For `denied`: the IAM action the caller lacks, e.g. `lambda:GetPolicy`. */
  missingPermission?: string;
}

export interface AccountIdentity {
  id: string;
  /** `aws`, `aws-cn`, `aws-us-gov`. */
  partition: string;
  /** STS GetCallerIdentity ARN of whoever collected the snapshot. */
  callerArn?: string;
  alias?: string;
}

export interface SnapshotSource {
  kind: 'aws' | 'demo' | 'snapshot';
  profile?: string;
  endpoint?: string;
  /** The file a snapshot was loaded from. */
  file?: string;
}

export const SNAPSHOT_FORMAT = 'lambda-guard-snapshot';
export const SNAPSHOT_VERSION = 1;

export interface AccountSnapshot {
  format: typeof SNAPSHOT_FORMAT;
  version: typeof SNAPSHOT_VERSION;
  account: AccountIdentity;
  regions: string[];
  /** ISO 8601: when the collection finished. */
  collectedAt: string;
  source: SnapshotSource;
  functions: LiveFunction[];
  iam: IamInventory;
  network: NetworkInventory;
  alarms: MetricAlarmInfo[];
  errors: CollectError[];
  /** Runtime data (metrics, flow logs, CloudTrail) when collected with telemetry. */
  telemetry?: Telemetry;
}

export function emptySnapshot(account: AccountIdentity, regions: string[], source: SnapshotSource): AccountSnapshot {
  return {
    format: SNAPSHOT_FORMAT,
    version: SNAPSHOT_VERSION,
    account,
    regions,
    collectedAt: new Date(0).toISOString(),
    source,
    functions: [],
    iam: { roles: [], users: [], groups: [], policies: [] },
    network: { interfaces: [], subnets: [], securityGroups: [] },
    alarms: [],
    errors: [],
  };
}
