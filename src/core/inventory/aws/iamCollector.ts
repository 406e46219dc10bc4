/**
 * IAM in one bulk, paged read: GetAccountAuthorizationDetails with roles, users, groups and customer
 * managed policies (never a call per role), then the documents of the AWS managed policies in use.
 */
import { paginateGetAccountAuthorizationDetails, type GroupDetail, type ManagedPolicyDetail, type RoleDetail, type UserDetail } from '@aws-sdk/client-iam';
import type { IamInventory } from '../accountModel';
import type { Calls } from './calls';
import type { AwsClients } from './clients';
import { mapCustomerPolicy, mapGroup, mapRole, mapUser } from './iamMapping';
import { resolveAwsManagedPolicies, type ManagedPolicyDeps } from './managedPolicies';

/** IAM's largest page: the number of calls grows with the number of IAM entities / 1000, never with functions. */
const PAGE_SIZE = 1000;

export async function collectIam(clients: AwsClients, region: string, calls: Calls, deps: Omit<ManagedPolicyDeps, 'clients' | 'region' | 'calls'>): Promise<IamInventory> {
  const raw = { roles: [] as RoleDetail[], users: [] as UserDetail[], groups: [] as GroupDetail[], policies: [] as ManagedPolicyDetail[] };
  await calls.run({ service: 'iam', operation: 'GetAccountAuthorizationDetails', region }, async (abortSignal) => {
    const pages = paginateGetAccountAuthorizationDetails(
      { client: clients.get('iam', region), pageSize: PAGE_SIZE },
      { Filter: ['Role', 'User', 'Group', 'LocalManagedPolicy'] },
      { abortSignal },
    );
    for await (const page of pages) {
      raw.roles.push(...(page.RoleDetailList ?? []));
      raw.users.push(...(page.UserDetailList ?? []));
      raw.groups.push(...(page.GroupDetailList ?? []));
      raw.policies.push(...(page.Policies ?? []));
    }
  });
  const report = calls.record.bind(calls);
  const roles = raw.roles.map((r) => mapRole(r, report));
  const users = raw.users.map((u) => mapUser(u, report));
  const groups = raw.groups.map((g) => mapGroup(g, report));
  const customer = raw.policies.map((p) => mapCustomerPolicy(p, report));
  const attachedArns = [...roles, ...users, ...groups].flatMap((p) => p.attachedPolicies.map((a) => a.arn));
  const boundaryArns = [...roles, ...users].flatMap((p) => (p.permissionsBoundary ? [p.permissionsBoundary] : []));
  const inUse = [...attachedArns, ...boundaryArns];
  const awsManaged = await resolveAwsManagedPolicies(inUse, { ...deps, clients, region, calls });
  return { roles, users, groups, policies: [...customer, ...awsManaged] };
}
