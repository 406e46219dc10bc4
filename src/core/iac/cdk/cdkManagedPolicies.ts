import { HOLE, type Str } from '../../model/value';
import { rangeOf, toStr, type CdkContext } from './cdkContext';
import { IAM } from './cdkNames';
import { claim } from './cdkPolicies';
import { itemsOf, type Value } from './cdkValue';

/** `arn:aws:iam::aws:policy/<name>` for AWS managed policies (as CDK renders them, partition aside). */
function arnStr(ctx: CdkContext, v: Extract<Value, { kind: 'call' }>, argIndex: number, render: (name: string) => string): Str | undefined {
  const a = v.expr.arguments[argIndex];
  if (!a) return undefined;
  const name = ctx.ev.eval(a);
  // A direct call points at its argument; a call stored in a constant points where it is used.
  const at = v.node === v.expr ? a : v.node;
  const text = name.kind === 'str' ? render(name.text) : render(HOLE);
  return { text, range: rangeOf(ctx.sf, at), origin: `ManagedPolicy.${v.method}` };
}

/**
 * A managed-policy reference: `ManagedPolicy.fromAwsManagedPolicyName('AdministratorAccess')`,
 * `fromManagedPolicyArn`, `fromManagedPolicyName`, or an ARN string (L1 `managedPolicyArns`).
 */
export function addManagedRef(ctx: CdkContext, owner: string, v: Value): void {
  let arn: Str | undefined;
  if (v.kind === 'call') {
    if (v.qname === IAM.fromAwsManaged) arn = arnStr(ctx, v, 0, (n) => `arn:aws:iam::aws:policy/${n.replace(/^\//, '')}`);
    else if (v.qname === IAM.fromManagedArn) arn = arnStr(ctx, v, 2, (n) => n);
    else if (v.qname === IAM.fromManagedName) arn = arnStr(ctx, v, 2, (n) => `arn:aws:iam::${HOLE}:policy/${n}`);
    if (arn) claim(ctx, v.expr);
  } else if (v.kind === 'str' || v.kind === 'unknown') {
    arn = toStr(ctx, v);
  }
  if (arn) ctx.model.managedPolicies.push({ owner, arn, range: rangeOf(ctx.sf, v.node) });
}

export function addManagedRefs(ctx: CdkContext, owner: string, list: Value | undefined): void {
  for (const v of itemsOf(list)) addManagedRef(ctx, owner, v);
}
