import { isWildcardPattern, validateAction } from '../iam/actionPattern';
import type { Statement } from '../model/policy';
import { ruleDocPath, type Rule } from '../model/rule';
import { display, type Str } from '../model/value';
import { collectFindings, type FindingDraft } from './findingBuilder';
import { branchOf, statementsOf } from './statementUtil';

// Every Action / NotAction entry of every policy (Allow and Deny: a typo in a Deny silently denies
// nothing) and every Lambda permission action is checked against the IAM data set. Values with an
// unresolved part are judged only on what is known (validateAction): `${Svc}:Get` passes, a literal
// unknown prefix before a hole does not. Service prefixes and action names are case-insensitive.

function describe(text: string, v: Exclude<ReturnType<typeof validateAction>, { ok: true }>): string {
  const hint = v.suggestion ? ` Did you mean ${v.suggestion}?` : '';
  switch (v.reason) {
    case 'unknown-service':
      return `Unknown service prefix '${text.slice(0, text.indexOf(':'))}' in '${text}'.${hint}`;
    case 'unknown-action':
      return isWildcardPattern(text) ? `'${text}' matches no known action.${hint}` : `Unknown action '${text}'.${hint}`;
    default:
      return `Malformed action '${text}': expected 'service:action'.`;
  }
}

const MAX_CACHED = 5000;
const cache = new Map<string, ReturnType<typeof validateAction>>();

/** validateAction, cached per text: templates repeat the same actions many times. */
function validated(text: string): ReturnType<typeof validateAction> {
  let v = cache.get(text);
  if (!v) {
    v = validateAction(text);
    if (cache.size >= MAX_CACHED) cache.clear();
    cache.set(text, v);
  }
  return v;
}

export const lg012UnknownAction: Rule = {
  meta: {
    id: 'LG012',
    name: 'UnknownAction',
    title: 'Unknown IAM action or service prefix',
    description:
      'IAM accepts action names it does not know and ignores them. A typo such as `s3:GetObjcet` grants nothing (the function fails at run time), hides what the author meant, and in a Deny statement silently denies nothing.',
    fixHint: 'Correct the action name (see the suggestion) or remove it.',
    defaultSeverity: 'warning',
    severities: ['warning'],
    docPath: ruleDocPath('LG012'),
  },
  check(model) {
    const drafts: FindingDraft[] = [];
    const check = (s: Str, owner: string, st: Statement | undefined): void => {
      const text = s.text.trim();
      if (text === '') return;
      const v = validated(text);
      if (v.ok) return;
      const shown = display({ ...s, text });
      drafts.push({
        range: s.range,
        resource: owner,
        branch: branchOf(s, st),
        message: `${describe(shown, v)} IAM ignores it: it grants (or denies) nothing.`,
        fix: v.suggestion ? { kind: 'replaceAction', value: v.suggestion } : undefined,
      });
    };
    for (const { doc, st } of statementsOf(model, ['identity', 'resource', 'trust'])) {
      // SAM policy templates and AWS managed policies are AWS's text, not the user's: SQSPollerPolicy lists
      // the batch calls (sqs:DeleteMessageBatch), which IAM authorises through the single-message actions.
      if (doc.samTemplate || doc.managed) continue;
      for (const a of st.actions ?? []) check(a, doc.owner, st);
      for (const a of st.notActions ?? []) check(a, doc.owner, st);
    }
    for (const p of model.permissions) if (p.action) check(p.action, p.owner, undefined);
    return collectFindings('LG012', drafts);
  },
};
