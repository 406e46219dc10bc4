import { ruleDocPath, type Rule } from '../model/rule';
import { findRestriction, isSpecific, SOURCE_KEYS } from './conditions';
import { collectFindings, type FindingDraft } from './findingBuilder';
import { grantsLambdaInvoke, isServicePrincipal, servicePrincipalWithHole } from './principals';
import { branchOf, grantStatements, knownText, ownerRelated } from './statementUtil';

// A service principal alone means "this service, acting for anyone": another account's bucket, topic or
// API can trigger the function (confused deputy). SourceArn or SourceAccount pins the caller.
// Exempt: Alexa skills, which are pinned by EventSourceToken instead, and Secrets Manager rotation, whose
// documented permission has no source (the rotation schedule lives on the secret; prowler#5300).

const EXEMPT_SERVICES: ReadonlySet<string> = new Set(['secretsmanager.amazonaws.com']);

export const lg007ServicePrincipalNoSource: Rule = {
  meta: {
    id: 'LG007',
    name: 'ServicePrincipalWithoutSource',
    title: 'An AWS service may invoke the function without SourceArn or SourceAccount',
    description:
      "A permission for a service principal such as `s3.amazonaws.com` or `sns.amazonaws.com` without SourceArn or SourceAccount lets that service invoke the function on behalf of any AWS account: someone else's bucket or topic can trigger your code (the confused-deputy problem).",
    fixHint: 'Add SourceArn (the bucket, topic, rule or API that calls the function) and SourceAccount.',
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
      if (!grantsLambdaInvoke(st)) continue;
      const services = (st.principals ?? []).filter((pr) => {
        const t = knownText(pr.value);
        return pr.type === 'Service' && t !== undefined && isServicePrincipal(t) && !EXEMPT_SERVICES.has(t.toLowerCase());
      });
      if (services.length === 0 || findRestriction(st, SOURCE_KEYS)) continue;
      for (const pr of services) {
        const principal = pr.value.text.trim();
        drafts.push({
          range: pr.value.range,
          resource: doc.owner,
          branch: branchOf(pr.value, st),
          message: `${principal} may invoke without an aws:SourceArn or aws:SourceAccount condition in ${doc.origin}`,
          related: ownerRelated(model, doc.owner, 'Policy holder'),
          fix: { kind: 'addSourceCondition', principal },
        });
      }
    }
    return collectFindings('LG007', drafts);
  },
};
