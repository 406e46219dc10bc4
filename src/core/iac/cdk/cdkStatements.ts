import type * as TS from 'typescript';
import type { Condition, Effect, Principal, Statement } from '../../model/policy';
import { rangeOf, toStr, toStrList, type CdkContext } from './cdkContext';
import { conditionsOf, principalOf } from './cdkPrincipals';
import { getProp, type ObjProp, type Value } from './cdkValue';
import { statementCallEffects } from './statementCalls';

type KeyName = keyof Statement['keyRanges'];

function effectOf(v: Value | undefined, fallback: Effect): Effect {
  if (!v || v.kind === 'undef') return fallback;
  if (v.kind === 'cdk' && v.path.length >= 2 && v.path[v.path.length - 2] === 'Effect') {
    const m = v.path[v.path.length - 1];
    return m === 'ALLOW' ? 'Allow' : m === 'DENY' ? 'Deny' : 'Unknown';
  }
  if (v.kind === 'str') return v.text === 'Allow' ? 'Allow' : v.text === 'Deny' ? 'Deny' : 'Unknown';
  return 'Unknown';
}

function principalsOf(ctx: CdkContext, v: Value | undefined, conds: Condition[]): Principal[] | undefined {
  if (!v || v.kind === 'undef') return undefined;
  const items = v.kind === 'arr' ? v.items : [v];
  const out: Principal[] = [];
  for (const i of items) {
    const p = principalOf(ctx, i);
    for (const x of p.principals) out.push(x);
    for (const x of p.conditions) conds.push(x);
  }
  return out;
}

/**
 * `new iam.PolicyStatement({ effect, actions, … })` plus the `stmt.addActions(…)`-style calls made on
 * it later in the file. Ranges are the smallest expression (each action string, each principal).
 */
export function statementFromNew(ctx: CdkContext, expr: TS.NewExpression): Statement {
  const a0 = expr.arguments?.[0];
  const props = a0 ? ctx.ev.eval(a0) : undefined;
  const keyRanges: Statement['keyRanges'] = {};
  const prop = (name: string, key?: KeyName): Value | undefined => {
    const p = getProp(props, name);
    if (p && key) keyRanges[key] = rangeOf(ctx.sf, p.keyNode);
    return p?.value;
  };
  const conds = conditionsOf(ctx, prop('conditions', 'condition'));
  const conditions = conds.conditions;
  const principals = principalsOf(ctx, prop('principals', 'principal'), conditions);
  const notPrincipals = principalsOf(ctx, prop('notPrincipals', 'notPrincipal'), []);
  const sid = prop('sid');
  const st: Statement = {
    effect: effectOf(prop('effect', 'effect'), 'Allow'),
    actions: toStrList(ctx, prop('actions', 'action')),
    notActions: toStrList(ctx, prop('notActions', 'notAction')),
    resources: toStrList(ctx, prop('resources', 'resource')),
    notResources: toStrList(ctx, prop('notResources', 'notResource')),
    conditions,
    range: rangeOf(ctx.sf, expr),
    keyRanges,
  };
  if (sid?.kind === 'str') st.sid = sid.text;
  if (principals) st.principals = principals;
  if (notPrincipals) st.notPrincipals = notPrincipals;
  if (conds.unknown || (props !== undefined && props.kind !== 'obj')) st.conditionUnknown = true;
  statementCallEffects(ctx, st, ctx.stmtCalls.get(expr) ?? []);
  return st;
}

function getCi(v: Value, name: string): ObjProp | undefined {
  if (v.kind !== 'obj') return undefined;
  const lower = name.toLowerCase();
  for (let i = v.props.length - 1; i >= 0; i--) if (v.props[i].name.toLowerCase() === lower) return v.props[i];
  return undefined;
}

function jsonPrincipals(ctx: CdkContext, v: Value | undefined): Principal[] | undefined {
  if (!v || v.kind === 'undef') return undefined;
  if (v.kind === 'str') return [{ type: v.text === '*' ? '*' : 'AWS', value: toStr(ctx, v) }];
  if (v.kind !== 'obj') return [{ type: 'AWS', value: toStr(ctx, v) }];
  const out: Principal[] = [];
  for (const p of v.props) {
    const type = (['AWS', 'Service', 'Federated', 'CanonicalUser'].includes(p.name) ? p.name : 'AWS') as Principal['type'];
    for (const s of toStrList(ctx, p.value) ?? []) out.push({ type, value: s });
  }
  return out;
}

/** An IAM-JSON statement object: `PolicyStatement.fromJson({...})` or a raw L1 `policyDocument`. */
export function statementFromJson(ctx: CdkContext, v: Value, defaultEffect: Effect): Statement {
  const keyRanges: Statement['keyRanges'] = {};
  const prop = (name: string, key?: KeyName): Value | undefined => {
    const p = getCi(v, name);
    if (p && key) keyRanges[key] = rangeOf(ctx.sf, p.keyNode);
    return p?.value;
  };
  const conds = conditionsOf(ctx, prop('Condition', 'condition'));
  const st: Statement = {
    effect: effectOf(prop('Effect', 'effect'), defaultEffect),
    actions: toStrList(ctx, prop('Action', 'action')),
    notActions: toStrList(ctx, prop('NotAction', 'notAction')),
    resources: toStrList(ctx, prop('Resource', 'resource')),
    notResources: toStrList(ctx, prop('NotResource', 'notResource')),
    conditions: conds.conditions,
    range: rangeOf(ctx.sf, v.node),
    keyRanges,
  };
  const principals = jsonPrincipals(ctx, prop('Principal', 'principal'));
  const notPrincipals = jsonPrincipals(ctx, prop('NotPrincipal', 'notPrincipal'));
  const sid = prop('Sid');
  if (sid?.kind === 'str') st.sid = sid.text;
  if (principals) st.principals = principals;
  if (notPrincipals) st.notPrincipals = notPrincipals;
  if (conds.unknown || v.kind !== 'obj') st.conditionUnknown = true;
  return st;
}

/** Statement-valued items of a `Statement` array or a PolicyDocument JSON. */
export function jsonStatements(v: Value | undefined): Value[] {
  if (!v || v.kind !== 'obj') return [];
  const s = getCi(v, 'Statement')?.value;
  if (!s) return [];
  return s.kind === 'arr' ? s.items : [s];
}

/** The statement `iam.Grant.addToPrincipal({ actions, resourceArns, conditions })` adds. */
export function statementFromGrant(ctx: CdkContext, opts: Value, call: TS.CallExpression): Statement {
  const keyRanges: Statement['keyRanges'] = {};
  const prop = (name: string, key?: KeyName): Value | undefined => {
    const p = getProp(opts, name);
    if (p && key) keyRanges[key] = rangeOf(ctx.sf, p.keyNode);
    return p?.value;
  };
  const conds = conditionsOf(ctx, prop('conditions', 'condition'));
  const st: Statement = {
    effect: 'Allow',
    actions: toStrList(ctx, prop('actions', 'action')),
    resources: toStrList(ctx, prop('resourceArns', 'resource')),
    conditions: conds.conditions,
    range: rangeOf(ctx.sf, call),
    keyRanges,
  };
  if (conds.unknown || opts.kind !== 'obj') st.conditionUnknown = true;
  return st;
}
