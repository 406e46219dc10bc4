import { managedPolicyDataset } from '../iam/managedPolicyData';
import { correctedRef, judgeManagedRef } from '../iam/managedPolicyRef';
import { ruleDocPath, type Rule } from '../model/rule';
import { display } from '../model/value';
import { collectFindings, type FindingDraft } from './findingBuilder';
import { ownerRelated } from './statementUtil';

// A managed-policy reference that names no current AWS managed policy attaches nothing: IAM refuses the
// ARN and the deployment fails (a SAM name it cannot find is passed through and fails the same way), or,
// for a deprecated policy, new roles cannot get it at all. Judged against the shipped dataset, whose
// version every message names: a policy AWS released after it reads as unknown, so the verdict says so.
// Not LG012: that rule is about action names in statements; this is about the policy a role points at.
// Customer managed policies, unresolved values and the China / GovCloud partitions are not judged.

export const lg016UnknownManagedPolicy: Rule = {
  meta: {
    id: 'LG016',
    name: 'UnknownManagedPolicy',
    title: 'Unknown, misspelt or deprecated AWS managed policy',
    description:
      'A role that points at an AWS managed policy that does not exist (a typo, a missing `service-role/` path, the wrong case) or that AWS deprecated gets nothing from it: CloudFormation fails the deployment, or the permissions the author meant to grant are silently not there. Unknown names are judged against the AWS managed policy dataset shipped with Lambda Guard.',
    fixHint: "Use the exact ARN of a current AWS managed policy, with its path (e.g. arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole), or SAM's bare policy name.",
    defaultSeverity: 'warning',
    severities: ['warning'],
    docPath: ruleDocPath('LG016'),
  },
  check(model) {
    const dataset = model.managedPolicies.length ? managedPolicyDataset() : undefined;
    if (!dataset) return [];
    const drafts: FindingDraft[] = [];
    for (const ref of model.managedPolicies) {
      const v = judgeManagedRef(ref.arn.text, dataset);
      if (!v || v.kind === 'known') continue;
      const written = display(ref.arn).trim();
      let message: string;
      let value: string | undefined;
      if (v.kind === 'misspelt') {
        value = correctedRef(ref.arn.text, v.policy);
        message = `'${written}' names no AWS managed policy: the policy is ${value} (IAM matches the path and case exactly), so nothing is attached to ${ref.owner}`;
      } else if (v.kind === 'deprecated') {
        value = v.replacement ? correctedRef(ref.arn.text, v.replacement) : undefined;
        message = `AWS deprecated the managed policy ${v.name}: it can no longer be attached to ${ref.owner}${v.replacement ? `; its successor is ${v.replacement.name}` : ''}`;
      } else {
        value = v.suggestion ? correctedRef(ref.arn.text, v.suggestion) : undefined;
        message = `'${written}' is not an AWS managed policy in ${dataset.source} (misspelt, withdrawn, or newer than the dataset): nothing is attached to ${ref.owner}${v.suggestion ? `. Did you mean ${v.suggestion.name}?` : ''}`;
      }
      drafts.push({
        range: ref.arn.range,
        resource: ref.owner,
        branch: ref.arn.branch,
        message,
        related: ownerRelated(model, ref.owner, 'Holder'),
        fix: value ? { kind: 'replaceManagedPolicyRef', value } : undefined,
      });
    }
    return collectFindings('LG016', drafts);
  },
};
