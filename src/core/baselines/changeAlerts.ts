import { CHANGE_WORDS, type FunctionChange } from '../activity/functionChanges';
import type { Alert } from '../model/alert';
import type { Severity } from '../model/severity';
import { makeAlert, raise, type AlertTarget } from './alertText';

/** Identities that changed a Lambda function while learning, by `ChangeActor.key`. */
export type KnownActors = Map<string, { label: string; firstSeen: number; lastSeen: number; count: number }>;

const INFO_KINDS = new Set(['permission-removed', 'url-deleted', 'concurrency', 'alias', 'version-published', 'tags', 'runtime-management']);

function isPublicPrincipal(p: unknown): boolean {
  return p === '*' || (typeof p === 'object' && p !== null && (p as Record<string, unknown>).AWS === '*');
}

/**
 * Base severity of a change: opening the function to anyone (public permission, URL without auth) or
 * swapping its role is an error; code, configuration, trigger and permission changes are warnings;
 * bookkeeping (tags, aliases, versions, concurrency, removals) is info.
 */
export function changeSeverity(c: FunctionChange): Severity {
  const req = c.event.requestParameters ?? {};
  if (c.kind === 'permission-added' && (isPublicPrincipal(req.principal) || req.functionUrlAuthType === 'NONE')) return 'error';
  if ((c.kind === 'url-created' || c.kind === 'url-updated') && req.authType === 'NONE') return 'error';
  if (c.kind === 'configuration' && req.role !== undefined) return 'error';
  return INFO_KINDS.has(c.kind) ? 'info' : 'warning';
}

/**
 * LG104: one alert per change. An identity that changed no function while learning (and CloudTrail
 * covered the learning period) raises the severity one step: a deploy from the usual pipeline is
 * routine; the same change from a new identity is not.
 */
export function changeAlert(c: FunctionChange, target: AlertTarget, actorSeenBefore: boolean | undefined): Alert {
  let severity = changeSeverity(c);
  if (actorSeenBefore === false) severity = raise(severity);
  const words = CHANGE_WORDS[c.kind];
  const sha = typeof c.details.codeSha256 === 'string' ? c.details.codeSha256 : undefined;
  const from = c.actor.sourceIp ? ` from ${c.actor.sourceIp}` : '';
  const extra = [
    sha ? `new code SHA-256 ${sha}` : undefined,
    c.kind === 'permission-added' && c.details.principal !== undefined ? `principal ${JSON.stringify(c.details.principal)}` : undefined,
    (c.kind === 'url-created' || c.kind === 'url-updated') && c.details.authType ? `auth ${String(c.details.authType)}` : undefined,
    c.kind === 'configuration' && Array.isArray(c.details.changed) && c.details.changed.length ? `changed ${c.details.changed.join(', ')}` : undefined,
    actorSeenBefore === false ? 'an identity that changed no function while learning' : undefined,
  ].filter((x) => x !== undefined);
  const message = `${words[0].toUpperCase()}${words.slice(1)} by ${c.actor.label}${from}${extra.length ? ` (${extra.join('; ')})` : ''}.`;
  const { key: _key, label: _label, ...actor } = c.actor;
  const evidence: Record<string, unknown> = {
    change: c.kind,
    eventName: c.eventName,
    recordedEventName: c.event.eventName,
    eventId: c.event.eventId,
    eventTime: c.event.time,
    actor,
    actorLabel: c.actor.label,
    // The identity as the baselines know it (the role of an assumed-role session), for acceptAlert.
    actorKey: c.actor.key,
  };
  if (actorSeenBefore !== undefined) evidence.actorSeenBefore = actorSeenBefore;
  if (sha) evidence.codeSha256 = sha;
  if (c.function.qualifier) evidence.qualifier = c.function.qualifier;
  evidence.details = c.details;
  return makeAlert('LG104', severity, target, c.event.time, message, evidence);
}
