import { managedPolicyDataset } from '../iam/managedPolicyData';
import { awsManagedPolicyName, judgeManagedRef } from '../iam/managedPolicyRef';
import { ruleDocPath, type Rule } from '../model/rule';
import { collectFindings, type FindingDraft } from './findingBuilder';
import { administrativeClass } from './managedPolicyClass';
import { ownerRelated } from './statementUtil';

// AWS managed policies are recognised by ARN (`arn:aws:iam::aws:policy/[path/]Name`, any partition,
// `${AWS::Partition}` included) or by the bare name SAM accepts in `Policies`. Administrative: by name
// (AdministratorAccess, PowerUserAccess, IAMFullAccess) or by document (an unconditional Allow of `*`,
// `iam:*` or NotAction on every resource); full access: the `*FullAccess` names. Other AWS managed
// policies are judged statement by statement by the content rules (managedDocuments.ts); customer
// managed policies (an account number instead of `aws`) by their own documents.

export const lg009AdminManagedPolicy: Rule = {
  meta: {
    id: 'LG009',
    name: 'AdminManagedPolicy',
    title: 'Administrative or full-access AWS managed policy attached',
    description:
      'AdministratorAccess, PowerUserAccess and IAMFullAccess (and any AWS managed policy whose document allows every action, every IAM action or every action but a few on every resource) give a role control over the whole account; the `*FullAccess` policies give every action of a service on every resource. A function needs a small, known set of actions on its own resources.',
    fixHint: 'Replace the managed policy with an inline policy (or SAM policy template) that lists the actions and resources the function uses.',
    defaultSeverity: 'warning',
    severities: ['error', 'warning'],
    docPath: ruleDocPath('LG009'),
  },
  check(model) {
    const drafts: FindingDraft[] = [];
    const dataset = model.managedPolicies.length ? managedPolicyDataset() : undefined;
    for (const ref of model.managedPolicies) {
      const verdict = dataset ? judgeManagedRef(ref.arn.text, dataset) : undefined;
      const policy = verdict?.kind === 'known' ? verdict.policy : undefined;
      const name = policy?.name ?? awsManagedPolicyName(ref.arn.text);
      const cls = name ? administrativeClass(name, policy?.document) : undefined;
      if (!name || !cls) continue;
      drafts.push({
        range: ref.arn.range,
        resource: ref.owner,
        branch: ref.arn.branch,
        severity: cls.severity,
        message: `${ref.owner} carries the AWS managed policy ${name} (${cls.why})`,
        related: ownerRelated(model, ref.owner, 'Holder'),
        fix: { kind: 'replaceManagedPolicy', policy: name },
      });
    }
    return collectFindings('LG009', drafts);
  },
};
