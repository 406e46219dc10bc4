import { get, scalarString, type TNode } from '../tree/tnode';
import { branchesOf } from './branches';
import type { ExtractContext } from './extractContext';
import { roleRefOf } from './extractLambda';
import { readPolicyDocument } from './readStatement';
import { resolveList } from './resolveStr';

/** `Policies: [{PolicyName, PolicyDocument}]` and `ManagedPolicyArns` of a role, user or group. */
function inlineAndManaged(id: string, kindName: string, props: TNode | undefined, ctx: ExtractContext): void {
  for (const item of branchesOf(get(props, 'Policies'))) {
    const list = item.node.kind === 'seq' ? item.node.items : [item.node];
    for (const p of list.flatMap((n) => branchesOf(n, item.branch))) {
      const name = scalarString(get(p.node, 'PolicyName')) ?? '(unnamed)';
      const docs = readPolicyDocument(get(p.node, 'PolicyDocument'), ctx.rc, { kind: 'identity', owner: id, origin: `inline policy "${name}" of ${kindName} ${id}` }, ctx.parseString);
      ctx.model.policies.push(...docs);
    }
  }
  for (const arn of resolveList(get(props, 'ManagedPolicyArns'), ctx.rc)) {
    ctx.model.managedPolicies.push({ owner: id, arn, range: arn.range });
  }
}

export function extractRole(id: string, _r: TNode, props: TNode | undefined, ctx: ExtractContext): void {
  ctx.model.policies.push(
    ...readPolicyDocument(get(props, 'AssumeRolePolicyDocument'), ctx.rc, { kind: 'trust', owner: id, origin: `trust policy of role ${id}` }, ctx.parseString),
  );
  inlineAndManaged(id, 'role', props, ctx);
}

export function extractUserOrGroup(kindName: string) {
  return (id: string, _r: TNode, props: TNode | undefined, ctx: ExtractContext): void => inlineAndManaged(id, kindName, props, ctx);
}

/** `AWS::IAM::Policy` and `AWS::IAM::ManagedPolicy`. */
export function extractPolicy(id: string, _r: TNode, props: TNode | undefined, ctx: ExtractContext): void {
  const name = scalarString(get(props, 'PolicyName')) ?? scalarString(get(props, 'ManagedPolicyName'));
  const origin = name ? `policy "${name}" (${id})` : `policy ${id}`;
  const docs = readPolicyDocument(get(props, 'PolicyDocument'), ctx.rc, { kind: 'identity', owner: id, origin }, ctx.parseString);
  const attachedTo = ['Roles', 'Users', 'Groups'].flatMap((k) => {
    const list = get(props, k);
    const items = list?.kind === 'seq' ? list.items : list ? [list] : [];
    return items.flatMap((n) => branchesOf(n)).map((b) => roleRefOf(b.node, ctx)).filter((x): x is string => x !== undefined);
  });
  for (const d of docs) if (attachedTo.length) d.attachedTo = attachedTo;
  ctx.model.policies.push(...docs);
}
