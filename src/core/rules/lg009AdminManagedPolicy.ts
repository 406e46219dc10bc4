import { ruleDocPath, type Rule } from '../model/rule';
import type { Severity } from '../model/severity';
import { HOLE } from '../model/value';
import { collectFindings, type FindingDraft } from './findingBuilder';
import { ownerRelated } from './statementUtil';

// AWS managed policies are recognised by ARN (`arn:aws:iam::aws:policy/[path/]Name`, any partition,
// `${AWS::Partition}` included) or by the bare name SAM accepts in `Policies`. Customer managed policies
// (an account number instead of `aws`) are not judged by name: their content is what matters.

const ADMIN: ReadonlyMap<string, string> = new Map([
  ['administratoraccess', 'full administrator access'],
  ['poweruseraccess', 'every action outside IAM and Organizations'],
  ['iamfullaccess', 'full control of IAM, hence of the account'],
]);

/** The AWS managed policy name a reference names, or undefined for customer policies and unknown values. */
export function awsManagedPolicyName(text: string): string | undefined {
  const t = text.trim();
  const arn = /^arn:[^:]*:iam::aws:policy\/(?:.*\/)?([^/]+)$/.exec(t);
  if (arn) return arn[1].includes(HOLE) ? undefined : arn[1];
  if (t.startsWith('arn:') || t.includes(HOLE)) return undefined;
  return /^[\w+=,.@-]+$/.test(t) ? t : undefined;
}

function classify(name: string): { severity: Severity; why: string } | undefined {
  const admin = ADMIN.get(name.toLowerCase());
  if (admin) return { severity: 'error', why: admin };
  if (/FullAccess$/i.test(name)) return { severity: 'warning', why: 'every action of the service on every resource' };
  return undefined;
}

export const lg009AdminManagedPolicy: Rule = {
  meta: {
    id: 'LG009',
    name: 'AdminManagedPolicy',
    title: 'Administrative or full-access AWS managed policy attached',
    description:
      'AdministratorAccess, PowerUserAccess and IAMFullAccess give a role control over the whole account; the `*FullAccess` policies give every action of a service on every resource. A function needs a small, known set of actions on its own resources.',
    fixHint: 'Replace the managed policy with an inline policy (or SAM policy template) that lists the actions and resources the function uses.',
    defaultSeverity: 'warning',
    severities: ['error', 'warning'],
    docPath: ruleDocPath('LG009'),
  },
  check(model) {
    const drafts: FindingDraft[] = [];
    for (const ref of model.managedPolicies) {
      const name = awsManagedPolicyName(ref.arn.text);
      const cls = name ? classify(name) : undefined;
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
