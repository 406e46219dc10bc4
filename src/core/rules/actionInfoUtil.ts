import { SENSITIVE_READ_ACTIONS } from '../iam/actionSets';
import type { ActionInfo } from '../iam/catalog';

/** `s3:GetObject`: lower-case service, canonical action name. */
export function actionLabel(a: ActionInfo): string {
  return `${a.service}:${a.name}`;
}

/**
 * A name that says the call only reads (`ListSubscriptions`, `DescribeTopicPermissions`, `GetSessionEndpoint`):
 * the dataset tags a few dozen of these Write or Permissions management, usually because they hand out a token
 * or describe a policy. They change nothing; the ones that return credentials are LG011's (CREDENTIAL_EXPOSURE).
 */
const READ_NAME = /^(List|Describe|Get|View|Search|Lookup|Preview)[A-Z]/;

/** Write or Permissions management (the access levels that change state or who may do what), read-named calls aside. */
export function changesState(a: ActionInfo): boolean {
  return (a.accessLevels.includes('Write') || a.accessLevels.includes('Permissions management')) && !READ_NAME.test(a.name);
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
