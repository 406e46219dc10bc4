import type { IamRole } from '../inventory/accountModel';
import { tagContext, withValues } from './conditionEval';
import { evaluateAccess, pooled, statementsFor, type Evaluation, type PolicySet } from './evaluatePolicies';
import { globWitness, requestTokens, WITNESS_CHAR } from './globMatch';

// "Create a new function with the same role": iam:PassRole on the function's role together with
// lambda:CreateFunction on SOME function name, in any region (roles are global). The new function runs
// with the role's permissions, so it is a way to act as the function.

export const PASS_ROLE_CREATE = 'iam:PassRole+lambda:CreateFunction';

const RANK: Record<Evaluation['decision'], number> = { allowed: 3, conditional: 2, notAllowed: 1, denied: 0 };
const MAX_SAMPLES = 16;

/**
 * Can the set create a function under some name? The names tried are a neutral one plus, for every
 * Resource pattern of its Allow statements (identity and boundary), one name that pattern allows: a Deny
 * or boundary is then judged on a name the Allow really permits (Allow `function:dev-*` + Deny
 * `function:dev-*` is not allowed). Names that only a mix of two patterns would allow are not searched.
 */
export function evaluateCreateFunction(set: PolicySet, partition: string, account: string): Evaluation {
  const request = requestTokens(`arn:${partition}:lambda:?*:${account}:function:?*`);
  const samples = new Set([`arn:${partition}:lambda:${WITNESS_CHAR}:${account}:function:${WITNESS_CHAR}`]);
  const f = statementsFor(set, 'lambda:createfunction');
  for (const s of [...f.allows, ...f.boundaryAllows]) {
    for (const p of s.st.resources ?? []) {
      const w = globWitness(p.tokens, request);
      if (w !== undefined && samples.size < MAX_SAMPLES) samples.add(w);
    }
  }
  let best: Evaluation | undefined;
  for (const resource of samples) {
    const ev = evaluateAccess({ action: 'lambda:CreateFunction', resource }, set);
    if (!best || RANK[ev.decision] > RANK[best.decision]) best = ev;
    if (best.decision === 'allowed') break;
  }
  return best as Evaluation;
}

/** iam:PassRole of the role to Lambda (`iam:PassedToService` is known: lambda.amazonaws.com). */
export function evaluatePassRole(set: PolicySet, roleArn: string, role: IamRole | undefined): Evaluation {
  const context = withValues({ 'iam:passedtoservice': 'lambda.amazonaws.com' }, tagContext(role?.tags, 'iam'));
  return evaluateAccess({ action: 'iam:PassRole', resource: roleArn, context }, set);
}

/** Both are needed: the pair is allowed when both are, conditional when both are at least conditional. */
export function bothNeeded(a: Evaluation, b: Evaluation): Evaluation | undefined {
  if (RANK[a.decision] < 2 || RANK[b.decision] < 2) return undefined;
  return pooled(a.decision === 'conditional' || b.decision === 'conditional' ? 'conditional' : 'allowed', a, b);
}
