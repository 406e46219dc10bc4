import { expandActionPattern } from '../iam/actionPattern';
import { serviceExists, type ActionInfo } from '../iam/catalog';
import { ruleDocPath, type Rule } from '../model/rule';
import { actionLabel, changesState } from './actionInfoUtil';
import { capList, collectFindings, type FindingDraft } from './findingBuilder';
import { hasWildcard } from './resourceScope';
import { branchOf, grantStatements, knownText, ownerRelated, serviceWildcardOf } from './statementUtil';

// Severity: `*` (every action of every service) is an administrator grant → error (in a trust policy it
// only opens every sts action on the role → warning). `service:*` → warning.
// A partial wildcard (`dynamodb:Update*`, `iam:*Policy`) → warning only when it covers Write or
// Permissions-management actions; a read-only wildcard such as `s3:Get*` or `logs:Describe*` is not
// reported (the same line Cloudsplaining draws). Resource policies are judged by their principals
// (LG006, LG010): a key policy's `kms:*` for the account root is the documented default.

const MAX_CACHED = 2000;
const writesCache = new Map<string, readonly ActionInfo[]>();

/** The Write / Permissions-management actions a pattern covers (cached per pattern). */
function writeActions(pattern: string): readonly ActionInfo[] {
  const key = pattern.toLowerCase();
  let out = writesCache.get(key);
  if (!out) {
    out = expandActionPattern(pattern).filter(changesState);
    if (writesCache.size >= MAX_CACHED) writesCache.clear();
    writesCache.set(key, out);
  }
  return out;
}

export const lg001WildcardAction: Rule = {
  meta: {
    id: 'LG001',
    name: 'WildcardAction',
    title: 'Allow grants a wildcard action',
    description:
      'A wildcard action grants every current and future action it matches. `*` makes the holder an administrator; `service:*` or a wildcard that covers write or permissions-management actions grants far more than a function needs, so a bug or a stolen credential can do far more damage.',
    fixHint: 'List the specific actions the function calls instead of a wildcard.',
    defaultSeverity: 'warning',
    severities: ['error', 'warning'],
    docPath: ruleDocPath('LG001'),
  },
  check(model) {
    const drafts: FindingDraft[] = [];
    for (const { doc, st } of grantStatements(model, ['identity', 'trust'])) {
      for (const a of st.actions ?? []) {
        const text = knownText(a);
        if (!text || !hasWildcard(text)) continue;
        const base = { range: a.range, resource: doc.owner, branch: branchOf(a, st), related: ownerRelated(model, doc.owner, 'Policy holder'), managed: doc.managed };
        if (/^\*+(:\*+)?$/.test(text)) {
          // In a trust policy `*` means every sts action on this role, not administrator access.
          if (doc.kind === 'trust') drafts.push({ ...base, message: `Trust policy allows every action ('${text}') in ${doc.origin}; name sts:AssumeRole (and sts:TagSession if needed)` });
          else drafts.push({ ...base, severity: 'error', message: `Allow grants every action of every service ('${text}') in ${doc.origin}: full administrator access` });
          continue;
        }
        const svc = serviceWildcardOf(text);
        if (svc) {
          if (!serviceExists(svc)) continue; // an unknown prefix grants nothing (LG012 reports it)
          const writes = writeActions(text).length;
          drafts.push({
            ...base,
            message: `Allow grants every ${svc} action ('${text}'${writes ? `, ${writes} of them write or permissions-management` : ''}) in ${doc.origin}`,
            fix: { kind: 'narrowServiceWildcard', service: svc, pattern: text },
          });
          continue;
        }
        // A partial wildcard inside a SAM policy template (SQSSendMessagePolicy's `sqs:SendMessage*`) or an
        // AWS managed policy (ReadOnlyAccess's `athena:Get*`) is AWS's wording: the user cannot narrow it, only
        // `svc:*` is news; what it opens on every resource is LG002's and LG011's finding.
        if (doc.samTemplate || doc.managed) continue;
        const writes = writeActions(text);
        if (writes.length === 0) continue;
        const services = [...new Set(writes.map((w) => w.service))];
        drafts.push({
          ...base,
          message: `'${text}' covers ${writes.length} write or permissions-management action${writes.length === 1 ? '' : 's'} (${capList(writes.map(actionLabel).sort())}) in ${doc.origin}`,
          fix: services.length === 1 ? { kind: 'narrowServiceWildcard', service: services[0], pattern: text } : { kind: 'narrowServiceWildcard', pattern: text },
        });
      }
    }
    return collectFindings('LG001', drafts);
  },
};
