import type * as TS from 'typescript';
import type { PolicyKind } from '../../model/policy';
import { ownerOf, rangeOf, resolveConstruct, unwrap, type CdkContext } from './cdkContext';
import { statementFromGrant } from './cdkStatements';
import { getProp, propValue } from './cdkValue';
import { addEnvironmentCall, addFunctionUrl, addPermissionCall, grantInvokeCall } from './cdkLambda';
import { addManagedRef } from './cdkManagedPolicies';
import { IAM } from './cdkNames';
import { emitPolicy } from './cdkPolicies';
import { argValues, STATEMENT_METHODS } from './statementCalls';
import { tsRuntime } from './tsRuntime';

const ts = tsRuntime();

/** Method names the analyzer reacts to, whatever the receiver. */
export const CALL_METHODS = new Set([
  ...STATEMENT_METHODS,
  'addToRolePolicy', 'addToPolicy', 'addToPrincipalPolicy', 'addToResourcePolicy', 'addStatements',
  'addManagedPolicy', 'addPermission', 'grantInvoke', 'grantInvokeUrl', 'grantInvokeLatestVersion',
  'grantInvokeCompositePrincipal', 'addFunctionUrl', 'addEnvironment',
  'addToPrincipal', 'addToPrincipalOrResource', 'addToPrincipalAndResource',
]);

/**
 * First pass: calls that change a statement or document defined elsewhere (`stmt.addActions(…)`,
 * `doc.addStatements(…)`), recorded before statements are read.
 */
export function recordMutation(ctx: CdkContext, call: TS.CallExpression): boolean {
  const callee = call.expression as TS.PropertyAccessExpression;
  const method = callee.name.text;
  if (!STATEMENT_METHODS.has(method) && method !== 'addStatements') return false;
  const recv = ctx.ev.eval(callee.expression);
  if (recv.kind !== 'new') return false;
  if (STATEMENT_METHODS.has(method) && recv.qname === IAM.statement) {
    const list = ctx.stmtCalls.get(recv.expr) ?? [];
    list.push(call);
    ctx.stmtCalls.set(recv.expr, list);
    return true;
  }
  if (method === 'addStatements' && recv.qname === IAM.document) {
    const list = ctx.docStatements.get(recv.expr) ?? [];
    for (const v of argValues(ctx, call)) list.push(v);
    ctx.docStatements.set(recv.expr, list);
    return true;
  }
  return false;
}

function isAssumeRolePolicy(e: TS.Expression): boolean {
  const n = unwrap(e);
  return ts.isPropertyAccessExpression(n) && n.name.text === 'assumeRolePolicy';
}

function policyMeta(ctx: CdkContext, recv: TS.Expression, method: string): { kind: PolicyKind; owner: string; origin: string } {
  const owner = ownerOf(ctx, recv);
  if (method === 'addToResourcePolicy') return { kind: 'resource', owner, origin: `resource policy of ${owner}` };
  if (isAssumeRolePolicy(recv)) return { kind: 'trust', owner, origin: `trust policy of role ${owner}` };
  const c = resolveConstruct(ctx, recv);
  const what = c?.kind === 'function' || c?.kind === 'cfnFunction' ? `the role of function ${owner}` : c?.kind === 'role' ? `role ${owner}` : c?.kind === 'policy' || c?.kind === 'managedPolicy' ? `policy ${owner}` : owner;
  return { kind: 'identity', owner, origin: `statement added to ${what}` };
}

/** `iam.Grant.addToPrincipal({ grantee, actions, resourceArns })`: an identity statement for the grantee. */
function grantCall(ctx: CdkContext, call: TS.CallExpression, recv: TS.Expression): void {
  const g = ctx.ev.eval(recv);
  const a = call.arguments[0];
  if (g.kind !== 'cdk' || `${g.module}.${g.path.join('.')}` !== 'aws-iam.Grant' || !a) return;
  const opts = ctx.ev.eval(a);
  const grantee = getProp(opts, 'grantee');
  const owner = grantee ? ownerOf(ctx, grantee.value.node as TS.Expression) : 'grantee';
  const st = statementFromGrant(ctx, opts, call);
  ctx.model.policies.push({ kind: 'identity', owner, origin: `iam.Grant to ${owner}`, statements: [st], range: rangeOf(ctx.sf, call) });
}

/** Second pass: calls that attach statements, managed policies, permissions, URLs, variables. */
export function processCall(ctx: CdkContext, call: TS.CallExpression): void {
  const callee = call.expression as TS.PropertyAccessExpression;
  const method = callee.name.text;
  const recv = callee.expression;
  if (ignoredByCdk(ctx, recv)) {
    // What it was given never reaches the template: not a leftover either.
    for (const a of call.arguments) ctx.emitted.add(unwrap(a));
    return;
  }
  switch (method) {
    case 'addToRolePolicy':
    case 'addToPolicy':
    case 'addToPrincipalPolicy':
    case 'addToResourcePolicy':
    case 'addStatements':
      emitPolicy(ctx, policyMeta(ctx, recv, method), argValues(ctx, call), call);
      break;
    case 'addManagedPolicy':
      if (call.arguments[0]) addManagedRef(ctx, ownerOf(ctx, recv), ctx.ev.eval(call.arguments[0]));
      break;
    case 'addPermission':
      addPermissionCall(ctx, call, recv);
      break;
    case 'grantInvoke':
    case 'grantInvokeUrl':
    case 'grantInvokeLatestVersion':
    case 'grantInvokeCompositePrincipal':
      grantInvokeCall(ctx, call, recv, method);
      break;
    case 'addFunctionUrl':
      addFunctionUrl(ctx, ownerOf(ctx, recv), call.arguments[0] ? ctx.ev.eval(call.arguments[0]) : undefined, call, true);
      break;
    case 'addEnvironment':
      addEnvironmentCall(ctx, call, recv);
      break;
    case 'addToPrincipal':
    case 'addToPrincipalOrResource':
    case 'addToPrincipalAndResource':
      grantCall(ctx, call, recv);
      break;
  }
}

/**
 * Receivers on which CDK drops what is added, so nothing reaches the template: `$LATEST`
 * (`fn.latestVersion.addPermission`) and a role imported with `{ mutable: false }`.
 */
function ignoredByCdk(ctx: CdkContext, recv: TS.Expression): boolean {
  if (ts.isPropertyAccessExpression(recv) && recv.name.text === 'latestVersion') return true;
  const v = ctx.ev.eval(recv);
  if (v.kind !== 'call' || !/^aws-iam\.Role\.fromRole(Arn|Name)$/.test(v.qname ?? '')) return false;
  const opts = v.expr.arguments[v.qname === 'aws-iam.Role.fromRoleArn' ? 3 : 2];
  const mutable = opts ? propValue(ctx.ev.eval(opts), 'mutable') : undefined;
  return mutable?.kind === 'bool' && !mutable.value;
}
