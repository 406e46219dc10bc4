import type { Condition, Statement } from '../../model/policy';
import { HOLE } from '../../model/value';
import { rangeOf, resolveConstruct, type CdkContext, type ConstructInfo } from './cdkContext';
import { addEnvironment, addFunctionUrl, cfnPermission } from './cdkLambda';
import { addManagedRefs } from './cdkManagedPolicies';
import { emitDocument, emitPolicy, type DocMeta } from './cdkPolicies';
import { principalOf } from './cdkPrincipals';
import { getProp, itemsOf, propValue, type Value } from './cdkValue';
import { tsRuntime } from './tsRuntime';

const ts = tsRuntime();

function prop(c: ConstructInfo, name: string): Value | undefined {
  const v = propValue(c.props, name);
  return v && v.kind !== 'undef' ? v : undefined;
}

/** The construct a property value names (`role: myRole`, `function: fn`). */
function constructOf(ctx: CdkContext, v: Value | undefined): ConstructInfo | undefined {
  if (!v) return undefined;
  if (v.kind === 'new') return ctx.constructs.get(v.expr);
  // `role: myRole.roleArn` (L1): the construct behind the attribute
  const n = v.node;
  if (ts.isPropertyAccessExpression(n) && /Arn$|^attr/.test(n.name.text)) return resolveConstruct(ctx, n.expression);
  return undefined;
}

/** What a construct contributes to the model: its resource, policies, permissions, URL, environment. */
export function processConstruct(ctx: CdkContext, c: ConstructInfo): void {
  const m = ctx.model;
  m.resources.push({ logicalId: c.id, type: c.type, range: rangeOf(ctx.sf, c.expr), keyRange: rangeOf(ctx.sf, c.idNode) });
  const identity = (origin: string): DocMeta => ({ kind: 'identity', owner: c.id, origin });
  switch (c.kind) {
    case 'function':
    case 'cfnFunction': {
      const l1 = c.kind === 'cfnFunction';
      m.functions.push({ owner: c.id, roleRef: constructOf(ctx, prop(c, 'role'))?.id, range: rangeOf(ctx.sf, c.expr) });
      const env = prop(c, 'environment');
      addEnvironment(ctx, c.id, l1 ? propValue(env, 'variables') : env);
      const initial = getProp(c.props, 'initialPolicy');
      if (initial) emitPolicy(ctx, identity(`initialPolicy of function ${c.id}`), itemsOf(initial.value), initial.keyNode);
      break;
    }
    case 'role':
      trustFromAssumedBy(ctx, c);
      addManagedRefs(ctx, c.id, prop(c, 'managedPolicies'));
      inlinePolicies(ctx, c, prop(c, 'inlinePolicies'));
      break;
    case 'cfnRole': {
      const trust = prop(c, 'assumeRolePolicyDocument');
      if (trust) emitDocument(ctx, { kind: 'trust', owner: c.id, origin: `trust policy of role ${c.id}` }, trust, trust.node);
      for (const p of itemsOf(prop(c, 'policies'))) {
        const name = propValue(p, 'policyName');
        const label = name?.kind === 'str' ? `"${name.text}" ` : '';
        emitDocument(ctx, identity(`inline policy ${label}of role ${c.id}`), propValue(p, 'policyDocument'), p.node);
      }
      addManagedRefs(ctx, c.id, prop(c, 'managedPolicyArns'));
      break;
    }
    case 'policy':
    case 'managedPolicy': {
      const what = c.kind === 'policy' ? 'policy' : 'managed policy';
      const st = getProp(c.props, 'statements');
      if (st) emitPolicy(ctx, identity(`${what} ${c.id}`), itemsOf(st.value), st.keyNode);
      const doc = getProp(c.props, 'document');
      if (doc) emitDocument(ctx, identity(`${what} ${c.id}`), doc.value, doc.keyNode);
      break;
    }
    case 'cfnPolicy':
    case 'cfnManagedPolicy': {
      const doc = getProp(c.props, 'policyDocument');
      if (doc) emitDocument(ctx, identity(`${c.kind === 'cfnPolicy' ? 'policy' : 'managed policy'} ${c.id}`), doc.value, doc.keyNode);
      break;
    }
    case 'userOrGroup':
      addManagedRefs(ctx, c.id, prop(c, 'managedPolicies'));
      break;
    case 'cfnPermission':
      cfnPermission(ctx, c.id, c.expr, c.props);
      break;
    case 'functionUrl':
      addFunctionUrl(ctx, constructOf(ctx, prop(c, 'function'))?.id ?? c.id, c.props, c.expr, true);
      break;
    case 'cfnUrl':
      addFunctionUrl(ctx, c.id, c.props, c.expr, false);
      break;
  }
}

function inlinePolicies(ctx: CdkContext, c: ConstructInfo, v: Value | undefined): void {
  if (v?.kind !== 'obj') return;
  for (const p of v.props) emitDocument(ctx, { kind: 'identity', owner: c.id, origin: `inline policy "${p.name}" of role ${c.id}` }, p.value, p.keyNode);
}

const WEB_IDENTITY = new Set(['WebIdentityPrincipal', 'OpenIdConnectPrincipal']);

/** `assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com')` → the trust statement CDK synthesises. */
function trustFromAssumedBy(ctx: CdkContext, c: ConstructInfo): void {
  const p = getProp(c.props, 'assumedBy');
  if (!p) return;
  const info = principalOf(ctx, p.value);
  const cls = p.value.kind === 'new' ? p.value.className : '';
  const action = WEB_IDENTITY.has(cls) ? 'sts:AssumeRoleWithWebIdentity' : cls.startsWith('Saml') ? 'sts:AssumeRoleWithSAML' : 'sts:AssumeRole';
  const at = rangeOf(ctx.sf, p.value.node);
  const externalIds: Condition[] = [];
  for (const ext of itemsOf(prop(c, 'externalIds'))) {
    externalIds.push({ operator: 'StringEquals', key: 'sts:ExternalId', values: [{ text: ext.kind === 'str' ? ext.text : HOLE, range: rangeOf(ctx.sf, ext.node) }], range: rangeOf(ctx.sf, ext.node) });
  }
  // a CompositePrincipal becomes one statement per member; externalIds apply to every statement
  const statements: Statement[] = (info.members ?? [info]).map((m) => ({
    effect: 'Allow',
    actions: [{ text: action, range: at, origin: 'assumedBy' }],
    principals: m.principals,
    conditions: [...m.conditions, ...externalIds],
    range: at,
    keyRanges: { principal: rangeOf(ctx.sf, p.keyNode) },
  }));
  ctx.model.policies.push({ kind: 'trust', owner: c.id, origin: `trust policy of role ${c.id}`, statements, range: at });
}
