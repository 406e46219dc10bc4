import { HOLE } from '../model/value';
import { allActions, listServices, lookupAction, serviceActionIndex, serviceActions, serviceExists, suggestAction, type ActionInfo } from './catalog';

// IAM action patterns: `*` matches any run of characters and `?` exactly one, case-insensitively, over
// the whole `service:action` text. A HOLE (an unresolved template value) is an ordinary character that
// no action contains: it is never a wildcard, so a pattern with a hole expands to nothing.

const MAX_CACHED = 5000;
const regexCache = new Map<string, RegExp>();
const expansionCache = new Map<string, readonly ActionInfo[]>();

/** A case-insensitive, anchored RegExp for an IAM glob (`*`, `?`). Cached. */
export function globToRegExp(glob: string): RegExp {
  const key = glob.toLowerCase();
  let re = regexCache.get(key);
  if (!re) {
    const body = key.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
    re = new RegExp(`^${body}$`, 'is');
    if (regexCache.size >= MAX_CACHED) regexCache.clear();
    regexCache.set(key, re);
  }
  return re;
}

export function isWildcardPattern(pattern: string): boolean {
  return pattern.includes('*') || pattern.includes('?');
}

function isAllStars(text: string): boolean {
  return /^\*+$/.test(text);
}

/**
 * The actions an `Action` / `NotAction` entry covers: `*`, `s3:*`, `s3:Get*`, `s3:*Object`, `s?s:*`,
 * `s3:getobject`. Results are cached per pattern and shared (frozen). Expanding a pattern whose service
 * part is a wildcard loads every service once.
 */
export function expandActionPattern(pattern: string): ActionInfo[] {
  const key = pattern.toLowerCase();
  let result = expansionCache.get(key);
  if (!result) {
    result = Object.freeze(computeExpansion(key));
    if (expansionCache.size >= MAX_CACHED) expansionCache.clear();
    expansionCache.set(key, result);
  }
  return result as ActionInfo[];
}

function computeExpansion(pattern: string): readonly ActionInfo[] {
  if (isAllStars(pattern)) return allActions();
  const colon = pattern.indexOf(':');
  if (colon < 0) {
    // Not `service:action`; IAM would glob the whole text, so do the same when there is a wildcard.
    if (!isWildcardPattern(pattern)) return [];
    const re = globToRegExp(pattern);
    return allActions().filter((a) => re.test(`${a.service}:${a.name.toLowerCase()}`));
  }
  const svcPart = pattern.slice(0, colon);
  const actPart = pattern.slice(colon + 1);
  const services = isWildcardPattern(svcPart) ? listServices().filter((s) => globToRegExp(svcPart).test(s)) : serviceExists(svcPart) ? [svcPart] : [];
  if (!isWildcardPattern(actPart)) {
    return services.map((s) => lookupAction(`${s}:${actPart}`)).filter((a): a is ActionInfo => a !== undefined);
  }
  if (isAllStars(actPart)) return services.flatMap((s) => serviceActions(s));
  const re = globToRegExp(actPart);
  const out: ActionInfo[] = [];
  for (const s of services) for (const [name, info] of serviceActionIndex(s)) if (re.test(name)) out.push(info);
  return out;
}

export type ActionValidation = { ok: true } | { ok: false; reason: 'unknown-service' | 'unknown-action' | 'malformed'; suggestion?: string };

// Service prefixes are lower-case letters, digits and dashes; action names letters and digits (plus the
// odd `-`/`_`). Wildcards may appear in either part.
const SERVICE_PART = /^[a-z0-9*?][a-z0-9*?.-]*$/i;
const ACTION_PART = /^[a-z0-9*?][a-z0-9*?_-]*$/i;

/**
 * Checks one `Action` entry against the catalogue. An entry with a HOLE in its action part cannot be
 * judged (it is reported ok); an unknown literal service is still reported even then.
 */
export function validateAction(action: string): ActionValidation {
  if (isAllStars(action)) return { ok: true };
  const colon = action.indexOf(':');
  if (colon < 0) return action.includes(HOLE) ? { ok: true } : { ok: false, reason: 'malformed' };
  const svcPart = action.slice(0, colon);
  const actPart = action.slice(colon + 1);
  if (svcPart.includes(HOLE)) return { ok: true };
  if (!SERVICE_PART.test(svcPart)) return { ok: false, reason: 'malformed' };
  const svcWildcard = isWildcardPattern(svcPart);
  if (!svcWildcard && !serviceExists(svcPart)) return withSuggestion('unknown-service', action);
  if (svcWildcard && !listServices().some((s) => globToRegExp(svcPart).test(s))) return { ok: false, reason: 'unknown-service' };
  if (actPart.includes(HOLE)) return { ok: true };
  if (!ACTION_PART.test(actPart)) return { ok: false, reason: 'malformed' };
  if (expandActionPattern(action).length > 0) return { ok: true };
  return isWildcardPattern(action) ? { ok: false, reason: 'unknown-action' } : withSuggestion('unknown-action', action);
}

function withSuggestion(reason: 'unknown-service' | 'unknown-action', action: string): ActionValidation {
  const suggestion = suggestAction(action);
  return suggestion ? { ok: false, reason, suggestion } : { ok: false, reason };
}
