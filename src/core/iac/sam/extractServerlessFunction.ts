import type { ExtractContext } from '../cloudformation/extractContext';
import { extractEnv, roleRefOf } from '../cloudformation/extractLambda';
import { readPolicyDocument } from '../cloudformation/readStatement';
import { resolveScalar } from '../cloudformation/resolveStr';
import { get, scalarString, type TNode } from '../tree/tnode';
import { extractSamEvents } from './samEvents';
import { extractSamPolicies } from './samPolicies';

/** `AWS::Serverless::Function`, with `Globals.Function` applied the way SAM merges them. */
export function extractServerlessFunction(id: string, r: TNode, props: TNode | undefined, ctx: ExtractContext): void {
  const g = ctx.functionGlobals;
  const pick = (key: string): TNode | undefined => get(props, key) ?? get(g, key);
  const roleNode = pick('Role');
  ctx.model.functions.push({ owner: id, name: scalarString(get(props, 'FunctionName')), roleRef: roleNode ? roleRefOf(roleNode, ctx) : undefined, range: r.range });

  const envs = [get(get(g, 'Environment'), 'Variables'), get(get(props, 'Environment'), 'Variables')].filter((n): n is TNode => !!n);
  extractEnv(id, envs, ctx);

  // SAM ignores Policies and the trust document when the function brings its own Role.
  if (!roleNode) {
    extractSamPolicies(id, get(props, 'Policies'), ctx);
    const trust = pick('AssumeRolePolicyDocument');
    if (trust) {
      ctx.model.policies.push(...readPolicyDocument(trust, ctx.rc, { kind: 'trust', owner: id, origin: `trust policy of function ${id}'s role` }, ctx.parseString));
    }
  }

  const url = pick('FunctionUrlConfig');
  if (url) {
    const types = resolveScalar(get(url, 'AuthType'), ctx.rc);
    if (types.length === 0) ctx.model.functionUrls.push({ owner: id, range: url.range, functionRef: id });
    for (const authType of types) ctx.model.functionUrls.push({ owner: id, authType, range: url.range, functionRef: id });
  }
  extractSamEvents(id, get(props, 'Events'), ctx);
}
