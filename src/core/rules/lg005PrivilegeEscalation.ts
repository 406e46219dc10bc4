import { globToRegExp } from '../iam/actionPattern';
import { matchesActionSet, PRIVILEGE_ESCALATION_ACTIONS } from '../iam/actionSets';
import { lookupAction } from '../iam/catalog';
import { ruleDocPath, type Rule } from '../model/rule';
import type { PolicyDocument } from '../model/policy';
import type { TemplateModel } from '../model/templateModel';
import { capList, collectFindings, type FindingDraft } from './findingBuilder';
import { appliesToService, broadResourcesOf, wildcardRoleResourcesOf } from './resourceScope';
import { actionBranch, grantStatements, knownText, ownerRelated, quoted } from './statementUtil';

// Escalation actions on broad resources (`*`, `function:*`, `role/*` …). Actions that create compute
// under a *passed* role (lambda:CreateFunction, ec2:RunInstances, cloudformation:CreateStack …) escalate
// only together with iam:PassRole on a role wildcard granted to the same holder, so they are reported only
// then. iam:PassRole alone is LG004's finding.

const NEEDS_PASSROLE: ReadonlySet<string> = new Set([
  'lambda:createfunction',
  'lambda:createeventsourcemapping',
  'cloudformation:createstack',
  'cloudformation:createstackset',
  'glue:createdevendpoint',
  'glue:createjob',
  'ec2:runinstances',
  'ec2:requestspotinstances',
  'ecs:runtask',
  'ecs:starttask',
  'ecs:createservice',
  'ecs:registertaskdefinition',
  'codebuild:createproject',
  'sagemaker:createnotebookinstance',
  'sagemaker:createtrainingjob',
  'sagemaker:createprocessingjob',
  'datapipeline:createpipeline',
  'apprunner:createservice',
  'bedrock-agentcore:createcodeinterpreter',
]);

/** Who a document's grants reach: its owner, and the roles, users and groups a stand-alone policy is attached to. */
function holdersOf(doc: PolicyDocument): string[] {
  return doc.attachedTo ? [doc.owner, ...doc.attachedTo] : [doc.owner];
}

/** Holders granted iam:PassRole on a role wildcard by any of their identity policies. */
function passRoleHolders(model: TemplateModel): Set<string> {
  const out = new Set<string>();
  for (const { doc, st } of grantStatements(model, ['identity'])) {
    if (wildcardRoleResourcesOf(st).length === 0) continue;
    if ((st.actions ?? []).some((a) => {
      const t = knownText(a);
      return t !== undefined && globToRegExp(t).test('iam:passrole');
    })) for (const h of holdersOf(doc)) out.add(h);
  }
  return out;
}

const MAX_CACHED = 2000;
const membersCache = new Map<string, string[]>();

/** The escalation actions an entry covers, without iam:PassRole (LG004's), cached per entry. */
function escalationMembers(pattern: string): string[] {
  const key = pattern.toLowerCase();
  let out = membersCache.get(key);
  if (!out) {
    out = matchesActionSet(PRIVILEGE_ESCALATION_ACTIONS, pattern).filter((m) => m !== 'iam:passrole');
    if (membersCache.size >= MAX_CACHED) membersCache.clear();
    membersCache.set(key, out);
  }
  return out;
}

function label(member: string): string {
  const info = lookupAction(member);
  return info ? `${info.service}:${info.name}` : member;
}

export const lg005PrivilegeEscalation: Rule = {
  meta: {
    id: 'LG005',
    name: 'PrivilegeEscalation',
    title: 'Privilege escalation actions on broad resources',
    description:
      "Some actions let the holder give itself more power: rewrite a policy or a trust policy, mint keys for another user, change the code or configuration of any function (which then runs with that function's role), or create compute that runs under a role it passes. On broad resources, a function with such a grant is one bug away from an account takeover.",
    fixHint: 'Remove the escalation actions, or scope them to the specific functions, roles or policies the function manages.',
    defaultSeverity: 'error',
    severities: ['error'],
    docPath: ruleDocPath('LG005'),
  },
  check(model) {
    const drafts: FindingDraft[] = [];
    let holders: Set<string> | undefined;
    for (const { doc, st } of grantStatements(model, ['identity'])) {
      const broad = broadResourcesOf(st);
      if (broad.length === 0) continue;
      for (const a of st.actions ?? []) {
        const text = knownText(a);
        if (!text) continue;
        let members = escalationMembers(text);
        if (members.length === 0) continue;
        if (members.some((m) => NEEDS_PASSROLE.has(m))) {
          holders ??= passRoleHolders(model);
          const h = holders;
          if (!holdersOf(doc).some((x) => h.has(x))) members = members.filter((m) => !NEEDS_PASSROLE.has(m));
        }
        const on = broad.filter((r) => members.some((m) => appliesToService(r.text, m.slice(0, m.indexOf(':')))));
        if (on.length === 0) continue;
        members = members.filter((m) => on.some((r) => appliesToService(r.text, m.slice(0, m.indexOf(':')))));
        const what = text.toLowerCase() === members[0] && members.length === 1 ? `'${label(members[0])}'` : `'${text}' (${capList(members.map(label))})`;
        drafts.push({
          range: a.range,
          resource: doc.owner,
          branch: actionBranch(a, st, on),
          message: `Privilege escalation: ${what} on ${capList(on.map(quoted), 2)} in ${doc.origin}`,
          related: ownerRelated(model, doc.owner, 'Policy holder'),
          fix: { kind: 'scopeEscalationActions', actions: members.map(label) },
          managed: doc.managed,
        });
      }
    }
    return collectFindings('LG005', drafts);
  },
};
