import type { EnvVar, LambdaPermission } from '../../model/lambdaResources';
import type { Str } from '../../model/value';
import { HOLE } from '../../model/value';
import { entry, get, scalarString, type TNode } from '../tree/tnode';
import type { ExtractContext } from './extractContext';
import { alternativesOf, isContradictory, joinBranch } from './branches';
import { resolveScalar } from './resolveStr';
import { noteBounded } from './resolveContext';

function first(node: TNode | undefined, ctx: ExtractContext): Str | undefined {
  return resolveScalar(node, ctx.rc)[0];
}

/** Properties that restrict who may invoke; each may be present in one `!If` branch only. */
const RESTRICTING = [
  ['sourceArn', 'SourceArn'],
  ['sourceAccount', 'SourceAccount'],
  ['principalOrgId', 'PrincipalOrgID'],
  ['eventSourceToken', 'EventSourceToken'],
  ['functionUrlAuthType', 'FunctionUrlAuthType'],
] as const;
type Restricting = Partial<Pick<LambdaPermission, (typeof RESTRICTING)[number][0]>>;
const MAX_VARIANTS = 16;

/**
 * `AWS::Lambda::Permission`: one entry per principal and per combination of `!If` branches of the
 * restricting properties, so a SourceAccount missing in one branch leaves that branch unrestricted.
 */
export function extractPermission(id: string, r: TNode, props: TNode | undefined, ctx: ExtractContext): void {
  let variants: { values: Restricting; branch?: string }[] = [{ values: {} }];
  for (const [field, key] of RESTRICTING) {
    const alts = alternativesOf(get(props, key)).flatMap((a): { value?: Str; branch?: string }[] => {
      if (!a.node) return [{ branch: a.branch }];
      const vs = resolveScalar(a.node, ctx.rc, a.branch);
      return vs.length ? vs.map((v) => ({ value: v, branch: v.branch })) : [{ branch: a.branch }];
    });
    const next: typeof variants = [];
    for (const v of variants) {
      for (const a of alts) {
        const branch = joinBranch(v.branch, a.branch);
        if (!isContradictory(branch)) next.push({ values: { ...v.values, [field]: a.value }, branch });
        if (next.length > MAX_VARIANTS) break;
      }
      if (next.length > MAX_VARIANTS) break;
    }
    if (next.length > MAX_VARIANTS) {
      // The rest are judged together: a restriction survives only where every variant has the same one.
      next.splice(MAX_VARIANTS - 1, next.length, leastRestrictive(variants, alts, field));
      noteBounded(ctx.rc, r.range, `more than ${MAX_VARIANTS} !If combinations of the permission's restricting properties: the first ${MAX_VARIANTS - 1} are judged one by one, the rest together, as if the least restrictive of them applied`);
    }
    variants = next;
  }
  const principals = resolveScalar(get(props, 'Principal'), ctx.rc);
  const common: LambdaPermission = {
    owner: id,
    action: first(get(props, 'Action'), ctx),
    functionName: first(get(props, 'FunctionName'), ctx),
    functionRef: roleRefOf(get(props, 'FunctionName'), ctx),
    range: r.range,
    propertiesRange: entry(r, 'Properties')?.keyRange ?? r.range,
  };
  for (const v of variants) {
    const base: LambdaPermission = { ...common, ...v.values };
    if (principals.length === 0) ctx.model.permissions.push(base);
    // The variant's branch travels with the principal: findings name it.
    for (const principal of principals) {
      const branch = joinBranch(principal.branch, v.branch);
      // `Principal: !If [C, …]` and `SourceArn: !If [C, …]` go together: only matching branches deploy.
      if (!isContradictory(branch)) ctx.model.permissions.push({ ...base, principal: v.branch ? { ...principal, branch } : principal });
    }
  }
}

/** One variant for all combinations of `variants` × `alts`: a restricting value is kept only when they all agree on it. */
function leastRestrictive(variants: { values: Restricting }[], alts: { value?: Str }[], field: keyof Restricting): { values: Restricting } {
  const values: Restricting = {};
  for (const [f] of RESTRICTING) {
    const seen = f === field ? alts.map((a) => a.value) : variants.map((v) => v.values[f]);
    const first = seen[0];
    if (first && seen.every((x) => x !== undefined && x.text === first.text)) values[f] = first;
  }
  return { values };
}

export function extractUrl(id: string, r: TNode, props: TNode | undefined, ctx: ExtractContext): void {
  const types = resolveScalar(get(props, 'AuthType'), ctx.rc);
  const functionRef = roleRefOf(get(props, 'TargetFunctionArn'), ctx);
  if (types.length === 0) ctx.model.functionUrls.push({ owner: id, range: r.range, functionRef });
  for (const authType of types) ctx.model.functionUrls.push({ owner: id, authType, range: r.range, functionRef });
}

/**
 * Environment variables; `overrides` (a SAM function's own) win over `base` (SAM Globals). A value
 * behind `!If` gives one entry per branch, so a literal in either branch is seen.
 */
export function extractEnv(id: string, vars: TNode[], ctx: ExtractContext): void {
  const byName = new Map<string, EnvVar[]>();
  for (const v of vars) {
    if (v.kind !== 'map') continue;
    for (const e of v.entries) {
      const values = resolveScalar(e.value, ctx.rc);
      if (values.length === 0) values.push({ text: e.value.kind === 'scalar' ? '' : HOLE, range: e.value.range });
      byName.set(e.key, values.map((value) => ({ owner: id, name: e.key, nameRange: e.keyRange, value })));
    }
  }
  for (const evs of byName.values()) for (const ev of evs) ctx.model.envVars.push(ev);
}

/** The logical id of a resource (a role, a function) referenced as `!GetAtt X.Arn` or `!Ref X`, when it is in the template. */
export function roleRefOf(node: TNode | undefined, ctx: ExtractContext): string | undefined {
  if (!node || node.kind !== 'fn') return undefined;
  const raw = node.name === 'Fn::GetAtt' ? (node.arg.kind === 'seq' ? scalarString(node.arg.items[0]) : scalarString(node.arg)?.split('.')[0]) : node.name === 'Ref' ? scalarString(node.arg) : undefined;
  return raw && ctx.rc.resources.has(raw) ? raw : undefined;
}

export function extractFunction(id: string, r: TNode, props: TNode | undefined, ctx: ExtractContext): void {
  ctx.model.functions.push({ owner: id, name: scalarString(get(props, 'FunctionName')), roleRef: roleRefOf(get(props, 'Role'), ctx), range: r.range });
  const vars = get(get(props, 'Environment'), 'Variables');
  if (vars) extractEnv(id, [vars], ctx);
}
