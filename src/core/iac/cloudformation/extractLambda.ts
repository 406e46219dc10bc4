import type { LambdaPermission } from '../../model/lambdaResources';
import type { Str } from '../../model/value';
import { HOLE } from '../../model/value';
import { entry, get, scalarString, type TNode } from '../tree/tnode';
import type { ExtractContext } from './extractContext';
import { resolveScalar } from './resolveStr';

function first(node: TNode | undefined, ctx: ExtractContext): Str | undefined {
  return resolveScalar(node, ctx.rc)[0];
}

export function extractPermission(id: string, r: TNode, props: TNode | undefined, ctx: ExtractContext): void {
  const principals = resolveScalar(get(props, 'Principal'), ctx.rc);
  const base: Omit<LambdaPermission, 'principal'> = {
    owner: id,
    action: first(get(props, 'Action'), ctx),
    functionName: first(get(props, 'FunctionName'), ctx),
    sourceArn: first(get(props, 'SourceArn'), ctx),
    sourceAccount: first(get(props, 'SourceAccount'), ctx),
    principalOrgId: first(get(props, 'PrincipalOrgID'), ctx),
    eventSourceToken: first(get(props, 'EventSourceToken'), ctx),
    functionUrlAuthType: first(get(props, 'FunctionUrlAuthType'), ctx),
    range: r.range,
    propertiesRange: entry(r, 'Properties')?.keyRange ?? r.range,
  };
  if (principals.length === 0) ctx.model.permissions.push({ ...base });
  for (const principal of principals) ctx.model.permissions.push({ ...base, principal });
}

export function extractUrl(id: string, r: TNode, props: TNode | undefined, ctx: ExtractContext): void {
  const types = resolveScalar(get(props, 'AuthType'), ctx.rc);
  if (types.length === 0) ctx.model.functionUrls.push({ owner: id, range: r.range });
  for (const authType of types) ctx.model.functionUrls.push({ owner: id, authType, range: r.range });
}

/** Environment variables; `overrides` (a SAM function's own) win over `base` (SAM Globals). */
export function extractEnv(id: string, vars: TNode[], ctx: ExtractContext): void {
  const seen = new Map<string, number>();
  for (const v of vars) {
    if (v.kind !== 'map') continue;
    for (const e of v.entries) {
      const value = resolveScalar(e.value, ctx.rc)[0] ?? { text: e.value.kind === 'scalar' ? '' : HOLE, range: e.value.range };
      const ev = { owner: id, name: e.key, nameRange: e.keyRange, value };
      const at = seen.get(e.key);
      if (at !== undefined) ctx.model.envVars[at] = ev;
      else {
        seen.set(e.key, ctx.model.envVars.length);
        ctx.model.envVars.push(ev);
      }
    }
  }
}

/** The logical id of a role referenced as `!GetAtt Role.Arn` or `!Ref Role`, when it is in the template. */
export function roleRefOf(node: TNode | undefined, ctx: ExtractContext): string | undefined {
  if (!node || node.kind !== 'fn') return undefined;
  const raw = node.name === 'Fn::GetAtt' ? (node.arg.kind === 'seq' ? scalarString(node.arg.items[0]) : scalarString(node.arg)?.split('.')[0]) : node.name === 'Ref' ? scalarString(node.arg) : undefined;
  return raw && ctx.rc.resources.has(raw) ? raw : undefined;
}

export function extractFunction(id: string, r: TNode, props: TNode | undefined, ctx: ExtractContext): void {
  ctx.model.functions.push({ owner: id, roleRef: roleRefOf(get(props, 'Role'), ctx), range: r.range });
  const vars = get(get(props, 'Environment'), 'Variables');
  if (vars) extractEnv(id, [vars], ctx);
}
