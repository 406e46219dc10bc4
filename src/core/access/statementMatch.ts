import type { GrantCondition } from './accessModel';
import { evaluateConditions, NOTHING_KNOWN, type ConditionOutcome, type KnownContext } from './conditionEval';
import type { ArnPattern } from './globMatch';
import type { ParsedStatement } from './policyParse';

/** One request to evaluate: an action on a resource, with what the snapshot knows of its context. */
export interface AccessRequest {
  /** `lambda:UpdateFunctionCode` (any case: IAM action names are case-insensitive). */
  action: string;
  /** The resource ARN, e.g. the unqualified function ARN. */
  resource: string;
  context?: KnownContext;
}

/** Whether the statement's Action / NotAction covers the action (given lower-cased). */
export function actionApplies(st: ParsedStatement, actionLower: string): boolean {
  if (st.actions) return st.actions.some((m) => m(actionLower));
  return !(st.notActions ?? []).some((m) => m(actionLower));
}

const NONE: GrantCondition[] = [];

/** Pseudo-conditions for ARN patterns whose match depends on a policy variable's value. */
function variableConditions(patterns: ArnPattern[], operator: string): GrantCondition[] {
  return patterns.flatMap((p) => p.variables.map((key) => ({ operator, key, values: [p.text] })));
}

/**
 * How the Resource / NotResource element treats the resource: undefined when the statement does not
 * apply, else the pseudo-conditions that a policy variable adds (none for a plain match).
 */
export function resourceConditions(st: ParsedStatement, resource: string): GrantCondition[] | undefined {
  const patterns = st.resources ?? st.notResources ?? [];
  let definite = false;
  let maybe: ArnPattern[] | undefined; // allocated only for patterns with policy variables: this runs per request
  for (const p of patterns) {
    if (!p.test(resource)) continue;
    if (p.variables.length === 0) {
      definite = true;
      break;
    }
    (maybe ??= []).push(p);
  }
  if (st.resources) {
    if (definite) return NONE;
    return maybe ? variableConditions(maybe, 'ResourceWithPolicyVariable') : undefined;
  }
  // NotResource: applies unless a pattern names the resource; with a variable, only when its value does not.
  if (definite) return undefined;
  return maybe ? variableConditions(maybe, 'NotResourceWithPolicyVariable') : NONE;
}

/**
 * Whether a statement applies to the request (its effect aside), ignoring Principal (the caller matches
 * principals for resource policies). Undefined when it does not apply; else the conditions that stay
 * unresolved (an empty list: it applies unconditionally) and those the snapshot shows are met.
 */
export function matchStatement(st: ParsedStatement, req: AccessRequest, actionLower = req.action.toLowerCase()): ConditionOutcome | undefined {
  return actionApplies(st, actionLower) ? matchResourceAndConditions(st, req) : undefined;
}

/** `matchStatement` for a statement already known to cover the action. */
export function matchResourceAndConditions(st: ParsedStatement, req: AccessRequest): ConditionOutcome | undefined {
  const fromResource = resourceConditions(st, req.resource);
  if (!fromResource) return undefined;
  const outcome = evaluateConditions(st.conditions, req.context ?? NOTHING_KNOWN);
  if (!outcome) return undefined;
  return fromResource.length === 0 ? outcome : { unresolved: [...fromResource, ...outcome.unresolved], satisfied: outcome.satisfied };
}
