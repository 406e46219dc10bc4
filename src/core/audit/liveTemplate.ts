import type { AccountSnapshot, IamRole, LiveFunction, ManagedPolicy } from '../inventory/accountModel';
import type { SourceRange } from '../model/sourceRange';
import { parseJson } from '../iac/tree/parseJson';
import { get, scalarString, type TNode } from '../iac/tree/tnode';
import { permissionsFromResourcePolicy } from './resourcePolicyPermissions';

/** A named part of the live document: tree nodes and "Show Policy" open and mark these ranges. */
export interface LivePart {
  kind: 'trust' | 'inline' | 'managed' | 'managedArn' | 'boundary' | 'permission' | 'url' | 'environment' | 'alarm';
  name: string;
  range: SourceRange;
}

/**
 * A deployed function's security configuration written as a CloudFormation template: the function
 * (environment), its execution role (trust policy, inline policies, managed policies — customer
 * managed ones with their documents), its resource-policy permissions, its URL and the alarms on it.
 * The template rules then judge live configuration exactly as they judge source, and each finding has
 * a line in this document, which the editor shows read-only ("Show Policy").
 */
export interface LiveTemplate {
  /** Pretty-printed JSON: the document findings' ranges point into. */
  text: string;
  /** Logical id of each part, for messages and tree nodes. */
  functionKey: string;
  roleKey?: string;
  /** Resource-policy statements that could not be expressed as permissions (shown in the tree as is). */
  unmapped: unknown[];
  parts: LivePart[];
}

/** A logical id for `name` that is not taken yet (names of functions, roles and policies may collide). */
function uniqueKey(name: string, taken: Set<string>, prefix: string): string {
  let key = taken.has(name) ? `${prefix} ${name}` : name;
  for (let i = 2; taken.has(key); i++) key = `${prefix} ${name} (${i})`;
  taken.add(key);
  return key;
}

/**
 * Strings naming the audited account are written `${AWS::AccountId}`, as templates write them: the rules
 * treat every literal account id as another account. `${` already in a string is escaped (`${!`).
 */
function ownAccountAsPseudo(value: unknown, account: string): unknown {
  if (typeof value === 'string') {
    if (!account || !value.includes(account)) return value;
    return { 'Fn::Sub': value.split('${').join('${!').split(account).join('${AWS::AccountId}') };
  }
  if (Array.isArray(value)) return value.map((v) => ownAccountAsPseudo(v, account));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, ownAccountAsPseudo(v, account)]));
  }
  return value;
}

function alarmsOn(fn: LiveFunction, snapshot: AccountSnapshot): Record<string, unknown>[] {
  const names = new Set([fn.name, fn.arn]);
  return snapshot.alarms
    .filter((a) => a.region === fn.region)
    .flatMap((a) => {
      const metrics = [{ namespace: a.namespace, metricName: a.metricName, dimensions: a.dimensions }, ...(a.metrics ?? [])];
      const hit = metrics.find((m) => m.namespace === 'AWS/Lambda' && m.dimensions.some((d) => d.name === 'FunctionName' && names.has(d.value)));
      return hit ? [{ name: a.name, metricName: hit.metricName }] : [];
    });
}

function roleResource(role: IamRole, policies: Map<string, ManagedPolicy>): Record<string, unknown> {
  return {
    Type: 'AWS::IAM::Role',
    Properties: {
      RoleName: role.name,
      AssumeRolePolicyDocument: role.trustPolicy,
      ...(role.inlinePolicies.length ? { Policies: role.inlinePolicies.map((p) => ({ PolicyName: p.name, PolicyDocument: p.document })) } : {}),
      // Customer managed policies are judged by their documents (resources below); AWS managed ones by name here.
      ...(role.attachedPolicies.some((p) => !isCustomerPolicyWithDocument(p.arn, policies))
        ? { ManagedPolicyArns: role.attachedPolicies.filter((p) => !isCustomerPolicyWithDocument(p.arn, policies)).map((p) => p.arn) }
        : {}),
      ...(role.permissionsBoundary ? { PermissionsBoundary: role.permissionsBoundary } : {}),
    },
  };
}

function isCustomerPolicyWithDocument(arn: string, policies: Map<string, ManagedPolicy>): boolean {
  const p = policies.get(arn);
  return !!p && !p.awsManaged && !!p.document;
}

export function findRole(snapshot: AccountSnapshot, arn: string): IamRole | undefined {
  return snapshot.iam.roles.find((r) => r.arn === arn) ?? snapshot.iam.roles.find((r) => r.name === arn.slice(arn.lastIndexOf('/') + 1));
}

export function buildLiveTemplate(fn: LiveFunction, snapshot: AccountSnapshot): LiveTemplate {
  const taken = new Set<string>();
  const resources: Record<string, unknown> = {};
  const functionKey = uniqueKey(fn.name, taken, 'function');
  const role = findRole(snapshot, fn.role);
  const roleKey = role ? uniqueKey(role.name, taken, 'role') : undefined;
  resources[functionKey] = {
    Type: 'AWS::Lambda::Function',
    Properties: {
      FunctionName: fn.name,
      Role: roleKey ? { 'Fn::GetAtt': [roleKey, 'Arn'] } : fn.role,
      ...(fn.runtime ? { Runtime: fn.runtime } : {}),
      ...(Object.keys(fn.environment).length ? { Environment: { Variables: fn.environment } } : {}),
    },
  };
  if (role && roleKey) {
    const policies = new Map(snapshot.iam.policies.map((p) => [p.arn, p]));
    resources[roleKey] = roleResource(role, policies);
    for (const ref of role.attachedPolicies) {
      const p = policies.get(ref.arn);
      if (!p || !isCustomerPolicyWithDocument(ref.arn, policies)) continue;
      resources[uniqueKey(p.name, taken, 'policy')] = { Type: 'AWS::IAM::ManagedPolicy', Properties: { PolicyDocument: p.document, Roles: [{ Ref: roleKey }] } };
    }
  }
  const { permissions, unmapped } = permissionsFromResourcePolicy(fn.resourcePolicy);
  for (const p of permissions) {
    resources[uniqueKey(`permission ${p.sid}`, taken, 'permission')] = { Type: 'AWS::Lambda::Permission', Properties: { FunctionName: { Ref: functionKey }, ...p.properties } };
  }
  if (fn.url) {
    resources[uniqueKey('function URL', taken, 'url')] = { Type: 'AWS::Lambda::Url', Properties: { TargetFunctionArn: { Ref: functionKey }, AuthType: fn.url.authType } };
  }
  for (const a of alarmsOn(fn, snapshot)) {
    resources[uniqueKey(`alarm ${a.name}`, taken, 'alarm')] = {
      Type: 'AWS::CloudWatch::Alarm',
      Properties: { Namespace: 'AWS/Lambda', MetricName: a.metricName, Dimensions: [{ Name: 'FunctionName', Value: { Ref: functionKey } }] },
    };
  }
  const template = { AWSTemplateFormatVersion: '2010-09-09', Description: `Live configuration of ${fn.arn}`, Resources: ownAccountAsPseudo(resources, snapshot.account.id) };
  const text = `${JSON.stringify(template, null, 2)}\n`;
  return { text, functionKey, roleKey, unmapped, parts: partsOf(text) };
}

const PART_OF_TYPE: Record<string, LivePart['kind']> = {
  'AWS::IAM::ManagedPolicy': 'managed',
  'AWS::Lambda::Permission': 'permission',
  'AWS::Lambda::Url': 'url',
  'AWS::CloudWatch::Alarm': 'alarm',
};

/** The ranges of the document's parts, read back from the text so they are exactly what the editor shows. */
function partsOf(text: string): LivePart[] {
  const root = parseJson(text, 'live').root;
  const parts: LivePart[] = [];
  const resources = get(root, 'Resources');
  for (const e of resources?.kind === 'map' ? resources.entries : []) {
    const type = scalarString(get(e.value, 'Type')) ?? '';
    const props = get(e.value, 'Properties');
    if (PART_OF_TYPE[type]) parts.push({ kind: PART_OF_TYPE[type], name: e.key, range: e.range });
    if (type === 'AWS::Lambda::Function') {
      const env = get(props, 'Environment');
      if (env) parts.push({ kind: 'environment', name: 'environment', range: env.range });
    }
    if (type !== 'AWS::IAM::Role') continue;
    const trust = get(props, 'AssumeRolePolicyDocument');
    if (trust) parts.push({ kind: 'trust', name: 'trust policy', range: trust.range });
    for (const p of seqItems(get(props, 'Policies'))) parts.push({ kind: 'inline', name: scalarString(get(p, 'PolicyName')) ?? '?', range: p.range });
    for (const a of seqItems(get(props, 'ManagedPolicyArns'))) parts.push({ kind: 'managedArn', name: arnText(a), range: a.range });
    const boundary = get(props, 'PermissionsBoundary');
    if (boundary) parts.push({ kind: 'boundary', name: arnText(boundary), range: boundary.range });
  }
  return parts;
}

function seqItems(n: TNode | undefined): TNode[] {
  return n?.kind === 'seq' ? n.items : [];
}

/** An ARN as written in the document (own-account ARNs are `Fn::Sub` strings there). */
function arnText(n: TNode): string {
  if (n.kind === 'fn' && n.name === 'Fn::Sub') return (scalarString(n.arg) ?? '?').split('${AWS::AccountId}').join('<account>');
  return scalarString(n) ?? '?';
}

/** Whether a range lies inside another (live findings inside a document part). */
export function within(inner: SourceRange, outer: SourceRange): boolean {
  const after = inner.startLine > outer.startLine || (inner.startLine === outer.startLine && inner.startColumn >= outer.startColumn);
  const before = inner.endLine < outer.endLine || (inner.endLine === outer.endLine && inner.endColumn <= outer.endColumn);
  return after && before;
}
