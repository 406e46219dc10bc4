import type { LambdaPermission } from '../model/lambdaResources';
import { ruleDocPath, type Rule } from '../model/rule';
import { conditionValues, findRestriction, isSpecific, PUBLIC_ACCESS_KEYS } from './conditions';
import { collectFindings, type FindingDraft } from './findingBuilder';
import { grantsLambdaInvoke, isPublicPrincipal, isPublicText } from './principals';
import { holderService } from './resourcePolicyKind';
import { branchOf, grantStatements, knownText, ownerRelated } from './statementUtil';

// A `*` principal is public unless something else pins the caller: SourceArn, SourceAccount,
// PrincipalOrgID or an Alexa EventSourceToken on a permission; source, organisation or network
// conditions in a policy statement. A function-URL permission with FunctionUrlAuthType AWS_IAM still
// requires SigV4-signed IAM callers, so it is not public; with NONE it is (and the URL itself is LG008).
// An unknown (intrinsic) restriction counts as present: unknown is never reported as open.

function permissionRestriction(p: LambdaPermission): string | undefined {
  if (isSpecific(p.sourceArn)) return 'SourceArn';
  if (isSpecific(p.sourceAccount)) return 'SourceAccount';
  if (isSpecific(p.principalOrgId)) return 'PrincipalOrgID';
  if (isSpecific(p.eventSourceToken)) return 'EventSourceToken';
  if (p.functionUrlAuthType) {
    const auth = knownText(p.functionUrlAuthType);
    if (auth === undefined || auth.toUpperCase() !== 'NONE') return 'FunctionUrlAuthType';
  }
  return undefined;
}

/** A public function-URL permission is closed by IAM auth on the URL; SourceArn / SourceAccount do not apply to it. */
const URL_ADVICE = {
  why: 'With FunctionUrlAuthType NONE the permission lets anyone on the internet call the function URL without signing the request.',
  fix: 'Set FunctionUrlAuthType (and the URL\'s AuthType) to AWS_IAM so callers must sign with IAM credentials, or remove the permission; document in-code authentication and suppress if the URL is meant to be public.',
};

export const lg006PublicInvoke: Rule = {
  meta: {
    id: 'LG006',
    name: 'PublicInvoke',
    title: 'Anyone may invoke the function',
    description:
      'A permission or resource-policy statement with the principal `*` and no SourceArn, SourceAccount or PrincipalOrgID restriction lets any AWS account, and for function URLs with AuthType NONE any anonymous caller, invoke the function: cost, data exposure and abuse of whatever the function can reach.',
    fixHint: 'Name the calling account or service as principal, or add SourceArn / SourceAccount / PrincipalOrgID.',
    defaultSeverity: 'error',
    severities: ['error'],
    docPath: ruleDocPath('LG006'),
  },
  check(model) {
    const drafts: FindingDraft[] = [];
    for (const p of model.permissions) {
      if (!p.principal || !isPublicText(p.principal)) continue;
      if (permissionRestriction(p)) continue;
      const action = knownText(p.action) ?? 'the function';
      const via = p.functionUrlAuthType ? ' through its function URL: FunctionUrlAuthType NONE, no signature needed' : ": principal '*' without SourceArn, SourceAccount or PrincipalOrgID";
      drafts.push({
        range: p.principal.range,
        resource: p.owner,
        branch: branchOf(p.principal),
        message: `Anyone may call ${action}${via}${p.generatedBy ? ` (${p.generatedBy})` : ''}`,
        advice: p.functionUrlAuthType ? URL_ADVICE : undefined,
        related: p.functionName ? [{ message: 'Function this permission applies to', range: p.functionName.range }] : undefined,
        fix: { kind: 'addSourceCondition', principal: '*' },
      });
    }
    for (const { doc, st } of grantStatements(model, ['resource'])) {
      const pub = (st.principals ?? []).filter(isPublicPrincipal);
      // Only a function's own policy lets anyone invoke it: `Action: '*'` in a bucket policy opens the bucket (LG010's).
      if (pub.length === 0 || holderService(doc, st) !== 'lambda' || !grantsLambdaInvoke(st)) continue;
      if (findRestriction(st, PUBLIC_ACCESS_KEYS)) continue;
      if (conditionValues(st, 'lambda:FunctionUrlAuthType').some((v) => knownText(v)?.toUpperCase() !== 'NONE')) continue;
      for (const pr of pub) {
        drafts.push({
          range: pr.value.range,
          resource: doc.owner,
          branch: branchOf(pr.value, st),
          message: `Anyone may invoke: principal '*' without a source or organisation condition in ${doc.origin}`,
          related: ownerRelated(model, doc.owner, 'Policy holder'),
          fix: { kind: 'addSourceCondition', principal: '*' },
        });
      }
    }
    return collectFindings('LG006', drafts);
  },
};
