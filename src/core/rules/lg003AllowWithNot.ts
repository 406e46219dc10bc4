import type { Statement } from '../model/policy';
import { ruleDocPath, type Rule } from '../model/rule';
import type { SourceRange } from '../model/sourceRange';
import { collectFindings, type FindingDraft } from './findingBuilder';
import { grantStatements, ownerRelated } from './statementUtil';

// NotAction / NotResource in an Allow grant everything *except* the list: every action AWS adds later is
// granted too. NotPrincipal with Allow grants every principal but the listed ones. Any policy kind.

type NotKey = 'notAction' | 'notResource' | 'notPrincipal';

const KEYS: readonly NotKey[] = ['notAction', 'notResource', 'notPrincipal'];

const LABEL: Record<NotKey, string> = { notAction: 'NotAction', notResource: 'NotResource', notPrincipal: 'NotPrincipal' };

const EXPLAIN: Record<NotKey, string> = {
  notAction: 'grants every action except the listed ones, including actions AWS adds later',
  notResource: 'grants the actions on every resource except the listed ones',
  notPrincipal: 'grants every principal except the listed ones, anonymous callers included',
};

function present(st: Statement, key: NotKey): boolean {
  const v = key === 'notAction' ? st.notActions : key === 'notResource' ? st.notResources : st.notPrincipals;
  return v !== undefined || st.keyRanges[key] !== undefined;
}

export const lg003AllowWithNot: Rule = {
  meta: {
    id: 'LG003',
    name: 'AllowWithNotElement',
    title: 'Allow statement uses NotAction, NotResource or NotPrincipal',
    description:
      'An Allow with NotAction, NotResource or NotPrincipal grants everything outside a deny-list. The grant grows silently whenever AWS adds actions or you add resources, and it is easy to read as the opposite of what it does.',
    fixHint: 'Use Action / Resource / Principal with the explicit list, or turn the statement into a Deny.',
    defaultSeverity: 'warning',
    severities: ['warning'],
    docPath: ruleDocPath('LG003'),
  },
  check(model) {
    const drafts: FindingDraft[] = [];
    for (const { doc, st } of grantStatements(model, ['identity', 'resource', 'trust'])) {
      for (const key of KEYS) {
        if (!present(st, key)) continue;
        const range: SourceRange = st.keyRanges[key] ?? st.range;
        drafts.push({
          range,
          resource: doc.owner,
          branch: st.branch,
          message: `Allow with ${LABEL[key]} in ${doc.origin} ${EXPLAIN[key]}`,
          related: ownerRelated(model, doc.owner, 'Policy holder'),
          fix: { kind: 'replaceNotElement', element: LABEL[key] },
          managed: doc.managed,
        });
      }
    }
    return collectFindings('LG003', drafts);
  },
};
