import { CREDENTIAL_EXPOSURE_ACTIONS, matchesActionSet, SENSITIVE_READ_ACTIONS } from '../iam/actionSets';
import { lookupAction } from '../iam/catalog';
import { ruleDocPath, type Rule } from '../model/rule';
import type { Str } from '../model/value';
import { resourceScopeCondition } from './conditions';
import { capList, collectFindings, type FindingDraft } from './findingBuilder';
import { lg011Wording } from './lg011Advice';
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
    title: 'Credential exposure or data read on broad resources',
    description:
      'Two risks, said apart in each finding. Credential exposure: secretsmanager:GetSecretValue, ssm:GetParameter*, kms:Decrypt, sts:AssumeRole or iam:CreateAccessKey return secrets or credentials; on `*` they reach every secret, key, parameter or role in the account. Data read: s3:GetObject, dynamodb:Query, sqs:ReceiveMessage and the like return the data itself; on `*` one compromised function reads every bucket, table or queue.',
    fixHint: 'Scope the actions to the ARNs the function needs: the secrets, parameters, keys or roles it takes credentials from, the buckets, tables or queues it reads.',
    defaultSeverity: 'warning',
    severities: ['warning', 'info'],
    docPath: ruleDocPath('LG011'),
  },
  check(model) {
    const drafts: FindingDraft[] = [];
    for (const { doc, st } of grantStatements(model, ['identity'])) {
      const broad = broadResourcesOf(st);
      if (broad.length === 0) continue;
      const scoped = resourceScopeCondition(st);
      // Actions that share one source range (a SAM policy template puts all of its actions on the
      // template's line) make one finding, not one per action on the same line.
      const groups = new Map<string, { at: Str; texts: string[]; creds: string[]; reads: string[]; on: Str[]; branches: Set<string | undefined> }>();
      for (const a of st.actions ?? []) {
        const text = knownText(a);
        if (!text) continue;
        const { creds, reads } = membersOf(text);
        if (creds.length === 0 && reads.length === 0) continue;
        const on = broad.filter((r) => [...creds, ...reads].some((m) => appliesToService(r.text, serviceOf(m))));
        if (on.length === 0) continue;
        const applies = (m: string): boolean => on.some((r) => appliesToService(r.text, serviceOf(m)));
        const key = `${a.range.startLine}:${a.range.startColumn}-${a.range.endLine}:${a.range.endColumn}`;
        let g = groups.get(key);
        if (!g) groups.set(key, (g = { at: a, texts: [], creds: [], reads: [], on: [], branches: new Set() }));
        g.texts.push(text);
        g.creds.push(...creds.filter(applies).filter((m) => !g.creds.includes(m)));
        g.reads.push(...reads.filter(applies).filter((m) => !g.reads.includes(m)));
        g.on.push(...on.filter((r) => !g.on.includes(r)));
        g.branches.add(actionBranch(a, st, on));
      }
      for (const g of groups.values()) {
        const members = [...g.creds, ...g.reads].map(label);
        const { head, advice } = lg011Wording(g.texts, g.creds.map(label), g.reads.map(label));
        drafts.push({
          range: g.at.range,
          resource: doc.owner,
          branch: g.branches.size === 1 ? [...g.branches][0] : undefined,
          severity: scoped ? 'info' : undefined,
          message: `${head} on ${capList(g.on.map(quoted), 2)} in ${doc.origin}${scoped ? ` (narrowed by ${scoped})` : ''}`,
          related: ownerRelated(model, doc.owner, 'Policy holder'),
          fix: { kind: 'scopeResources', actions: members },
          advice,
          managed: doc.managed,
        });
      }
    }
    return collectFindings('LG011', drafts);
  },
};
