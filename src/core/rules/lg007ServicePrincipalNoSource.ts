import { ruleDocPath, type Rule } from '../model/rule';
import { findRestriction, isSpecific } from './conditions';
import { collectFindings, type FindingDraft } from './findingBuilder';
import { grantsLambdaInvoke, isServicePrincipal, servicePrincipalWithHole } from './principals';
import { holderService, serviceSourceKeys } from './resourcePolicyKind';
import { actionsText, branchOf, grantStatements, knownText, ownerRelated } from './statementUtil';

// A service principal alone means "this service, acting for anyone": another account's bucket, topic or
// API can trigger the function (confused deputy). SourceArn or SourceAccount pins the caller.
// Exempt: Alexa skills, which are pinned by EventSourceToken instead, and Secrets Manager rotation, whose
// documented permission has no source (the rotation schedule lives on the secret; prowler#5300).
// The same holds for every resource policy (a bucket, topic, queue, key, bus or API that grants a service):
// there the guard is an aws:SourceArn / SourceAccount / SourceOwner / SourceOrgID condition, or what the
// holder's service documents instead (a KMS encryption context, S3 access-point delegation).

const EXEMPT_SERVICES: ReadonlySet<string> = new Set(['secretsmanager.amazonaws.com']);

export const lg007ServicePrincipalNoSource: Rule = {
  meta: {
    id: 'LG007',
    name: 'ServicePrincipalWithoutSource',
    title: 'An AWS service may use a function or resource without SourceArn or SourceAccount (confused deputy)',
    description:
      "A permission or resource-policy statement for a service principal such as `s3.amazonaws.com` or `sns.amazonaws.com` without SourceArn or SourceAccount lets that service act on behalf of any AWS account: someone else's bucket or topic can trigger your code, someone else's trail or log group can write to your bucket or use your key (the confused-deputy problem).",
    fixHint: 'Add SourceArn (the bucket, topic, rule or API that calls) and SourceAccount: the permission properties, or aws:SourceArn / aws:SourceAccount conditions in a policy statement.',
    defaultSeverity: 'warning',
    severities: ['warning'],
    docPath: ruleDocPath('LG007'),
  },
  check(model) {
    const drafts: FindingDraft[] = [];
    for (const p of model.permissions) {
      const withHole = servicePrincipalWithHole(p.principal);
      const principal = knownText(p.principal) ?? withHole;
      if (!p.principal || principal === undefined || !(isServicePrincipal(principal) || withHole !== undefined)) continue;
      if (EXEMPT_SERVICES.has(principal.toLowerCase())) continue;
      if (isSpecific(p.sourceArn) || isSpecific(p.sourceAccount) || isSpecific(p.eventSourceToken)) continue;
      // A permission for another action (LG013's finding) is still usable on behalf of any account.
      const action = knownText(p.action);
      const verb = action && !/^lambda:invokefunction(url)?$/i.test(action) ? `may call ${action} on` : 'may invoke';
      drafts.push({
        range: p.principal.range,
        resource: p.owner,
        branch: branchOf(p.principal),
        message: `${principal} ${verb} the function without SourceArn or SourceAccount: the service can do so on behalf of any account${p.generatedBy ? ` (${p.generatedBy})` : ''}`,
        related: p.functionName ? [{ message: 'Function this permission applies to', range: p.functionName.range }] : undefined,
        fix: { kind: 'addSourceCondition', principal },
      });
    }
    for (const { doc, st } of grantStatements(model, ['resource'])) {
      const services = (st.principals ?? []).filter((pr) => {
        const t = knownText(pr.value);
        return pr.type === 'Service' && t !== undefined && isServicePrincipal(t) && !EXEMPT_SERVICES.has(t.toLowerCase());
      });
      if (services.length === 0) continue;
      const holder = holderService(doc, st);
      if (findRestriction(st, serviceSourceKeys(holder))) continue;
      const invoke = holder === 'lambda' && grantsLambdaInvoke(st);
      const granted = invoke ? 'may invoke' : `is granted ${actionsText(st)}`;
      for (const pr of services) {
        const principal = pr.value.text.trim();
        drafts.push({
          range: pr.value.range,
          resource: doc.owner,
          branch: branchOf(pr.value, st),
          message: `${principal} ${granted} without an aws:SourceArn or aws:SourceAccount condition in ${doc.origin}: the service can use it on behalf of any account`,
          related: ownerRelated(model, doc.owner, 'Policy holder'),
          fix: { kind: 'addSourceCondition', principal },
        });
      }
    }
    return collectFindings('LG007', drafts);
  },
};
