import { ruleDocPath, type Rule } from '../model/rule';
import { findRestriction, isSpecific, PRINCIPAL_SCOPE_KEYS, PUBLIC_ACCESS_KEYS, TRUST_KEYS } from './conditions';
import { collectFindings, type FindingDraft } from './findingBuilder';
import { grantsLambdaInvoke, isPublicPrincipal, principalAccount } from './principals';
import { branchOf, grantStatements, knownText, ownerRelated } from './statementUtil';

// Another account is any literal 12-digit account in a principal: the template's own account is written
// `${AWS::AccountId}` (unknown, never reported). Semantics:
// - trust policy, `*`: warning; with sts:ExternalId / PrincipalOrgID / PrincipalAccount / PrincipalArn /
//   SourceAccount / SourceArn: info (a deliberate, narrowed trust worth a look);
// - trust policy, another account: warning; cleared by sts:ExternalId or an organisation / account pin;
// - resource policy, `*`: warning unless a source, organisation or network condition applies; a `*`
//   statement that invokes Lambda is LG006's;
// - Lambda permission for another account: warning unless PrincipalOrgID is set (`*` is LG006's).

const ACCOUNT_PIN_KEYS: readonly string[] = ['sts:ExternalId', ...PRINCIPAL_SCOPE_KEYS];

export const lg010CrossAccountPrincipal: Rule = {
  meta: {
    id: 'LG010',
    name: 'CrossAccountPrincipal',
    title: 'Cross-account or public principal in a trust or resource policy',
    description:
      'A trust policy or resource policy that names another account (or everyone) hands part of your account to identities you do not control. It may be intended, but it must be a visible decision: pin it with an ExternalId, an organisation condition or the exact role.',
    fixHint: 'Name the exact role of the other account and add sts:ExternalId or aws:PrincipalOrgID, or remove the principal.',
    defaultSeverity: 'warning',
    severities: ['warning', 'info'],
    docPath: ruleDocPath('LG010'),
  },
  check(model) {
    const drafts: FindingDraft[] = [];
    for (const { doc, st } of grantStatements(model, ['trust', 'resource'])) {
      const related = ownerRelated(model, doc.owner, 'Policy holder');
      const what = doc.kind === 'trust' ? 'may assume the role' : 'is granted access';
      for (const pr of st.principals ?? []) {
        const branch = branchOf(pr.value, st);
        if (isPublicPrincipal(pr)) {
          if (doc.kind === 'resource' && grantsLambdaInvoke(st)) continue;
          const restriction = findRestriction(st, doc.kind === 'trust' ? TRUST_KEYS : PUBLIC_ACCESS_KEYS);
          if (restriction && doc.kind === 'resource') continue;
          drafts.push({
            range: pr.value.range,
            resource: doc.owner,
            branch,
            severity: restriction ? 'info' : undefined,
            message: `Any AWS principal ('*') ${what} in ${doc.origin}${restriction ? `, narrowed only by ${restriction}` : ''}`,
            related,
            fix: { kind: 'restrictPrincipal' },
          });
          continue;
        }
        if (pr.type !== 'AWS') continue;
        const account = principalAccount(pr.value);
        if (!account || findRestriction(st, ACCOUNT_PIN_KEYS)) continue;
        drafts.push({
          range: pr.value.range,
          resource: doc.owner,
          branch,
          message: `Account ${account} ${what} in ${doc.origin} without sts:ExternalId or an organisation condition`,
          related,
          fix: { kind: 'restrictPrincipal', account },
        });
      }
    }
    for (const p of model.permissions) {
      if (!p.principal) continue;
      const account = principalAccount(p.principal);
      if (!account || isSpecific(p.principalOrgId)) continue;
      drafts.push({
        range: p.principal.range,
        resource: p.owner,
        branch: branchOf(p.principal),
        message: `Account ${account} may call ${knownText(p.action) ?? 'the function'} on the function (cross-account permission without PrincipalOrgID)`,
        related: p.functionName ? [{ message: 'Function this permission applies to', range: p.functionName.range }] : undefined,
        fix: { kind: 'restrictPrincipal', account },
      });
    }
    return collectFindings('LG010', drafts);
  },
};
