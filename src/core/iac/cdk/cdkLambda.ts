import type * as TS from 'typescript';
import type { LambdaPermission } from '../../model/lambdaResources';
import { HOLE, type Str } from '../../model/value';
import { branchesOf } from './cdkBranches';
import { ownerOf, rangeOf, toStr, type CdkContext } from './cdkContext';
import { permissionPrincipals } from './cdkPrincipals';
import { propValue, type Value } from './cdkValue';
import { tsRuntime } from './tsRuntime';

const ts = tsRuntime();

/** `lambda.FunctionUrlAuthType.NONE` → `NONE`; a string stays itself; anything else is a hole. */
function enumStr(ctx: CdkContext, v: Value): Str {
  if (v.kind === 'cdk' && v.path.length >= 2) return { text: v.path[v.path.length - 1], range: rangeOf(ctx.sf, v.node), origin: `${v.path.join('.')}` };
  return toStr(ctx, v);
}

const lit = (ctx: CdkContext, text: string, at: TS.Node, origin: string): Str => ({ text, range: rangeOf(ctx.sf, at), origin });

function optional(ctx: CdkContext, props: Value | undefined, ...names: string[]): Str | undefined {
  for (const n of names) {
    const v = propValue(props, n);
    if (v && v.kind !== 'undef') return n === 'functionUrlAuthType' ? enumStr(ctx, v) : toStr(ctx, v);
  }
  return undefined;
}

/** `fn.addPermission('Id', { principal, action, sourceArn, sourceAccount, organizationId … })`. */
export function addPermissionCall(ctx: CdkContext, call: TS.CallExpression, recv: TS.Expression): void {
  const optsNode = call.arguments[1];
  const props = optsNode ? ctx.ev.eval(optsNode) : undefined;
  const principal = propValue(props, 'principal');
  const base: Omit<LambdaPermission, 'principal'> = {
    owner: ownerOf(ctx, recv),
    action: optional(ctx, props, 'action') ?? lit(ctx, 'lambda:InvokeFunction', call, 'CDK default action'),
    functionName: { text: HOLE, range: rangeOf(ctx.sf, recv), origin: ctx.ev.textOf(recv) },
    sourceArn: optional(ctx, props, 'sourceArn'),
    sourceAccount: optional(ctx, props, 'sourceAccount'),
    principalOrgId: optional(ctx, props, 'organizationId', 'principalOrgId', 'principalOrgID'),
    eventSourceToken: optional(ctx, props, 'eventSourceToken'),
    functionUrlAuthType: optional(ctx, props, 'functionUrlAuthType'),
    range: rangeOf(ctx.sf, call),
    propertiesRange: rangeOf(ctx.sf, optsNode ?? call),
  };
  pushPermissions(ctx, base, principal);
}

function pushPermissions(ctx: CdkContext, base: Omit<LambdaPermission, 'principal'>, principal: Value | undefined): void {
  if (!principal) {
    ctx.model.permissions.push({ ...base });
    return;
  }
  for (const p of permissionPrincipals(ctx, principal).list) {
    ctx.model.permissions.push({
      ...base,
      principal: p.principal,
      sourceArn: base.sourceArn ?? p.sourceArn,
      sourceAccount: base.sourceAccount ?? p.sourceAccount,
      principalOrgId: base.principalOrgId ?? p.principalOrgId,
    });
  }
}


/**
 * `fn.grantInvoke(principal)` / `grantInvokeUrl` / `grantInvokeLatestVersion`: CDK writes a resource
 * permission only for principal literals (service, account, ARN, `*`); a role gets an identity grant.
 */
export function grantInvokeCall(ctx: CdkContext, call: TS.CallExpression, recv: TS.Expression, method: string): void {
  const a = call.arguments[0];
  if (!a) return;
  const url = method === 'grantInvokeUrl';
  const args = method === 'grantInvokeCompositePrincipal' && ts.isNewExpression(a) ? [...(a.arguments ?? [])] : [a];
  for (const arg of args) {
    const v = ctx.ev.eval(arg);
    const pp = permissionPrincipals(ctx, v);
    if (!pp.literal) continue;
    const base: Omit<LambdaPermission, 'principal'> = {
      owner: ownerOf(ctx, recv),
      action: lit(ctx, url ? 'lambda:InvokeFunctionUrl' : 'lambda:InvokeFunction', call.expression, method),
      functionName: { text: HOLE, range: rangeOf(ctx.sf, recv), origin: ctx.ev.textOf(recv) },
      range: rangeOf(ctx.sf, call),
      propertiesRange: rangeOf(ctx.sf, call),
    };
    if (url) base.functionUrlAuthType = lit(ctx, 'AWS_IAM', call.expression, method);
    pushPermissions(ctx, base, v);
  }
}

/** `new lambda.CfnPermission(this, 'Id', { action, functionName, principal, sourceArn … })`. */
export function cfnPermission(ctx: CdkContext, owner: string, expr: TS.NewExpression, props: Value | undefined): void {
  const base: Omit<LambdaPermission, 'principal'> = {
    owner,
    action: optional(ctx, props, 'action'),
    functionName: optional(ctx, props, 'functionName'),
    sourceArn: optional(ctx, props, 'sourceArn'),
    sourceAccount: optional(ctx, props, 'sourceAccount'),
    principalOrgId: optional(ctx, props, 'principalOrgId', 'principalOrgID'),
    eventSourceToken: optional(ctx, props, 'eventSourceToken'),
    functionUrlAuthType: optional(ctx, props, 'functionUrlAuthType'),
    range: rangeOf(ctx.sf, expr),
    propertiesRange: rangeOf(ctx.sf, expr.arguments?.[2] ?? expr),
  };
  pushPermissions(ctx, base, propValue(props, 'principal'));
}

/** `fn.addFunctionUrl({ authType })`, `new lambda.FunctionUrl(…)`, `new lambda.CfnUrl(…)`. */
export function addFunctionUrl(ctx: CdkContext, owner: string, props: Value | undefined, at: TS.Node, cdkDefault: boolean): void {
  const v = propValue(props, 'authType');
  const range = rangeOf(ctx.sf, at);
  if (v && v.kind !== 'undef') {
    // one URL per branch of `isProd ? AWS_IAM : NONE`, as a template's `!If` gives
    for (const b of branchesOf(ctx, v)) ctx.model.functionUrls.push({ owner, authType: b.branch ? { ...enumStr(ctx, b.value), branch: b.branch } : enumStr(ctx, b.value), range });
    return;
  }
  ctx.model.functionUrls.push(cdkDefault ? { owner, authType: lit(ctx, 'AWS_IAM', at, 'CDK default authType'), range } : { owner, range });
}

/** `environment: { KEY: value }` (L2) or `environment: { variables: {...} }` (L1). */
export function addEnvironment(ctx: CdkContext, owner: string, env: Value | undefined): void {
  if (!env || env.kind !== 'obj') return;
  for (const p of env.props) ctx.model.envVars.push({ owner, name: p.name, nameRange: rangeOf(ctx.sf, p.keyNode), value: toStr(ctx, p.value) });
}

/** `fn.addEnvironment('KEY', value)`. */
export function addEnvironmentCall(ctx: CdkContext, call: TS.CallExpression, recv: TS.Expression): void {
  const [k, v] = call.arguments;
  if (!k || !v) return;
  const key = ctx.ev.eval(k);
  if (key.kind !== 'str' || key.text.includes(HOLE)) return;
  ctx.model.envVars.push({ owner: ownerOf(ctx, recv), name: key.text, nameRange: rangeOf(ctx.sf, k), value: toStr(ctx, ctx.ev.eval(v)) });
}
