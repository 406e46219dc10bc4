import type { TrailEvent } from '../inventory/telemetryModel';

/** Who made a call, as CloudTrail recorded it. */
export interface ChangeActor {
  /** Stable identity for "seen before" checks: the role of an assumed-role session (its session name varies per run), else the ARN. */
  key: string;
  /** Plain words for messages: `role ci-deploy (session gh-42)`, `user alice`, `the root user`. */
  label: string;
  type?: string;
  arn?: string;
  principalId?: string;
  accountId?: string;
  /** For assumed-role sessions: the role ARN. */
  roleArn?: string;
  invokedBy?: string;
  sourceIp?: string;
  userAgent?: string;
}

const ASSUMED = /^arn:aws[a-z-]*:sts::\d{12}:assumed-role\/([^/]+)\/(.+)$/;

function labelOf(u: TrailEvent['userIdentity']): string {
  const assumed = u.arn ? ASSUMED.exec(u.arn) : null;
  if (assumed) return `role ${assumed[1]} (session ${assumed[2]})`;
  if (u.type === 'Root') return 'the root user';
  if (u.type === 'IAMUser' && u.arn) return `user ${u.arn.slice(u.arn.lastIndexOf('/') + 1)}`;
  if (u.type === 'AWSService') return `AWS service ${u.invokedBy ?? 'unknown'}`;
  return u.arn ?? u.principalId ?? u.invokedBy ?? 'an unknown identity';
}

export function changeActor(event: TrailEvent): ChangeActor {
  const u = event.userIdentity;
  const actor: ChangeActor = {
    key: (u.sessionIssuerArn ?? u.arn ?? u.principalId ?? u.invokedBy ?? 'unknown').toLowerCase(),
    label: labelOf(u),
  };
  if (u.type) actor.type = u.type;
  if (u.arn) actor.arn = u.arn;
  if (u.principalId) actor.principalId = u.principalId;
  if (u.accountId) actor.accountId = u.accountId;
  if (u.sessionIssuerArn) actor.roleArn = u.sessionIssuerArn;
  if (u.invokedBy) actor.invokedBy = u.invokedBy;
  if (event.sourceIp) actor.sourceIp = event.sourceIp;
  if (event.userAgent) actor.userAgent = event.userAgent;
  return actor;
}
