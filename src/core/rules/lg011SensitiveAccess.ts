import { CREDENTIAL_EXPOSURE_ACTIONS, matchesActionSet, SENSITIVE_READ_ACTIONS } from '../iam/actionSets';
import { lookupAction } from '../iam/catalog';
import { helpUri, type Rule } from '../model/rule';
import { resourceScopeCondition } from './conditions';
import { capList, collectFindings, type FindingDraft } from './findingBuilder';
import { appliesToService, broadResourcesOf } from './resourceScope';
import { actionBranch, grantStatements, knownText, ownerRelated, quoted } from './statementUtil';

// Credential-exposure and sensitive-read actions (the IAM layer's curated sets) on broad resources.
// Actions that accept only `Resource: '*'` (ecr:GetAuthorizationToken, sts:GetSessionToken …) cannot be
// scoped, so they are not reported: the grant is as narrow as IAM allows. A resource-tag, account or
// organisation condition drops the finding to info.

function serviceOf(member: string): string {
  return member.slice(0, member.indexOf(':'));
}

function scopable(member: string): boolean {
  const info = lookupAction(member);
  return info !== undefined && !info.wildcardOnly;
}

function label(member: string): string {
  const info = lookupAction(member);
  return info ? `${info.service}:${info.name}` : member;
}

const MAX_CACHED = 2000;
const membersCache = new Map<string, { creds: string[]; reads: string[] }>();

/** The scopable credential-exposure and sensitive-read members an action entry covers (cached per entry). */
function membersOf(pattern: string): { creds: string[]; reads: string[] } {
  const key = pattern.toLowerCase();
  let out = membersCache.get(key);
  if (!out) {
    const creds = matchesActionSet(CREDENTIAL_EXPOSURE_ACTIONS, pattern).filter(scopable);
    const reads = matchesActionSet(SENSITIVE_READ_ACTIONS, pattern).filter((m) => scopable(m) && !creds.includes(m));
    out = { creds, reads };
    if (membersCache.size >= MAX_CACHED) membersCache.clear();
    membersCache.set(key, out);
  }
  return out;
}

export const lg011SensitiveAccess: Rule = {
  meta: {
    id: 'LG011',
    name: 'SensitiveAccessOnBroadResource',
    title: 'Credential exposure or sensitive read on broad resources',
    description:
      'Actions such as secretsmanager:GetSecretValue, ssm:GetParameter*, kms:Decrypt, sts:AssumeRole or iam:CreateAccessKey return secrets or credentials. On `*` they reach every secret, key, parameter or role in the account, so one compromised function leaks them all.',
    fixHint: 'Scope the actions to the ARNs of the secrets, parameters, keys or roles the function needs.',
    defaultSeverity: 'warning',
    helpUri: helpUri('LG011'),
  },
  check(model) {
    const drafts: FindingDraft[] = [];
    for (const { doc, st } of grantStatements(model, ['identity'])) {
      const broad = broadResourcesOf(st);
      if (broad.length === 0) continue;
      const scoped = resourceScopeCondition(st);
      for (const a of st.actions ?? []) {
        const text = knownText(a);
        if (!text) continue;
        const { creds, reads } = membersOf(text);
        if (creds.length === 0 && reads.length === 0) continue;
        const on = broad.filter((r) => [...creds, ...reads].some((m) => appliesToService(r.text, serviceOf(m))));
        if (on.length === 0) continue;
        const applies = (m: string): boolean => on.some((r) => appliesToService(r.text, serviceOf(m)));
        const c = creds.filter(applies);
        const s = reads.filter(applies);
        const kind = c.length > 0 ? 'Credential exposure' : 'Sensitive read';
        const members = [...c, ...s].map(label);
        const what = members.length === 1 && members[0].toLowerCase() === text.toLowerCase() ? `'${members[0]}'` : `'${text}' (${capList(members)})`;
        drafts.push({
          range: a.range,
          resource: doc.owner,
          branch: actionBranch(a, st, on),
          severity: scoped ? 'info' : undefined,
          message: `${kind}: ${what} on ${capList(on.map(quoted), 2)} in ${doc.origin}${scoped ? ` (narrowed by ${scoped})` : ''}`,
          related: ownerRelated(model, doc.owner, 'Policy holder'),
          fix: { kind: 'scopeResources', actions: members },
        });
      }
    }
    return collectFindings('LG011', drafts);
  },
};
