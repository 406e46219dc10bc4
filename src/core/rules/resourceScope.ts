import { globToRegExp } from '../iam/actionPattern';
import { isAllResources, resourceMatchesService, splitArn } from '../iam/resourcePattern';
import type { Statement } from '../model/policy';
import { HOLE, type Str } from '../model/value';

// "Broad" resources are what LG002, LG005 and LG011 mean by "on every resource": `*` and ARNs that are
// effectively all (`arn:aws:s3:::*`, `function:*`, `table/*`), as the IAM layer defines them. A name
// prefix (`role/app-*`, `table/Orders*`) or a named parent (`my-bucket/*`) is a deliberate scope.

/** True when the resource names every resource, or every resource of one type. Holes are never wildcards. */
function isBroadResource(text: string): boolean {
  return isAllResources(text.trim());
}

/** True when a broad resource can apply to actions of `service` (`*` applies to all). */
export function appliesToService(resource: string, service: string): boolean {
  return resourceMatchesService(resource.trim(), service);
}

/** True when the text has a `*` or `?` wildcard (holes are unknown, not wildcards). */
export function hasWildcard(text: string): boolean {
  return /[*?]/.test(text);
}

/**
 * True when a resource entry can match IAM role ARNs through a wildcard: `*`, `arn:aws:iam::*:role/*`,
 * `arn:aws:iam::123456789012:role/app-*`. Named roles, other services (`arn:aws:s3:::*`) and holes are not.
 */
function isWildcardRoleResource(text: string): boolean {
  const t = text.trim();
  if (!hasWildcard(t)) return false;
  if (/^\*+$/.test(t)) return true;
  if (!t.startsWith('arn:')) return false;
  const f = splitArn(t);
  // Cut short (`arn:aws:*`): the last field's stars span the rest, roles included.
  if (f.length < 6) return /^\*+$/.test(f[f.length - 1]) && f.slice(0, -1).every((x, i) => i < 2 || matchesIam(x));
  if (!matchesIam(f[2])) return false;
  const res = f[5];
  return /^(\*|role\*|role\/)/i.test(res) && (hasWildcard(res) || hasWildcard(f[4]));
}

function matchesIam(field: string): boolean {
  if (field.includes(HOLE)) return false;
  return globToRegExp(field).test('iam');
}

/** The statement's `Resource` values that are broad (holes judged by the IAM layer: never a wildcard). */
export function broadResourcesOf(st: Statement): Str[] {
  return (st.resources ?? []).filter((r) => isBroadResource(r.text));
}

/** The statement's `Resource` values that match IAM roles through a wildcard. */
export function wildcardRoleResourcesOf(st: Statement): Str[] {
  return (st.resources ?? []).filter((r) => isWildcardRoleResource(r.text));
}
