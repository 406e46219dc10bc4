import type { PolicyDocument, Statement } from '../../model/policy';
import type { Str } from '../../model/value';
import { branchesOf } from '../cloudformation/branches';
import type { ExtractContext } from '../cloudformation/extractContext';
import { readPolicyDocument } from '../cloudformation/readStatement';
import { resolveScalar } from '../cloudformation/resolveStr';
import { getCi, type TEntry, type TNode } from '../tree/tnode';
import { expandPolicyTemplate, isPolicyTemplate } from './expandPolicyTemplate';

/**
 * A SAM function's `Policies`: a managed policy name or ARN, a list of those, inline documents
 * (`{ Statement: [...] }`) and policy templates (`{ S3CrudPolicy: { BucketName: x } }`).
 */
export function extractSamPolicies(fnId: string, policies: TNode | undefined, ctx: ExtractContext): void {
  for (const b of branchesOf(policies)) {
    const items = b.node.kind === 'seq' ? b.node.items : [b.node];
    for (const item of items.flatMap((n) => branchesOf(n, b.branch))) {
      const n = item.node;
      if (n.kind === 'map' && getCi(n, 'Statement')) {
        ctx.model.policies.push(...readPolicyDocument(n, ctx.rc, { kind: 'identity', owner: fnId, origin: `inline policy of function ${fnId}` }, ctx.parseString));
      } else if (n.kind === 'map' && n.entries.length === 1 && isPolicyTemplate(n.entries[0].key)) {
        const doc = templateDocument(fnId, n.entries[0], ctx, item.branch);
        if (doc) ctx.model.policies.push(doc);
      } else if (n.kind === 'scalar' || n.kind === 'fn') {
        for (const arn of resolveScalar(n, ctx.rc, item.branch)) ctx.model.managedPolicies.push({ owner: fnId, arn, range: arn.range });
      }
    }
  }
}

const expansions = new Map<string, ReturnType<typeof expandPolicyTemplate>>();

/** Expansion depends only on the template name and the parameter texts: re-analysis re-uses it. */
function cachedExpansion(name: string, params: Record<string, Str>): ReturnType<typeof expandPolicyTemplate> {
  const key = `${name}\u0000${Object.entries(params).map(([k, v]) => `${k}=${v.text}`).join('\u0000')}`;
  if (!expansions.has(key)) {
    if (expansions.size > 5000) expansions.clear();
    expansions.set(key, expandPolicyTemplate(name, params));
  }
  return expansions.get(key);
}

/**
 * Expands a policy template; every part of the result points at the template's line in the source,
 * except where a parameter written as a wildcard (`TableName: '*'`) makes a statement broad: that
 * statement points at the parameter's value, the text the user would change.
 */
function templateDocument(fnId: string, e: TEntry, ctx: ExtractContext, branch?: string): PolicyDocument | undefined {
  const params: Record<string, Str> = {};
  if (e.value.kind === 'map') {
    for (const p of e.value.entries) {
      const v = resolveScalar(p.value, ctx.rc)[0];
      if (v) params[p.key] = v;
    }
  }
  const expanded = cachedExpansion(e.key, params);
  if (!expanded) return undefined;
  const origin = `SAM policy template ${e.key}`;
  const statements: Statement[] = expanded.map((s) => {
    const cause = s.resources.flatMap((r) => r.usedParams).map((p) => params[p]).find((v) => v.text.includes('*'));
    const range = cause?.range ?? e.keyRange;
    const at = (text: string): Str => ({ text, range, origin });
    return {
      effect: s.effect,
      actions: s.actions.map(at),
      resources: s.resources.map((r) => at(r.text)),
      conditions: s.conditions.map((c) => ({ operator: c.operator, key: c.key, values: c.values.map(at), range })),
      range: e.range,
      keyRanges: { action: range, resource: range },
      branch,
    };
  });
  return { kind: 'identity', owner: fnId, origin: `SAM policy template ${e.key} of function ${fnId}`, statements, range: e.range, samTemplate: e.key };
}
