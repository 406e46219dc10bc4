import { SENSITIVE_READ_ACTIONS } from '../iam/actionSets';
import type { ActionInfo } from '../iam/catalog';

/** `s3:GetObject`: lower-case service, canonical action name. */
export function actionLabel(a: ActionInfo): string {
  return `${a.service}:${a.name}`;
}

/** Write or Permissions management: the access levels that change state or who may do what. */
export function changesState(a: ActionInfo): boolean {
  return a.accessLevels.includes('Write') || a.accessLevels.includes('Permissions management');
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

/**
 * The Lambda execution baseline, conventionally granted on `*` and low-risk there: the actions of the
 * AWSLambdaBasicExecutionRole and AWSLambdaVPCAccessExecutionRole managed policies AWS attaches to
 * functions (log writing, VPC network interfaces), and cloudwatch:PutMetricData (its only resource type,
 * OTLP datasets, is optional and new; namespaces are scoped by condition instead).
 */
const BASELINE_ON_STAR: ReadonlySet<string> = new Set([
  'logs:createloggroup',
  'logs:createlogstream',
  'logs:putlogevents',
  'ec2:createnetworkinterface',
  'ec2:deletenetworkinterface',
  'ec2:assignprivateipaddresses',
  'ec2:unassignprivateipaddresses',
  'cloudwatch:putmetricdata',
]);

/** True when `Resource: '*'` is the normal value for the action: wildcard-only or part of the Lambda baseline. */
export function normalOnStar(a: ActionInfo): boolean {
  return a.wildcardOnly || BASELINE_ON_STAR.has(`${a.service}:${a.name.toLowerCase()}`);
}
