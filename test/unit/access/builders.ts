// Small, readable builders for hand-written account snapshots in the access tests.
import { emptySnapshot, type AccountSnapshot, type FunctionUrlInfo, type IamGroup, type IamRole, type IamUser, type LiveFunction, type ManagedPolicy, type PolicyJson } from '../../../src/core/inventory/accountModel';
import { parsePolicy } from '../../../src/core/access/policyParse';
import type { PolicySet } from '../../../src/core/access/evaluatePolicies';

export const ACCOUNT = '111111111111';
export const OTHER = '222222222222';
export const REGION = 'us-east-1';
export const FN = `arn:aws:lambda:${REGION}:${ACCOUNT}:function:`;
export const ROLE = `arn:aws:iam::${ACCOUNT}:role/`;
export const USER = `arn:aws:iam::${ACCOUNT}:user/`;
export const POLICY = `arn:aws:iam::${ACCOUNT}:policy/`;

/** A 2012-10-17 policy with the statements as an array. */
export function doc(...statements: unknown[]): PolicyJson {
  return { Version: '2012-10-17', Statement: statements };
}

export function allow(action: string | string[], resource: string | string[] = '*', extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { Effect: 'Allow', Action: action, Resource: resource, ...extra };
}

export function deny(action: string | string[], resource: string | string[] = '*', extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { Effect: 'Deny', Action: action, Resource: resource, ...extra };
}

interface HolderOpts {
  inline?: Record<string, PolicyJson>;
  attached?: string[];
  boundary?: string;
  tags?: Record<string, string>;
}

function holder(name: string, arn: string, o: HolderOpts): Omit<IamRole, 'trustPolicy'> {
  return {
    arn,
    name,
    inlinePolicies: Object.entries(o.inline ?? {}).map(([n, document]) => ({ name: n, document })),
    attachedPolicies: (o.attached ?? []).map((a) => ({ arn: a, name: a.slice(a.lastIndexOf('/') + 1) })),
    ...(o.boundary ? { permissionsBoundary: o.boundary } : {}),
    ...(o.tags ? { tags: o.tags } : {}),
  };
}

export function role(name: string, o: HolderOpts = {}): IamRole {
  return { ...holder(name, ROLE + name, o), trustPolicy: doc({ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }) };
}

export function user(name: string, o: HolderOpts & { groups?: string[] } = {}): IamUser {
  return { ...holder(name, USER + name, o), groups: o.groups ?? [] };
}

export function group(name: string, o: { inline?: Record<string, PolicyJson>; attached?: string[] } = {}): IamGroup {
  const h = holder(name, `arn:aws:iam::${ACCOUNT}:group/${name}`, o);
  return { arn: h.arn, name: h.name, inlinePolicies: h.inlinePolicies, attachedPolicies: h.attachedPolicies };
}

/** A customer managed policy; `document` undefined models one the collector could not read. */
export function managed(name: string, document: PolicyJson | undefined): ManagedPolicy {
  return { arn: POLICY + name, name, awsManaged: false, ...(document ? { document, documentSource: 'account' as const } : {}) };
}

export function fn(name: string, o: { role?: string; policy?: PolicyJson; url?: FunctionUrlInfo; tags?: Record<string, string> } = {}): LiveFunction {
  return {
    name,
    arn: FN + name,
    region: REGION,
    role: o.role ?? `${ROLE}${name}-role`,
    tags: o.tags ?? {},
    environment: {},
    layers: [],
    eventSourceMappings: [],
    ...(o.policy ? { resourcePolicy: o.policy } : {}),
    ...(o.url ? { url: o.url } : {}),
  };
}

export function snapshot(parts: { functions?: LiveFunction[]; roles?: IamRole[]; users?: IamUser[]; groups?: IamGroup[]; policies?: ManagedPolicy[] }): AccountSnapshot {
  const s = emptySnapshot({ id: ACCOUNT, partition: 'aws' }, [REGION], { kind: 'snapshot' });
  s.functions = parts.functions ?? [];
  s.iam = { roles: parts.roles ?? [], users: parts.users ?? [], groups: parts.groups ?? [], policies: parts.policies ?? [] };
  return s;
}

/** A policy set for the evaluator: identity documents, an optional boundary document. */
export function policySet(identity: PolicyJson[], boundary?: PolicyJson): PolicySet {
  return {
    identity: identity.map((d, i) => ({ policy: parsePolicy(d, `policy ${i + 1}`, 'identity') })),
    ...(boundary ? { boundary: parsePolicy(boundary, 'boundary', 'identity') } : {}),
    unknownPolicies: [],
  };
}
