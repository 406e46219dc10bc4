// A generated account for the access benchmark: functions, roles, users and groups with a realistic mix
// of policies (execution roles, CI deployers, admins, builders with PassRole, boundaries, ABAC, resource
// policies with service principals, public URLs, cross-account grants). Deterministic.
import { emptySnapshot, type AccountSnapshot, type IamRole, type IamUser, type LiveFunction, type ManagedPolicy, type PolicyJson } from '../../src/core/inventory/accountModel';

const ACCOUNT = '123456789012';
const REGIONS = ['us-east-1', 'eu-west-1'];

const doc = (...Statement: unknown[]): PolicyJson => ({ Version: '2012-10-17', Statement });
const allow = (Action: string | string[], Resource: string | string[] = '*', extra: object = {}): object => ({ Effect: 'Allow', Action, Resource, ...extra });
const fnArn = (region: string, name: string): string => `arn:aws:lambda:${region}:${ACCOUNT}:function:${name}`;
const roleArn = (name: string): string => `arn:aws:iam::${ACCOUNT}:role/${name}`;
const policyArn = (name: string): string => `arn:aws:iam::${ACCOUNT}:policy/${name}`;

function role(name: string, inline: PolicyJson[], attached: string[] = [], boundary?: string, tags?: Record<string, string>): IamRole {
  return {
    arn: roleArn(name),
    name,
    inlinePolicies: inline.map((document, i) => ({ name: `p${i}`, document })),
    attachedPolicies: attached.map((arn) => ({ arn, name: arn.slice(arn.lastIndexOf('/') + 1) })),
    ...(boundary ? { permissionsBoundary: boundary } : {}),
    ...(tags ? { tags } : {}),
    trustPolicy: doc({ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }),
  };
}

export interface AccountSize {
  functions: number;
  roles: number;
  users: number;
}

export function generateAccount(size: AccountSize = { functions: 1000, roles: 300, users: 200 }): AccountSnapshot {
  const s = emptySnapshot({ id: ACCOUNT, partition: 'aws' }, REGIONS, { kind: 'snapshot' });
  const teams = 10;
  const policies: ManagedPolicy[] = [
    { arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess', name: 'ReadOnlyAccess', awsManaged: true, document: doc(allow(['lambda:Get*', 'lambda:List*', 's3:Get*', 'dynamodb:Describe*'])) },
    { arn: 'arn:aws:iam::aws:policy/AdministratorAccess', name: 'AdministratorAccess', awsManaged: true, document: doc(allow('*')) },
    { arn: policyArn('DevBoundary'), name: 'DevBoundary', awsManaged: false, document: doc(allow(['lambda:*', 'logs:*', 's3:*'], '*', { Condition: { StringEquals: { 'aws:RequestedRegion': REGIONS } } })) },
    { arn: policyArn('Unreadable'), name: 'Unreadable', awsManaged: false },
  ];
  for (let t = 0; t < teams; t++) {
    policies.push({
      arn: policyArn(`team-${t}-deploy`),
      name: `team-${t}-deploy`,
      awsManaged: false,
      document: doc(allow(['lambda:UpdateFunctionCode', 'lambda:UpdateFunctionConfiguration'], `arn:aws:lambda:*:${ACCOUNT}:function:team-${t}-*`), allow('lambda:InvokeFunction', `arn:aws:lambda:*:${ACCOUNT}:function:team-${t}-*`)),
    });
  }
  const execRoles = Math.floor(size.roles * 0.66);
  const roles: IamRole[] = [];
  for (let i = 0; i < execRoles; i++) {
    const t = i % teams;
    const stmts = [allow(['dynamodb:GetItem', 'dynamodb:PutItem'], `arn:aws:dynamodb:*:${ACCOUNT}:table/team-${t}-*`), allow(['logs:CreateLogStream', 'logs:PutLogEvents'])];
    if (i % 5 === 0) stmts.push(allow('lambda:InvokeFunction', `arn:aws:lambda:*:${ACCOUNT}:function:team-${t}-*`));
    roles.push(role(`team-${t}-exec-${i}`, [doc(...stmts)], i % 7 === 0 ? ['arn:aws:iam::aws:policy/ReadOnlyAccess'] : []));
  }
  for (let i = execRoles; i < size.roles; i++) {
    const kind = i % 6;
    const t = i % teams;
    if (kind === 0) roles.push(role(`admin-${i}`, [], ['arn:aws:iam::aws:policy/AdministratorAccess']));
    else if (kind === 1) roles.push(role(`ci-${i}`, [], [policyArn(`team-${t}-deploy`)]));
    else if (kind === 2) roles.push(role(`builder-${i}`, [doc(allow('iam:PassRole', roleArn(`team-${t}-*`), { Condition: { StringEquals: { 'iam:PassedToService': 'lambda.amazonaws.com' } } }), allow('lambda:CreateFunction'))]));
    else if (kind === 3) roles.push(role(`dev-${i}`, [doc(allow('*'))], [], policyArn('DevBoundary')));
    else if (kind === 4) roles.push(role(`abac-${i}`, [doc(allow(['lambda:Update*', 'lambda:InvokeFunction'], '*', { Condition: { StringEquals: { 'aws:ResourceTag/team': `team-${t}` } } }))]));
    else roles.push(role(`auditor-${i}`, [], ['arn:aws:iam::aws:policy/ReadOnlyAccess', policyArn('Unreadable')]));
  }
  const users: IamUser[] = [];
  for (let i = 0; i < size.users; i++) {
    const t = i % teams;
    users.push({
      arn: `arn:aws:iam::${ACCOUNT}:user/u${i}`,
      name: `u${i}`,
      inlinePolicies: i % 4 === 0 ? [{ name: 'mfa', document: doc(allow('lambda:*', `arn:aws:lambda:*:${ACCOUNT}:function:team-${t}-*`, { Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } })) }] : [],
      attachedPolicies: i % 10 === 0 ? [{ arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess', name: 'ReadOnlyAccess' }] : [],
      groups: [`team-${t}`, ...(i % 25 === 0 ? ['admins'] : [])],
    });
  }
  const groups = [
    ...Array.from({ length: teams }, (_, t) => ({ arn: `arn:aws:iam::${ACCOUNT}:group/team-${t}`, name: `team-${t}`, inlinePolicies: [], attachedPolicies: [{ arn: policyArn(`team-${t}-deploy`), name: `team-${t}-deploy` }] })),
    { arn: `arn:aws:iam::${ACCOUNT}:group/admins`, name: 'admins', inlinePolicies: [{ name: 'all', document: doc(allow('*'), { Effect: 'Deny', Action: 'iam:*', Resource: '*' }) }], attachedPolicies: [] },
  ];
  const functions: LiveFunction[] = [];
  for (let i = 0; i < size.functions; i++) {
    const t = i % teams;
    const region = REGIONS[i % REGIONS.length];
    const name = `team-${t}-fn-${i}`;
    const arn = fnArn(region, name);
    const stmts: object[] = [];
    if (i % 3 === 0) stmts.push({ Sid: 's3', Effect: 'Allow', Principal: { Service: 's3.amazonaws.com' }, Action: 'lambda:InvokeFunction', Resource: arn, Condition: { StringEquals: { 'AWS:SourceAccount': ACCOUNT }, ArnLike: { 'AWS:SourceArn': `arn:aws:s3:::bucket-${i}` } } });
    if (i % 5 === 0) stmts.push({ Sid: 'apigw', Effect: 'Allow', Principal: { Service: 'apigateway.amazonaws.com' }, Action: 'lambda:InvokeFunction', Resource: arn });
    if (i % 20 === 0) stmts.push({ Sid: 'url', Effect: 'Allow', Principal: '*', Action: 'lambda:InvokeFunctionUrl', Resource: arn, Condition: { StringEquals: { 'lambda:FunctionUrlAuthType': 'NONE' } } });
    if (i % 50 === 0) stmts.push({ Sid: 'partner', Effect: 'Allow', Principal: { AWS: '210987654321' }, Action: 'lambda:InvokeFunction', Resource: arn });
    if (i % 40 === 0) stmts.push({ Sid: 'ci', Effect: 'Allow', Principal: { AWS: roleArn(`team-${t}-exec-${t}`) }, Action: 'lambda:InvokeFunction', Resource: arn });
    functions.push({
      name,
      arn,
      region,
      role: roles[i % execRoles].arn,
      tags: { team: `team-${t}` },
      environment: {},
      layers: [],
      eventSourceMappings: [],
      ...(stmts.length ? { resourcePolicy: doc(...stmts) } : {}),
      ...(i % 20 === 0 ? { url: { url: `https://fn${i}.lambda-url.${region}.on.aws/`, authType: 'NONE' } } : {}),
    });
  }
  s.functions = functions;
  s.iam = { roles, users, groups, policies };
  return s;
}
