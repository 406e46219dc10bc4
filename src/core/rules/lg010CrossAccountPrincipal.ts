import { ruleDocPath, type Rule } from '../model/rule';
import { findRestriction, isSpecific, PRINCIPAL_SCOPE_KEYS, TRUST_KEYS } from './conditions';
import { collectFindings, type FindingDraft } from './findingBuilder';
import { grantsLambdaInvoke, isPublicPrincipal, principalAccount } from './principals';
import { holderService, publicAccessKeys, publicByDesign } from './resourcePolicyKind';
import { actionsText, branchOf, grantStatements, knownText, ownerRelated } from './statementUtil';

// Another account is any literal 12-digit account in a principal: the template's own account is written
// `${AWS::AccountId}` (unknown, never reported). Semantics:
// - trust policy, `*`: warning; with sts:ExternalId / PrincipalOrgID / PrincipalAccount / PrincipalArn /
//   SourceAccount / SourceArn: info (a deliberate, narrowed trust worth a look);
// - trust policy, another account: warning; cleared by sts:ExternalId or an organisation / account pin;
// - resource policy, `*`: warning unless a source, organisation or network condition (or the holder's own
//   pin: KMS caller account, S3 access-point delegation) applies; a `*` statement that invokes a function is
//   LG006's, and `execute-api:Invoke` for `*` on an API is a public API, not a leak (its authorizers decide);
// - Lambda permission for another account: warning unless PrincipalOrgID is set (`*` is LG006's).

const ACCOUNT_PIN_KEYS: readonly string[] = ['sts:ExternalId', ...PRINCIPAL_SCOPE_KEYS];

// How each case is pinned: a role trust policy with sts:ExternalId (a third party) or aws:PrincipalOrgID, a
// resource policy with an organisation or source condition, a Lambda permission with its own PrincipalOrgID
// or SourceAccount property (sts:ExternalId means nothing there).
const ADVICE = {
  trustAccount: (account: string) => ({
    why: `Identities of account ${account} can assume this role and act with its permissions; whoever controls that account decides who they are.`,
    fix: `Name the exact role of account ${account} instead of the account, and require sts:ExternalId (a third party that was given the id) or aws:PrincipalOrgID (an account of your organisation).`,
  }),
  trustAnyone: {
    why: 'Any AWS account can try to assume this role; only the conditions stand between it and the role permissions.',
    fix: 'Name the exact principal (a role ARN), and require sts:ExternalId (a third party) or aws:PrincipalOrgID (your organisation).',
  },
  resourceAccount: (account: string) => ({
    why: `Identities of account ${account} get access to this resource; whoever controls that account decides who they are.`,
    fix: `Name the exact role of account ${account}, or add an aws:PrincipalOrgID condition so only accounts of your organisation qualify.`,
  }),
  resourceAnyone: {
    why: 'Anyone with AWS credentials gets access to this resource.',
    fix: 'Name the exact principal, or add aws:PrincipalOrgID (your organisation) or aws:SourceArn / aws:SourceAccount (a calling service).',
  },
  permissionAccount: (account: string) => ({
    why: `Any identity of account ${account} that its own policies allow can call the function; you do not see or control them.`,
    fix: `Set PrincipalOrgID on the permission to your organisation's id, or, when a service of account ${account} calls the function, make that service the principal pinned by SourceAccount ${account} and SourceArn. (sts:ExternalId applies to role trust policies, not to Lambda permissions.)`,
  }),
};

export const lg010CrossAccountPrincipal: Rule = {
  meta: {
    id: 'LG010',
    name: 'CrossAccountPrincipal',
    title: 'Cross-account or public principal in a trust or resource policy',
    description:
      'A trust policy or resource policy that names another account (or everyone) hands part of your account to identities you do not control. It may be intended, but it must be a visible decision: pin it with an ExternalId, an organisation condition or the exact role.',
    fixHint: 'Pin the other account: in a trust policy name its exact role and require sts:ExternalId or aws:PrincipalOrgID; in a resource policy add aws:PrincipalOrgID; on a Lambda permission set PrincipalOrgID (or SourceAccount for a service).',
    defaultSeverity: 'warning',
    severities: ['warning', 'info'],
    docPath: ruleDocPath('LG010'),
  },
  check(model) {
    const drafts: FindingDraft[] = [];
    for (const { doc, st } of grantStatements(model, ['trust', 'resource'])) {
      const related = ownerRelated(model, doc.owner, 'Policy holder');
      const what = doc.kind === 'trust' ? 'may assume the role' : `is granted ${actionsText(st)}`;
      for (const pr of st.principals ?? []) {
        const branch = branchOf(pr.value, st);
        if (isPublicPrincipal(pr)) {
          // A function's policy that lets `*` invoke is LG006's; `execute-api:Invoke` for `*` is what a public API is.
          if (doc.kind === 'resource' && ((holderService(doc, st) === 'lambda' && grantsLambdaInvoke(st)) || publicByDesign(doc, st))) continue;
          const restriction = findRestriction(st, doc.kind === 'trust' ? TRUST_KEYS : publicAccessKeys(holderService(doc, st)));
          if (restriction && doc.kind === 'resource') continue;
          drafts.push({
            range: pr.value.range,
            resource: doc.owner,
            branch,
            severity: restriction ? 'info' : undefined,
            message: `Any AWS principal ('*') ${what} in ${doc.origin}${restriction ? `, narrowed only by ${restriction}` : ''}`,
            related,
            fix: { kind: 'restrictPrincipal' },
            advice: doc.kind === 'trust' ? ADVICE.trustAnyone : ADVICE.resourceAnyone,
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
          message: `Account ${account} ${what} in ${doc.origin} without ${doc.kind === 'trust' ? 'sts:ExternalId or an organisation condition' : 'an organisation condition'}`,
          related,
          fix: { kind: 'restrictPrincipal', account },
          advice: doc.kind === 'trust' ? ADVICE.trustAccount(account) : ADVICE.resourceAccount(account),
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
        advice: ADVICE.permissionAccount(account),
      });
    }
    return collectFindings('LG010', drafts);
  },
};
