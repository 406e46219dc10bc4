import { CREDENTIAL_EXPOSURE_ACTIONS, SENSITIVE_READ_ACTIONS } from '../iam/actionSets';
import type { ActionInfo } from '../iam/catalog';

/** `s3:GetObject`: lower-case service, canonical action name. */
export function actionLabel(a: ActionInfo): string {
  return `${a.service}:${a.name}`;
}

/**
 * A name that says the call only reads (`ListSubscriptions`, `DescribeTopicPermissions`): the dataset tags a few
 * dozen of these Write or Permissions management, usually because they describe a policy or open a session.
 * They change nothing — except the ones that hand out credentials (`redshift:GetClusterCredentials`,
 * `sts:GetFederationToken`), which keep their tag: on every resource they are as dangerous as a write.
 */
const READ_NAME = /^(List|Describe|Get|View|Search|Lookup|Preview)[A-Z]/;

/** Write or Permissions management (the access levels that change state or who may do what), plain reads aside. */
export function changesState(a: ActionInfo): boolean {
  if (!a.accessLevels.includes('Write') && !a.accessLevels.includes('Permissions management')) return false;
  return !READ_NAME.test(a.name) || CREDENTIAL_EXPOSURE_ACTIONS.has(`${a.service}:${a.name.toLowerCase()}`);
}

/** A read that returns secrets or data worth stealing (the IAM layer's curated list). */
export function isSensitiveRead(a: ActionInfo): boolean {
  return SENSITIVE_READ_ACTIONS.has(`${a.service}:${a.name.toLowerCase()}`);
}

/** The action's resource types, as a `replaceResourceWildcard` quick fix needs them (required ones first). */
export function resourceTypeNames(a: ActionInfo): string[] {
  const required = a.resourceTypes.filter((r) => r.required).map((r) => r.name);
  return required.length > 0 ? required : a.resourceTypes.map((r) => r.name);
}
