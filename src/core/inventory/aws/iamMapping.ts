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

function attached(list: Identity['AttachedManagedPolicies']): AttachedPolicyRef[] {
  return (list ?? []).map((p) => ({ arn: p.PolicyArn ?? '', name: p.PolicyName ?? '' }));
}

function tagsOf(tags: { Key?: string; Value?: string }[] | undefined): Record<string, string> | undefined {
  if (!tags?.length) return undefined;
  return Object.fromEntries(tags.map((t) => [t.Key ?? '', t.Value ?? '']));
}

interface Identity {
  Arn?: string;
  Path?: string;
  AttachedManagedPolicies?: { PolicyArn?: string; PolicyName?: string }[];
}

/** What roles, users and groups share: ARN, name, path, inline and attached policies. */
function basics(d: Identity, name: string | undefined, inline: PolicyDetail[] | undefined, owner: string, report: ReportBadDocument): IamGroup {
  return { arn: d.Arn ?? '', name: name ?? '', path: d.Path, inlinePolicies: inlinePolicies(inline, owner, report), attachedPolicies: attached(d.AttachedManagedPolicies) };
}

export function mapRole(r: RoleDetail, report: ReportBadDocument): IamRole {
  const owner = `role ${r.RoleName}`;
  const trust = decodePolicyDocument(r.AssumeRolePolicyDocument);
  if (!trust.ok) badDocument(report, `the trust policy of ${owner}`, trust.reason);
  return {
    ...basics(r, r.RoleName, r.RolePolicyList, owner, report),
    trustPolicy: trust.ok ? trust.document : {},
    permissionsBoundary: r.PermissionsBoundary?.PermissionsBoundaryArn,
    tags: tagsOf(r.Tags),
  };
}

export function mapUser(u: UserDetail, report: ReportBadDocument): IamUser {
  return {
    ...basics(u, u.UserName, u.UserPolicyList, `user ${u.UserName}`, report),
    permissionsBoundary: u.PermissionsBoundary?.PermissionsBoundaryArn,
    tags: tagsOf(u.Tags),
    groups: [...(u.GroupList ?? [])],
  };
}

export function mapGroup(g: GroupDetail, report: ReportBadDocument): IamGroup {
  return basics(g, g.GroupName, g.GroupPolicyList, `group ${g.GroupName}`, report);
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
