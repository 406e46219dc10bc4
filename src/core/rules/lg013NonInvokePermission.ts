import { validateAction } from '../iam/actionPattern';
import { ruleDocPath, type Rule } from '../model/rule';
import { collectFindings, type FindingDraft } from './findingBuilder';
import { branchOf, knownText } from './statementUtil';

// A Lambda permission exists to let someone invoke the function. Any other action (lambda:GetFunction
// returns the code location and the environment, lambda:UpdateFunctionCode replaces the code,
// lambda:* does everything) hands control of the function to the principal. Unknown or misspelt
// actions are LG012's; unknown values (`!Ref Action`) are not judged.

const INVOKE_ACTIONS: ReadonlySet<string> = new Set(['lambda:invokefunction', 'lambda:invokefunctionurl']);

export const lg013NonInvokePermission: Rule = {
  meta: {
    id: 'LG013',
    name: 'NonInvokePermission',
    title: 'Lambda permission grants an action other than invoke',
    description:
      'An `AWS::Lambda::Permission` normally grants `lambda:InvokeFunction` (or `lambda:InvokeFunctionUrl`). Granting another action, or `lambda:*`, lets the principal read the function configuration and environment, change its code or its permissions.',
    fixHint: 'Use Action: lambda:InvokeFunction (or lambda:InvokeFunctionUrl for a function URL).',
    defaultSeverity: 'warning',
    severities: ['warning'],
    docPath: ruleDocPath('LG013'),
  },
  check(model) {
    const drafts: FindingDraft[] = [];
    for (const p of model.permissions) {
      const text = knownText(p.action);
      if (!p.action || !text) continue;
      if (INVOKE_ACTIONS.has(text.toLowerCase()) || !validateAction(text).ok) continue;
      const fixValue = p.functionUrlAuthType ? 'lambda:InvokeFunctionUrl' : 'lambda:InvokeFunction';
      drafts.push({
        range: p.action.range,
        resource: p.owner,
        branch: branchOf(p.action),
        message: `Lambda permission grants '${text}' instead of ${fixValue}${p.generatedBy ? ` (${p.generatedBy})` : ''}`,
        related: p.functionName ? [{ message: 'Function this permission applies to', range: p.functionName.range }] : undefined,
        fix: { kind: 'setPermissionAction', value: fixValue },
      });
    }
    return collectFindings('LG013', drafts);
  },
};
