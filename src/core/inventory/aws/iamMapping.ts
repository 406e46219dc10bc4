/** GetAccountAuthorizationDetails entries → the snapshot's IAM types, with every document decoded. */
import type { GroupDetail, ManagedPolicyDetail, PolicyDetail, RoleDetail, UserDetail } from '@aws-sdk/client-iam';
import type { AttachedPolicyRef, CollectError, IamGroup, IamRole, IamUser, InlinePolicy, ManagedPolicy, PolicyJson } from '../accountModel';
import { decodePolicyDocument } from './policyDocument';

/** Where a bad document is reported. */
export type ReportBadDocument = (error: CollectError) => void;

function badDocument(report: ReportBadDocument, resource: string, reason: string): void {
  report({
    service: 'iam',
    operation: 'GetAccountAuthorizationDetails',
    resource,
    kind: 'other',
    message: `The policy document of ${resource} could not be read: ${reason}. The rest of the account was still read.`,
  });
}

function inlinePolicies(list: PolicyDetail[] | undefined, owner: string, report: ReportBadDocument): InlinePolicy[] {
  const out: InlinePolicy[] = [];
  for (const p of list ?? []) {
    const name = p.PolicyName ?? '';
    const decoded = decodePolicyDocument(p.PolicyDocument);
    if (decoded.ok) out.push({ name, document: decoded.document });
    else badDocument(report, `inline policy ${name} of ${owner}`, decoded.reason);
  }
  return out;
}

function attached(list: { PolicyArn?: string; PolicyName?: string }[] | undefined): AttachedPolicyRef[] {
  return (list ?? []).map((p) => ({ arn: p.PolicyArn ?? '', name: p.PolicyName ?? '' }));
}

function tagsOf(tags: { Key?: string; Value?: string }[] | undefined): Record<string, string> | undefined {
  if (!tags?.length) return undefined;
  return Object.fromEntries(tags.map((t) => [t.Key ?? '', t.Value ?? '']));
}

export function mapRole(r: RoleDetail, report: ReportBadDocument): IamRole {
  const owner = `role ${r.RoleName}`;
  const trust = decodePolicyDocument(r.AssumeRolePolicyDocument);
  if (!trust.ok) badDocument(report, `the trust policy of ${owner}`, trust.reason);
  return {
    arn: r.Arn ?? '',
    name: r.RoleName ?? '',
    path: r.Path,
    trustPolicy: trust.ok ? trust.document : {},
    inlinePolicies: inlinePolicies(r.RolePolicyList, owner, report),
    attachedPolicies: attached(r.AttachedManagedPolicies),
    permissionsBoundary: r.PermissionsBoundary?.PermissionsBoundaryArn,
    tags: tagsOf(r.Tags),
  };
}

export function mapUser(u: UserDetail, report: ReportBadDocument): IamUser {
  return {
    arn: u.Arn ?? '',
    name: u.UserName ?? '',
    path: u.Path,
    inlinePolicies: inlinePolicies(u.UserPolicyList, `user ${u.UserName}`, report),
    attachedPolicies: attached(u.AttachedManagedPolicies),
    permissionsBoundary: u.PermissionsBoundary?.PermissionsBoundaryArn,
    tags: tagsOf(u.Tags),
    groups: [...(u.GroupList ?? [])],
  };
}

export function mapGroup(g: GroupDetail, report: ReportBadDocument): IamGroup {
  return {
    arn: g.Arn ?? '',
    name: g.GroupName ?? '',
    path: g.Path,
    inlinePolicies: inlinePolicies(g.GroupPolicyList, `group ${g.GroupName}`, report),
    attachedPolicies: attached(g.AttachedManagedPolicies),
  };
}

/** `arn:aws:iam::aws:policy/service-role/X` → `X`. */
export function policyNameOf(arn: string): string {
  return arn.slice(arn.lastIndexOf('/') + 1);
}

/** A customer managed policy with its default version's document. */
export function mapCustomerPolicy(p: ManagedPolicyDetail, report: ReportBadDocument): ManagedPolicy {
  // moto 5.2.5 leaves PolicyName out of this response; the ARN ends with it.
  const name = p.PolicyName ?? policyNameOf(p.Arn ?? '');
  const version = p.PolicyVersionList?.find((v) => v.IsDefaultVersion) ?? p.PolicyVersionList?.find((v) => v.VersionId === p.DefaultVersionId);
  let document: PolicyJson | undefined;
  if (version) {
    const decoded = decodePolicyDocument(version.Document);
    if (decoded.ok) document = decoded.document;
    else badDocument(report, `managed policy ${name}`, decoded.reason);
  } else {
    badDocument(report, `managed policy ${name}`, `its default version ${p.DefaultVersionId ?? ''} was not in the response`);
  }
  return {
    arn: p.Arn ?? '',
    name,
    awsManaged: false,
    defaultVersionId: p.DefaultVersionId,
    document,
    ...(document ? { documentSource: 'account' as const } : {}),
  };
}
