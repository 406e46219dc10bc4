import type * as TS from 'typescript';
import type { Condition, Principal } from '../../model/policy';
import { HOLE, type Str } from '../../model/value';
import { rangeOf, toStr, toStrList, type CdkContext } from './cdkContext';
import { propValue, relocate, type Value } from './cdkValue';
import { tsRuntime } from './tsRuntime';

const ts = tsRuntime();

/** What a principal expression grants to: IAM principals plus the conditions CDK adds for it. */
export interface PrincipalInfo {
  principals: Principal[];
  conditions: Condition[];
  /** False for roles, `fn.grantPrincipal` and unknown expressions: not a principal literal. */
  literal: boolean;
  /**
   * The members of a `CompositePrincipal`, each with its own conditions: in a trust policy CDK writes
   * one statement per member, so one member's `sts:ExternalId` does not cover the others.
   */
  members?: PrincipalInfo[];
}

const hole = (ctx: CdkContext, at: TS.Node, origin: string): Str => ({ text: HOLE, range: rangeOf(ctx.sf, at), origin });

/**
 * A principal nested in `v` (a `CompositePrincipal` argument, the receiver of `withConditions`): where
 * `v` is written in place it keeps its own range, so each principal of a multi-line composite is
 * reported on its own line; a composite defined elsewhere (a const) is reported where it is used.
 */
function nested(ctx: CdkContext, v: Extract<Value, { kind: 'new' | 'call' }>, e: TS.Expression): Value {
  const inner = ctx.ev.eval(e);
  return v.node === v.expr ? inner : relocate(inner, v.node);
}

/** Str of constructor argument `i`, ranged at the use site (the `principal:` value). */
function arg(ctx: CdkContext, v: Extract<Value, { kind: 'new' | 'call' }>, i: number): Str {
  const a = v.expr.arguments?.[i];
  return a ? toStr(ctx, ctx.ev.eval(a), v.node) : hole(ctx, v.node, 'missing argument');
}

/** `{ StringEquals: { 'aws:SourceAccount': '1' } }` → one Condition per key. */
export function conditionsOf(ctx: CdkContext, v: Value | undefined): { conditions: Condition[]; unknown: boolean } {
  const conditions: Condition[] = [];
  if (!v || v.kind === 'undef') return { conditions, unknown: false };
  if (v.kind !== 'obj') return { conditions, unknown: true };
  let unknown = v.partial;
  for (const op of v.props) {
    if (op.value.kind !== 'obj') {
      unknown = true;
      continue;
    }
    unknown ||= op.value.partial;
    for (const k of op.value.props) {
      conditions.push({ operator: op.name, key: k.name, values: toStrList(ctx, k.value) ?? [], range: rangeOf(ctx.sf, k.keyNode) });
    }
  }
  return { conditions, unknown };
}

const SIMPLE: Record<string, Principal['type']> = {
  ServicePrincipal: 'Service',
  ArnPrincipal: 'AWS',
  AccountPrincipal: 'AWS',
  CanonicalUserPrincipal: 'CanonicalUser',
  FederatedPrincipal: 'Federated',
  WebIdentityPrincipal: 'Federated',
};

/** Reads `new iam.ServicePrincipal('sns.amazonaws.com')`, `new iam.AnyPrincipal()`, `p.withConditions(…)`, a string … */
export function principalOf(ctx: CdkContext, v: Value): PrincipalInfo {
  const one = (type: Principal['type'], value: Str): PrincipalInfo => ({ principals: [{ type, value }], conditions: [], literal: true });
  const at = v.node;
  if (v.kind === 'str') {
    const s = toStr(ctx, v);
    return one(s.text === '*' ? '*' : /\.amazonaws\.com(\.cn)?$/.test(s.text) ? 'Service' : 'AWS', s);
  }
  if (v.kind === 'new' && v.qname?.startsWith('aws-iam.')) {
    const cls = v.qname.slice('aws-iam.'.length);
    const simple = SIMPLE[cls];
    if (simple) {
      const info = one(simple, arg(ctx, v, 0));
      if (simple === 'Federated' && v.expr.arguments?.[1]) info.conditions = conditionsOf(ctx, relocate(ctx.ev.eval(v.expr.arguments[1]), at)).conditions;
      // `new ServicePrincipal(svc, { conditions })`: the same as `.withConditions(…)`.
      const opts = simple === 'Service' && v.expr.arguments?.[1] ? propValue(ctx.ev.eval(v.expr.arguments[1]), 'conditions') : undefined;
      if (opts) info.conditions = conditionsOf(ctx, relocate(opts, at)).conditions;
      return info;
    }
    switch (cls) {
      case 'AnyPrincipal':
        return one('AWS', { text: '*', range: rangeOf(ctx.sf, at), origin: 'AnyPrincipal' });
      case 'StarPrincipal':
        return one('*', { text: '*', range: rangeOf(ctx.sf, at), origin: 'StarPrincipal' });
      case 'AccountRootPrincipal':
        return one('AWS', { text: `arn:aws:iam::${HOLE}:root`, range: rangeOf(ctx.sf, at), origin: 'AccountRootPrincipal' });
      case 'OrganizationPrincipal': {
        const info = one('AWS', { text: '*', range: rangeOf(ctx.sf, at), origin: 'OrganizationPrincipal' });
        info.conditions = [{ operator: 'StringEquals', key: 'aws:PrincipalOrgID', values: [arg(ctx, v, 0)], range: rangeOf(ctx.sf, at) }];
        return info;
      }
      case 'OpenIdConnectPrincipal':
      case 'SamlPrincipal':
      case 'SamlConsolePrincipal':
        return one('Federated', hole(ctx, at, cls));
      case 'CompositePrincipal': {
        const members = (v.expr.arguments ?? []).flatMap((a) => {
          const p = principalOf(ctx, nested(ctx, v, a));
          return p.members ?? [p];
        });
        return { ...merge(members), members };
      }
      case 'PrincipalWithConditions':
      case 'SessionTagsPrincipal': {
        const a = v.expr.arguments?.[0];
        const inner = a ? principalOf(ctx, nested(ctx, v, a)) : notLiteral(ctx, at);
        return v.expr.arguments?.[1] ? addConditions(inner, conditionsOf(ctx, relocate(ctx.ev.eval(v.expr.arguments[1]), at)).conditions) : inner;
      }
    }
  }
  if (v.kind === 'call' && (v.method === 'withConditions' || v.method === 'withSessionTags') && ts.isPropertyAccessExpression(v.expr.expression)) {
    const inner = principalOf(ctx, nested(ctx, v, v.expr.expression.expression));
    return v.method === 'withConditions' && v.expr.arguments[0] ? addConditions(inner, conditionsOf(ctx, relocate(ctx.ev.eval(v.expr.arguments[0]), at)).conditions) : inner;
  }
  return notLiteral(ctx, at, v);
}

function notLiteral(ctx: CdkContext, at: TS.Node, v?: Value): PrincipalInfo {
  return { principals: [{ type: 'AWS', value: v ? toStr(ctx, v) : hole(ctx, at, 'principal') }], conditions: [], literal: false };
}

/** Conditions around a principal: one statement holds them all, so a composite is no longer split. */
function addConditions(inner: PrincipalInfo, conditions: Condition[]): PrincipalInfo {
  return { principals: inner.principals, conditions: [...inner.conditions, ...conditions], literal: inner.literal };
}

function merge(list: PrincipalInfo[]): PrincipalInfo {
  return { principals: list.flatMap((p) => p.principals), conditions: list.flatMap((p) => p.conditions), literal: list.some((p) => p.literal) };
}

/** What `fn.addPermission`/`grantInvoke` put in the permission for one principal (CDK's own mapping). */
export interface PermissionPrincipal {
  principal: Str;
  principalOrgId?: Str;
  sourceArn?: Str;
  sourceAccount?: Str;
}

export function permissionPrincipals(ctx: CdkContext, v: Value): { literal: boolean; list: PermissionPrincipal[] } {
  const info = principalOf(ctx, v);
  const byKey = (key: string): Str | undefined => info.conditions.find((c) => c.key.toLowerCase() === key)?.values[0];
  const extra = { principalOrgId: byKey('aws:principalorgid'), sourceArn: byKey('aws:sourcearn'), sourceAccount: byKey('aws:sourceaccount') };
  const list = info.principals.map((p) => {
    const out: PermissionPrincipal = { principal: p.value };
    if (extra.principalOrgId) out.principalOrgId = extra.principalOrgId;
    if (extra.sourceArn) out.sourceArn = extra.sourceArn;
    if (extra.sourceAccount) out.sourceAccount = extra.sourceAccount;
    return out;
  });
  return { literal: info.literal, list };
}
