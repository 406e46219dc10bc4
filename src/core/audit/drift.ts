import type { AccountSnapshot, LiveFunction } from '../inventory/accountModel';
import type { Finding } from '../model/finding';
import type { TemplateModel } from '../model/templateModel';
import { HOLE, type Str } from '../model/value';
import { findRole, type LiveTemplate } from './liveTemplate';
import { liveDocumentName } from './liveFindings';
import { permissionsFromResourcePolicy } from './resourcePolicyPermissions';
import type { SourceMatch } from './sourceIndex';

/** `444455556666`, `arn:aws:iam::444455556666:root` → the account; services and `*` as written, lower case. */
function principalKey(text: string): string {
  const account = /^(?:arn:aws[\w-]*:iam::)?(\d{12})(?::root)?$/.exec(text.trim());
  return account ? account[1] : text.trim().toLowerCase();
}

/** A template value matches a live one when equal, or when the template's is not known statically. */
function matches(template: Str | undefined, live: string, key: (s: string) => string = (s) => s.trim().toLowerCase()): boolean {
  if (!template) return false;
  return template.text.includes(HOLE) || key(template.text) === key(live);
}

const INLINE = /^inline policy "(.*)" of /;

/** Inline policy names the template gives the function's role, or undefined when the role is not the template's. */
function templateRolePolicies(model: TemplateModel, logicalId: string): ((name: string) => boolean) | undefined {
  const fn = model.functions.find((f) => f.owner === logicalId);
  const isSam = model.resources.find((r) => r.logicalId === logicalId)?.type === 'AWS::Serverless::Function';
  if (fn?.roleRef) {
    const names = new Set(model.policies.filter((p) => p.owner === fn.roleRef).map((p) => INLINE.exec(p.origin)?.[1]).filter((n): n is string => !!n));
    return (name) => names.has(name);
  }
  // SAM names the inline policies of the role it generates `<Function>RolePolicy<N>`.
  if (isSam && !fn?.roleRef) return (name) => new RegExp(`^${logicalId}RolePolicy\\d+$`).test(name);
  return undefined;
}

/**
 * LG017: what the deployed function has that its template does not declare — resource-policy statements
 * (matched by principal and action; SAM's generated event and URL permissions included), a function URL,
 * inline policies of a role the template defines. Each finding sits on the live document's part.
 */
export function driftFindings(fn: LiveFunction, snapshot: AccountSnapshot, template: LiveTemplate, source: SourceMatch): Finding[] {
  const model = source.model;
  if (!model) return [];
  const id = source.logicalId;
  const out: Finding[] = [];
  const document = liveDocumentName(fn);
  const target = { arn: fn.arn, functionName: fn.name, region: fn.region };
  const partRange = (kind: string, name: string): Finding['live'] => {
    const part = template.parts.find((p) => p.kind === kind && p.name === name);
    return part && { document, ...part.range };
  };
  const add = (resource: string, message: string, live: Finding['live']): void => {
    out.push({ ruleId: 'LG017', severity: 'warning', message, target, ...(live ? { live } : {}), resource, suppressed: false });
  };
  const where = `${source.file} (${id})`;
  const declared = model.permissions.filter((p) => (p.functionRef ?? p.owner) === id);
  const urls = model.functionUrls.filter((u) => (u.functionRef ?? u.owner) === id);
  for (const p of permissionsFromResourcePolicy(fn.resourcePolicy).permissions) {
    const principal = String(p.properties.Principal);
    const action = String(p.properties.Action);
    const isUrlPermission = action.toLowerCase() === 'lambda:invokefunctionurl' && urls.length > 0;
    if (isUrlPermission || declared.some((d) => matches(d.principal, principal, principalKey) && (!d.action || matches(d.action, action)))) continue;
    add(`permission ${p.sid}`, `Permission ${p.sid} (${principal} may call ${action}) is on the deployed function but not in ${where}: an out-of-band change`, partRange('permission', `permission ${p.sid}`));
  }
  if (fn.url && !urls.length) {
    add('function URL', `The deployed function has a function URL (AuthType ${fn.url.authType}) that ${where} does not declare: an out-of-band change`, partRange('url', 'function URL'));
  } else if (fn.url) {
    const known = urls.map((u) => u.authType).filter((a): a is Str => !!a && !a.text.includes(HOLE));
    if (known.length && !known.some((a) => a.text.trim().toUpperCase() === fn.url!.authType.toUpperCase())) {
      add('function URL', `The deployed function URL has AuthType ${fn.url.authType}; ${where} declares ${known.map((a) => a.text).join(' or ')}: changed out of band`, partRange('url', 'function URL'));
    }
  }
  const expected = templateRolePolicies(model, id);
  const role = findRole(snapshot, fn.role);
  if (expected && role) {
    for (const p of role.inlinePolicies) {
      if (!expected(p.name)) add(`inline policy ${p.name}`, `The execution role has an inline policy "${p.name}" that ${where} does not declare: an out-of-band change`, partRange('inline', p.name));
    }
  }
  return out;
}
