import { ruleDocPath, type Rule } from '../model/rule';

// Drift between a deployed function and the template it was deployed from: a resource-policy statement,
// a function URL or an execution-role inline policy that exists live but not in the source was added out
// of band (console, CLI, another pipeline) — exactly the change a review of the template never sees.
// Only the live audit can tell (src/core/audit/drift.ts compares); templates alone never produce it.

export const lg017LiveDrift: Rule = {
  meta: {
    id: 'LG017',
    name: 'OutOfBandChange',
    title: 'A deployed function has permissions, a URL or role policies its template does not declare',
    description:
      'The deployed function carries a resource-policy statement, a function URL or an inline role policy that the template it was deployed from does not declare: someone changed it outside the template (console, CLI, another pipeline). Reviews of the template never see such changes, and the next deployment may keep them (CloudFormation leaves what it did not create) or silently remove them.',
    fixHint: 'Add the change to the template (so it is reviewed and versioned) or remove it from the account; then deploy again.',
    defaultSeverity: 'warning',
    severities: ['warning'],
    docPath: ruleDocPath('LG017'),
  },
  check() {
    return [];
  },
};
