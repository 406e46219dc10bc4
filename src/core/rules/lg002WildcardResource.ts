import { expandActionPattern } from '../iam/actionPattern';
import { resourceTypeArn, type ActionInfo } from '../iam/catalog';
import type { FixData } from '../model/finding';
import { rangesEqual } from '../model/sourceRange';
import { ruleDocPath, type Rule } from '../model/rule';
import { normalOnStar } from '../iam/starOnlyActions';
import { actionLabel, changesState, isSensitiveRead, resourceTypeNames } from './actionInfoUtil';
import { resourceScopeCondition } from './conditions';
import { capList, collectFindings, type FindingDraft } from './findingBuilder';
import { appliesToService, broadResourcesOf } from './resourceScope';
import { branchOf, grantStatements, knownText, ownerRelated, quoted } from './statementUtil';

// Only actions that accept a narrower resource count: `Resource: '*'` is the only valid value for
// wildcard-only actions (xray:PutTraceSegments, ec2:DescribeNetworkInterfaces), so flagging them is noise
// (cfn_nag#490); nor are the Lambda baseline actions AWS's own execution-role policies grant on `*`
// (iam/starOnlyActions.ts). Reads count only when sensitive.
// A condition on the resource's tags, account or organisation narrows the grant: the finding drops to info.

const MAX_CACHED = 2000;
const riskyCache = new Map<string, readonly ActionInfo[]>();

// iam:PassRole on a wildcard is LG004's finding, which also knows the iam:PassedToService condition.
function isPassRole(a: ActionInfo): boolean {
  return a.service === 'iam' && a.name === 'PassRole';
}

/** Actions an entry covers that support resource-level permissions and write, manage permissions or read sensitive data. */
function riskyActions(pattern: string): readonly ActionInfo[] {
  const key = pattern.toLowerCase();
  let out = riskyCache.get(key);
  if (!out) {
    out = expandActionPattern(pattern).filter((a) => !normalOnStar(a) && !isPassRole(a) && (changesState(a) || isSensitiveRead(a)));
    if (riskyCache.size >= MAX_CACHED) riskyCache.clear();
    riskyCache.set(key, out);
  }
  return out;
}

function fixFor(actions: readonly ActionInfo[]): FixData {
  const services = [...new Set(actions.map((a) => a.service))];
  if (services.length !== 1) return { kind: 'replaceResourceWildcard', services };
  const service = services[0];
  const resourceTypes = [...new Set(actions.flatMap(resourceTypeNames))];
  const arnPatterns = resourceTypes.map((t) => resourceTypeArn(service, t)).filter((p): p is string => p !== undefined);
  return { kind: 'replaceResourceWildcard', service, resourceTypes, arnPatterns };
}

function firstFor(candidates: readonly ActionInfo[], resource: string): ActionInfo[] {
  const first = candidates.find((a) => appliesToService(resource, a.service));
  return first ? [first] : [];
}

function distinctFor(candidates: readonly ActionInfo[], resource: string): ActionInfo[] {
  const seen = new Set<string>();
  return candidates.filter((a) => {
    const label = actionLabel(a);
    if (seen.has(label) || !appliesToService(resource, a.service)) return false;
    seen.add(label);
    return true;
  });
}

const summaryCache = new Map<string, { what: string; fix: FixData } | null>();

/**
 * What a statement's actions open on one broad resource: the message part and the fix data, or null.
 * Cached per (actions, resource): generated templates repeat the same statements many times.
 */
function summarize(actionTexts: readonly string[], resource: string): { what: string; fix: FixData } | undefined {
  const key = `${actionTexts.join('\u0001')}\u0002${resource}`;
  let out = summaryCache.get(key);
  if (out === undefined) {
    out = computeSummary(actionTexts, resource);
    if (summaryCache.size >= MAX_CACHED) summaryCache.clear();
    summaryCache.set(key, out);
  }
  return out ?? undefined;
}

function computeSummary(actionTexts: readonly string[], resource: string): { what: string; fix: FixData } | null {
  // With `*` among the actions the message says "every action": only existence matters.
  if (actionTexts.some((t) => /^\*+(:\*+)?$/.test(t))) {
    return firstFor(riskyActions('*'), resource).length > 0 ? { what: "every action ('*')", fix: { kind: 'replaceResourceWildcard' } } : null;
  }
  const offending = distinctFor(actionTexts.flatMap((t) => riskyActions(t)), resource);
  if (offending.length === 0) return null;
  const n = offending.length;
  return {
    what: `${n} write, permissions-management or sensitive-read action${n === 1 ? '' : 's'} (${capList(offending.map(actionLabel).sort())})`,
    fix: fixFor(offending),
  };
}

export const lg002WildcardResource: Rule = {
  meta: {
    id: 'LG002',
    name: 'WildcardResource',
    title: 'Allow grants write, permissions-management or sensitive-read actions on every resource',
    description:
      "`Resource: '*'` (or an ARN that is effectively all, such as `arn:aws:s3:::*` or `table/*`) lets the granted actions touch every bucket, table, function or secret in the account, including ones created later. Only actions that can be scoped to a resource are reported: for wildcard-only actions `*` is the sole valid value.",
    fixHint: 'Replace the wildcard resource with the ARNs (or an ARN pattern) of the resources the function uses.',
    defaultSeverity: 'warning',
    severities: ['warning', 'info'],
    docPath: ruleDocPath('LG002'),
  },
  check(model) {
    const drafts: FindingDraft[] = [];
    for (const { doc, st } of grantStatements(model, ['identity'])) {
      if (!st.resources?.length || !st.actions?.length) continue;
      const broad = broadResourcesOf(st);
      if (broad.length === 0) continue;
      const actionTexts = st.actions.map(knownText).filter((t): t is string => t !== undefined);
      const scoped = resourceScopeCondition(st);
      // Values that share one source range (a SAM policy template's `arn:aws:s3:::*` and `…:::*/*` both sit
      // on the template's line) make one finding: the first value that opens something, naming the rest.
      const done = new Set<string>();
      for (const r of broad) {
        const key = `${r.range.startLine}:${r.range.startColumn}-${r.range.endLine}:${r.range.endColumn}|${r.branch ?? ''}`;
        if (done.has(key)) continue;
        const found = summarize(actionTexts, r.text.trim());
        if (!found) continue;
        done.add(key);
        const { what, fix } = found;
        const same = broad.filter((o) => o !== r && o.branch === r.branch && rangesEqual(o.range, r.range) && summarize(actionTexts, o.text.trim()));
        const also = same.length ? ` (and ${capList(same.map(quoted), 2)})` : '';
        drafts.push({
          range: r.range,
          resource: doc.owner,
          branch: branchOf(r, st),
          severity: scoped ? 'info' : undefined,
          message: `Resource ${quoted(r)}${also} lets ${what} apply to every resource in ${doc.origin}${scoped ? ` (narrowed by ${scoped})` : ''}`,
          related: ownerRelated(model, doc.owner, 'Policy holder'),
          fix,
          managed: doc.managed,
        });
      }
    }
    return collectFindings('LG002', drafts);
  },
};
