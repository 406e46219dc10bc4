import type { Rule } from '../model/rule';
import { lg001WildcardAction } from './lg001WildcardAction';
import { lg002WildcardResource } from './lg002WildcardResource';
import { lg003AllowWithNot } from './lg003AllowWithNot';
import { lg004UnrestrictedPassRole } from './lg004UnrestrictedPassRole';
import { lg005PrivilegeEscalation } from './lg005PrivilegeEscalation';
import { lg006PublicInvoke } from './lg006PublicInvoke';
import { lg007ServicePrincipalNoSource } from './lg007ServicePrincipalNoSource';
import { lg008FunctionUrlAuthNone } from './lg008FunctionUrlAuthNone';
import { lg009AdminManagedPolicy } from './lg009AdminManagedPolicy';
import { lg010CrossAccountPrincipal } from './lg010CrossAccountPrincipal';
import { lg011SensitiveAccess } from './lg011SensitiveAccess';
import { lg012UnknownAction } from './lg012UnknownAction';
import { lg013NonInvokePermission } from './lg013NonInvokePermission';
import { lg014PlaintextSecretEnv } from './lg014PlaintextSecretEnv';
import { lg015ExposedWithoutAlarm } from './lg015ExposedWithoutAlarm';
import { lg016UnknownManagedPolicy } from './lg016UnknownManagedPolicy';
import { lg017LiveDrift } from './lg017LiveDrift';

/** Every template rule, in id order (the order SARIF lists them). */
export const ALL_RULES: Rule[] = [
  lg001WildcardAction,
  lg002WildcardResource,
  lg003AllowWithNot,
  lg004UnrestrictedPassRole,
  lg005PrivilegeEscalation,
  lg006PublicInvoke,
  lg007ServicePrincipalNoSource,
  lg008FunctionUrlAuthNone,
  lg009AdminManagedPolicy,
  lg010CrossAccountPrincipal,
  lg011SensitiveAccess,
  lg012UnknownAction,
  lg013NonInvokePermission,
  lg014PlaintextSecretEnv,
  lg015ExposedWithoutAlarm,
  lg016UnknownManagedPolicy,
  lg017LiveDrift,
];

const BY_ID: ReadonlyMap<string, Rule> = new Map(ALL_RULES.map((r) => [r.meta.id, r]));

/** The rule with this id (`LG007`, case-insensitive), or undefined. */
export function ruleById(id: string): Rule | undefined {
  return BY_ID.get(id.trim().toUpperCase());
}
