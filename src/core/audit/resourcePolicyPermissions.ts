import type { PolicyJson } from '../inventory/accountModel';

/** An `AWS::Lambda::Permission`'s properties, as the statement AddPermission wrote would be declared. */
export interface MappedPermission {
  sid: string;
  properties: Record<string, unknown>;
}

/**
 * Condition keys Lambda's AddPermission writes, and the permission property each one comes from.
 * Condition keys are case-insensitive; GetPolicy returns `AWS:SourceArn`.
 */
const CONDITION_PROPERTY: Record<string, string> = {
  'aws:sourcearn': 'SourceArn',
  'aws:sourceaccount': 'SourceAccount',
  'aws:principalorgid': 'PrincipalOrgID',
  'lambda:eventsourcetoken': 'EventSourceToken',
  'lambda:functionurlauthtype': 'FunctionUrlAuthType',
};

function list(v: unknown): unknown[] {
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

/** `"*"`, `{AWS: …}`, `{Service: …}` → the strings a permission's Principal can hold; undefined when not expressible. */
function principalsOf(p: unknown): string[] | undefined {
  if (p === '*') return ['*'];
  if (!p || typeof p !== 'object') return undefined;
  const out: string[] = [];
  for (const [type, v] of Object.entries(p)) {
    if (type !== 'AWS' && type !== 'Service') return undefined;
    for (const s of list(v)) if (typeof s === 'string') out.push(s);
  }
  return out.length ? out : undefined;
}

/** The properties the statement's conditions map to, or undefined when a condition has no permission property. */
function conditionProperties(cond: unknown): Record<string, unknown> | undefined {
  if (cond === undefined) return {};
  if (!cond || typeof cond !== 'object') return undefined;
  const out: Record<string, unknown> = {};
  for (const [operator, tests] of Object.entries(cond)) {
    if (!/^(StringEquals|StringLike|ArnLike|ArnEquals)$/.test(operator) || !tests || typeof tests !== 'object') return undefined;
    for (const [key, value] of Object.entries(tests)) {
      const prop = CONDITION_PROPERTY[key.toLowerCase()];
      const values = list(value);
      // A key tested twice (ArnEquals and ArnLike on SourceArn) is not one permission property.
      if (!prop || prop in out || values.length !== 1 || typeof values[0] !== 'string') return undefined;
      out[prop] = values[0];
    }
  }
  return out;
}

/**
 * Splits a function's resource policy into the permissions that would have produced it: one per
 * Allow statement, principal and action whose conditions are the ones AddPermission writes. Any other
 * statement (a Deny, NotPrincipal, other condition keys) is returned in `unmapped`: it is shown to the
 * user as it is, and never reported as if it were unrestricted.
 */
export function permissionsFromResourcePolicy(policy: PolicyJson | undefined): { permissions: MappedPermission[]; unmapped: unknown[] } {
  const permissions: MappedPermission[] = [];
  const unmapped: unknown[] = [];
  list(policy?.Statement).forEach((st, i) => {
    const s = (st ?? {}) as Record<string, unknown>;
    const principals = principalsOf(s.Principal);
    const actions = list(s.Action).filter((a): a is string => typeof a === 'string');
    const conditions = conditionProperties(s.Condition);
    if (s.Effect !== 'Allow' || !principals || !actions.length || !conditions || s.NotAction || s.NotResource) {
      unmapped.push(st);
      return;
    }
    const sid = typeof s.Sid === 'string' && s.Sid ? s.Sid : `statement ${i + 1}`;
    const many = principals.length * actions.length > 1;
    for (const principal of principals) {
      for (const action of actions) {
        permissions.push({ sid: many ? `${sid} (${principal}, ${action})` : sid, properties: { Action: action, Principal: principal, ...conditions } });
      }
    }
  });
  return { permissions, unmapped };
}
