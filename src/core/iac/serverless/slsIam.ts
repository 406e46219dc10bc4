import type { PolicyDocument } from '../../model/policy';
import type { ExtractContext } from '../cloudformation/extractContext';
import { readStatement } from '../cloudformation/readStatement';
import { resolveList } from '../cloudformation/resolveStr';
import { entry, get, type TEntry, type TNode } from '../tree/tnode';
import { normalizedName } from './detectServerless';

/** The owner of what `provider` sets for every function (its environment). */
export const PROVIDER = 'provider';

/** The logical id Serverless gives the execution role its functions share. */
export const SHARED_ROLE = 'IamRoleLambdaExecution';

/** A statement list: a list (whose items may be lists, from `- ${file(…)}` items), or a single statement. */
function statementNodes(n: TNode | undefined): TNode[] {
  if (!n) return [];
  return n.kind === 'seq' ? n.items.flatMap((i) => (i.kind === 'seq' ? i.items : [i])) : [n];
}

function addRole(ctx: ExtractContext, roleId: string, anchor: TEntry): void {
  ctx.model.resources.push({ logicalId: roleId, type: 'AWS::IAM::Role', range: anchor.range, keyRange: anchor.keyRange });
}

function pushStatements(ctx: ExtractContext, roleId: string, statements: TEntry | undefined, origin: string): void {
  if (!statements) return;
  const doc: PolicyDocument = { kind: 'identity', owner: roleId, origin, statements: [], range: statements.range };
  for (const n of statementNodes(statements.value)) doc.statements.push(...readStatement(n, ctx.rc));
  ctx.model.policies.push(doc);
}

/**
 * The execution role the functions share: `provider.iam.role.statements` and `managedPolicies` (v3, v4), or
 * the legacy `provider.iamRoleStatements` / `iamManagedPolicies`. A `role` given as a name or ARN replaces it
 * (returned, so functions can point at it); its policies are wherever that role is defined.
 */
export function extractProviderRole(providerEntry: TEntry | undefined, ctx: ExtractContext): { customRole?: TNode } {
  const provider = providerEntry?.value;
  const iam = get(provider, 'iam');
  const roleEntry = entry(iam, 'role') ?? entry(provider, 'role');
  if (roleEntry && roleEntry.value.kind !== 'map') return { customRole: roleEntry.value };
  const role = roleEntry?.value;
  const modern = entry(role, 'statements');
  const legacy = entry(provider, 'iamRoleStatements');
  const managed = [entry(role, 'managedPolicies'), entry(provider, 'iamManagedPolicies')].filter((e): e is TEntry => e !== undefined);
  const anchor = roleEntry ?? legacy ?? managed[0];
  if (!anchor) return {};
  addRole(ctx, SHARED_ROLE, anchor);
  pushStatements(ctx, SHARED_ROLE, modern, 'provider.iam.role.statements (the role the functions share)');
  pushStatements(ctx, SHARED_ROLE, legacy, 'provider.iamRoleStatements (the role the functions share)');
  for (const m of managed) {
    for (const arn of resolveList(m.value, ctx.rc)) ctx.model.managedPolicies.push({ owner: SHARED_ROLE, arn, range: arn.range });
  }
  return {};
}

/** The role of one function given per-function statements (the serverless-iam-roles-per-function plugin); undefined without them. */
export function extractFunctionRole(fnKey: string, fn: TNode, ctx: ExtractContext): string | undefined {
  const statements = entry(fn, 'iamRoleStatements');
  if (!statements) return undefined;
  const roleId = `${normalizedName(fnKey)}IamRoleLambdaExecution`;
  addRole(ctx, roleId, statements);
  pushStatements(ctx, roleId, statements, `iamRoleStatements of function ${fnKey} (its own role, serverless-iam-roles-per-function)`);
  return roleId;
}
