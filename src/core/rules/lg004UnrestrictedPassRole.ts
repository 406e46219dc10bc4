import { globToRegExp } from '../iam/actionPattern';
import { ruleDocPath, type Rule } from '../model/rule';
import { findRestriction } from './conditions';
import { capList, collectFindings, type FindingDraft } from './findingBuilder';
import { wildcardRoleResourcesOf } from './resourceScope';
import { actionBranch, grantStatements, knownText, ownerRelated, quoted } from './statementUtil';

// iam:PassRole reached directly or through `iam:*`, `iam:Pass*`, `*` … on a role wildcard lets the holder
// give any matching role to any service (a new function, an EC2 instance) and act with that role's
// permissions. A named role ARN is fine; so is a wildcard with an `iam:PassedToService` condition.
// PassRole requests always carry iam:PassedToService, so an `…IfExists` test on it restricts too.

function coversPassRole(pattern: string): boolean {
  return globToRegExp(pattern).test('iam:passrole');
}

export const lg004UnrestrictedPassRole: Rule = {
  meta: {
    id: 'LG004',
    name: 'UnrestrictedPassRole',
    title: 'iam:PassRole on any role without an iam:PassedToService condition',
    description:
      'PassRole decides which roles the holder may hand to an AWS service. On a role wildcard and without `iam:PassedToService`, the holder can create a function, instance or job that runs with any role in the account, including an administrator role: a classic privilege escalation.',
    fixHint: 'Name the role ARNs that may be passed, or add a Condition `StringEquals: { iam:PassedToService: lambda.amazonaws.com }`.',
    defaultSeverity: 'error',
    severities: ['error'],
    docPath: ruleDocPath('LG004'),
  },
  check(model) {
    const drafts: FindingDraft[] = [];
    for (const { doc, st } of grantStatements(model, ['identity'])) {
      const roleStrs = wildcardRoleResourcesOf(st);
      if (roleStrs.length === 0) continue;
      if (findRestriction(st, ['iam:PassedToService'], { ifExistsRestricts: true })) continue;
      for (const a of st.actions ?? []) {
        const text = knownText(a);
        if (!text || !coversPassRole(text)) continue;
        const via = text.toLowerCase() === 'iam:passrole' ? 'iam:PassRole' : `iam:PassRole (through '${text}')`;
        drafts.push({
          range: a.range,
          resource: doc.owner,
          branch: actionBranch(a, st, roleStrs),
          message: `${via} on ${capList(roleStrs.map(quoted), 2)} without an iam:PassedToService condition in ${doc.origin}: any matching role can be handed to any service`,
          related: ownerRelated(model, doc.owner, 'Policy holder'),
          fix: { kind: 'addPassedToService' },
          managed: doc.managed,
        });
      }
    }
    return collectFindings('LG004', drafts);
  },
};
