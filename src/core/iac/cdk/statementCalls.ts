import type * as TS from 'typescript';
import type { Principal, Statement } from '../../model/policy';
import type { Str } from '../../model/value';
import { HOLE } from '../../model/value';
import { rangeOf, toStr, type CdkContext } from './cdkContext';
import { conditionsOf, principalOf } from './cdkPrincipals';
import { relocate, type Value } from './cdkValue';
import { tsRuntime } from './tsRuntime';

const ts = tsRuntime();

/** Appends one by one: `push(...list)` overflows the call stack on a list of 100,000+ items. */
function pushAll<T>(into: T[], items: readonly T[]): void {
  for (const x of items) into.push(x);
}

/** Methods of `PolicyStatement` that change what it grants. */
export const STATEMENT_METHODS = new Set([
  'addActions', 'addNotActions', 'addResources', 'addNotResources', 'addAllResources',
  'addPrincipals', 'addNotPrincipals', 'addAnyPrincipal', 'addArnPrincipal', 'addServicePrincipal',
  'addAwsAccountPrincipal', 'addAccountRootPrincipal', 'addFederatedPrincipal', 'addCanonicalUserPrincipal',
  'addCondition', 'addConditions', 'addSourceAccountCondition', 'addSourceArnCondition', 'addAccountCondition',
]);

/** Call arguments with spreads of known arrays expanded (each item ranged at its argument). */
export function argValues(ctx: CdkContext, call: TS.CallExpression): Value[] {
  const out: Value[] = [];
  for (const a of call.arguments) {
    if (ts.isSpreadElement(a)) {
      const v = ctx.ev.eval(a.expression);
      if (v.kind === 'arr') for (const i of v.items) out.push(relocate(i, a));
      else out.push({ kind: 'unknown', node: a, origin: ctx.ev.textOf(a) });
    } else out.push(ctx.ev.eval(a));
  }
  return out;
}

type ListKey = 'actions' | 'notActions' | 'resources' | 'notResources';
const LISTS: Record<string, [ListKey, keyof Statement['keyRanges']]> = {
  addActions: ['actions', 'action'],
  addNotActions: ['notActions', 'notAction'],
  addResources: ['resources', 'resource'],
  addNotResources: ['notResources', 'notResource'],
};

/** Applies `stmt.addActions('s3:*')`-style calls to a statement read from its constructor. */
export function statementCallEffects(ctx: CdkContext, st: Statement, calls: TS.CallExpression[]): void {
  for (const call of calls) {
    const callee = call.expression as TS.PropertyAccessExpression;
    const method = callee.name.text;
    const at = rangeOf(ctx.sf, callee.name);
    const args = argValues(ctx, call);
    const list = LISTS[method];
    if (list) {
      const into = (st[list[0]] ??= []);
      for (const v of args) into.push(toStr(ctx, v));
      st.keyRanges[list[1]] ??= at;
      continue;
    }
    const lit = (text: string, origin: string): Str => ({ text, range: rangeOf(ctx.sf, call), origin });
    const addPrincipal = (p: Principal): void => {
      (st.principals ??= []).push(p);
      st.keyRanges.principal ??= at;
    };
    switch (method) {
      case 'addAllResources':
        (st.resources ??= []).push(lit('*', 'addAllResources()'));
        st.keyRanges.resource ??= at;
        break;
      case 'addPrincipals':
      case 'addNotPrincipals':
        for (const v of args) {
          const p = principalOf(ctx, v);
          if (method === 'addNotPrincipals') pushAll((st.notPrincipals ??= []), p.principals);
          else {
            p.principals.forEach(addPrincipal);
            pushAll(st.conditions, p.conditions);
          }
        }
        break;
      case 'addAnyPrincipal':
        addPrincipal({ type: 'AWS', value: lit('*', 'addAnyPrincipal()') });
        break;
      case 'addAccountRootPrincipal':
        addPrincipal({ type: 'AWS', value: lit(`arn:aws:iam::${HOLE}:root`, 'addAccountRootPrincipal()') });
        break;
      case 'addArnPrincipal':
      case 'addAwsAccountPrincipal':
      case 'addServicePrincipal':
      case 'addFederatedPrincipal':
      case 'addCanonicalUserPrincipal': {
        const type: Principal['type'] = method === 'addServicePrincipal' ? 'Service' : method === 'addFederatedPrincipal' ? 'Federated' : method === 'addCanonicalUserPrincipal' ? 'CanonicalUser' : 'AWS';
        addPrincipal({ type, value: args[0] ? toStr(ctx, args[0], call) : lit(HOLE, method) });
        if (method === 'addFederatedPrincipal' && args[1]) pushAll(st.conditions, conditionsOf(ctx, args[1]).conditions);
        break;
      }
      case 'addCondition': {
        const [op, key, value] = args;
        if (op?.kind === 'str' && key?.kind === 'str' && value) {
          const values = value.kind === 'arr' ? value.items.map((i) => toStr(ctx, i)) : [toStr(ctx, value)];
          st.conditions.push({ operator: op.text, key: key.text, values, range: rangeOf(ctx.sf, call) });
        } else st.conditionUnknown = true;
        st.keyRanges.condition ??= at;
        break;
      }
      case 'addConditions': {
        const c = conditionsOf(ctx, args[0]);
        pushAll(st.conditions, c.conditions);
        if (c.unknown) st.conditionUnknown = true;
        st.keyRanges.condition ??= at;
        break;
      }
      case 'addSourceAccountCondition':
      case 'addSourceArnCondition':
      case 'addAccountCondition': {
        const [operator, key] = method === 'addSourceArnCondition' ? ['ArnEquals', 'aws:SourceArn'] : method === 'addSourceAccountCondition' ? ['StringEquals', 'aws:SourceAccount'] : ['StringEquals', 'sts:ExternalId'];
        st.conditions.push({ operator, key, values: args[0] ? [toStr(ctx, args[0])] : [], range: rangeOf(ctx.sf, call) });
        st.keyRanges.condition ??= at;
        break;
      }
    }
  }
}
