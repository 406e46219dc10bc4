// Small builders for hand-written account snapshots in the audit tests (unit and CLI).
import {
  emptySnapshot,
  type AccountSnapshot,
  type IamRole,
  type LiveFunction,
  type ManagedPolicy,
  type NetworkInterfaceInfo,
  type PolicyJson,
} from '../../../src/core/inventory/accountModel';
import type { CliIo } from '../../../src/cli/cliCommand';
import type { SourceRange } from '../../../src/core/model/sourceRange';

export const ACCOUNT = '111122223333';
export const OTHER_ACCOUNT = '999988887777';
export const REGION = 'us-east-1';
export const FN = `arn:aws:lambda:${REGION}:${ACCOUNT}:function:`;
export const ROLE = `arn:aws:iam::${ACCOUNT}:role/`;

export const LAMBDA_TRUST: PolicyJson = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
};

/** A 2012-10-17 policy with the statements as an array. */
export function doc(...statements: unknown[]): PolicyJson {
  return { Version: '2012-10-17', Statement: statements };
}

/** An execution role trusted by Lambda; `inline` maps policy names to documents, `attached` lists managed policy ARNs. */
export function role(name: string, o: { inline?: Record<string, PolicyJson>; attached?: string[]; trust?: PolicyJson } = {}): IamRole {
  return {
    arn: ROLE + name,
    name,
    trustPolicy: o.trust ?? LAMBDA_TRUST,
    inlinePolicies: Object.entries(o.inline ?? {}).map(([n, document]) => ({ name: n, document })),
    attachedPolicies: (o.attached ?? []).map((arn) => ({ arn, name: arn.slice(arn.lastIndexOf('/') + 1) })),
  };
}

/** A function of the account in REGION whose role is `<name>-role` unless given. */
export function fn(name: string, o: Partial<LiveFunction> = {}): LiveFunction {
  return {
    name,
    arn: FN + name,
    region: REGION,
    role: `${ROLE}${name}-role`,
    runtime: 'nodejs20.x',
    tags: {},
    environment: {},
    layers: [],
    eventSourceMappings: [],
    ...o,
  };
}

export function customerPolicy(name: string, document: PolicyJson | undefined): ManagedPolicy {
  return { arn: `arn:aws:iam::${ACCOUNT}:policy/${name}`, name, awsManaged: false, ...(document ? { document, documentSource: 'account' as const } : {}) };
}

export function lambdaEni(id: string, subnetId: string, securityGroupIds: string[], o: Partial<NetworkInterfaceInfo> = {}): NetworkInterfaceInfo {
  const description = `AWS Lambda VPC ENI-x-${id}`;
  return { id, region: REGION, vpcId: 'vpc-1', subnetId, description, interfaceType: 'lambda', privateIps: ['10.0.0.1'], securityGroupIds, ...o };
}

interface SnapshotParts {
  functions?: LiveFunction[];
  roles?: IamRole[];
  policies?: ManagedPolicy[];
  interfaces?: NetworkInterfaceInfo[];
}

export function snapshot(parts: SnapshotParts = {}): AccountSnapshot {
  const s = emptySnapshot({ id: ACCOUNT, partition: 'aws' }, [REGION], { kind: 'snapshot' });
  s.collectedAt = '2026-05-01T10:00:00.000Z';
  s.functions = parts.functions ?? [];
  s.iam.roles = parts.roles ?? [];
  s.iam.policies = parts.policies ?? [];
  s.network.interfaces = parts.interfaces ?? [];
  return s;
}

/** The text a 1-based, end-exclusive range covers in `text`, without the JSON quotes around a string. */
export function textAt(text: string, r: SourceRange): string {
  const lines = text.split('\n');
  const out = r.startLine === r.endLine
    ? lines[r.startLine - 1].slice(r.startColumn - 1, r.endColumn - 1)
    : [lines[r.startLine - 1].slice(r.startColumn - 1), ...lines.slice(r.startLine, r.endLine - 1), lines[r.endLine - 1].slice(0, r.endColumn - 1)].join('\n');
  return out.replace(/^"(.*)"$/s, '$1');
}

/** A CLI io that keeps what a command prints. */
export function memoryIo(cwd: string): CliIo & { out: string; err: string } {
  const io = { cwd, out: '', err: '', stdout: (t: string) => void (io.out += t), stderr: (t: string) => void (io.err += t) };
  return io;
}
