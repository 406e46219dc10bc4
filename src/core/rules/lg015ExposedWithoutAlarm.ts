import type { AlarmMetric, FunctionInfo } from '../model/lambdaResources';
import { ruleDocPath, type Rule } from '../model/rule';
import type { TemplateModel } from '../model/templateModel';
import { collectFindings, type FindingDraft } from './findingBuilder';
import { isPublicText, principalAccount } from './principals';
import { knownText } from './statementUtil';

// Lambda functions that outside input reaches need someone to notice when that input changes: a flood of
// calls, a wave of errors. A function is reachable from outside when it has a URL, an API Gateway or
// load-balancer permission (SAM Api/HttpApi events generate one), a public (`*`) permission, or one for
// another account. It is watched when an AWS::CloudWatch::Alarm in the same template has an AWS/Lambda
// Invocations or Errors metric whose FunctionName dimension names it (`!Ref Fn`, or its literal
// FunctionName); an alarm with an unresolved namespace, metric or dimension counts as watching, since
// unknown is never reported. CDK sources are not judged: their alarms are not read yet. Live accounts are
// judged by the same check on the account's alarms (DescribeAlarms, dimension FunctionName).

const EDGE_SERVICES = new Set(['apigateway.amazonaws.com', 'elasticloadbalancing.amazonaws.com']);
const WATCHED = new Set(['invocations', 'errors']);

/** Why the function is reachable from outside, in words; empty when it is not. */
function exposure(model: TemplateModel, fn: FunctionInfo): string[] {
  const why = new Set<string>();
  if (model.functionUrls.some((u) => (u.functionRef ?? u.owner) === fn.owner)) why.add('a function URL');
  for (const p of model.permissions) {
    if ((p.functionRef ?? p.owner) !== fn.owner || !p.principal) continue;
    const principal = knownText(p.principal)?.toLowerCase();
    if (isPublicText(p.principal)) why.add('a public permission');
    else if (principal && EDGE_SERVICES.has(principal)) why.add(principal.startsWith('apigateway') ? 'an API Gateway trigger' : 'a load balancer trigger');
    else if (principalAccount(p.principal)) why.add('a cross-account permission');
  }
  return [...why];
}

/** Unknown parts (an unresolved namespace, metric or value) count as matching. */
function watches(m: AlarmMetric, fn: FunctionInfo): boolean {
  const ns = knownText(m.namespace);
  const metric = knownText(m.metricName)?.toLowerCase();
  if ((ns !== undefined && ns !== 'AWS/Lambda') || (metric !== undefined && !WATCHED.has(metric))) return false;
  return m.dimensions.some((d) => {
    if (d.name !== 'FunctionName') return false;
    if (d.functionRef) return d.functionRef === fn.owner;
    const value = knownText(d.value);
    return value === undefined || value === fn.name;
  });
}

export const lg015ExposedWithoutAlarm: Rule = {
  meta: {
    id: 'LG015',
    name: 'ExposedFunctionWithoutAlarm',
    title: 'A function reachable from outside has no alarm on its invocations or errors',
    description:
      'A function that a URL, an API, a load balancer, the public or another account can call is driven by input you do not control. Without a CloudWatch alarm on its Invocations or Errors, an invocation flood (cost, abuse) or a wave of failures (an attack probing it, a broken client) goes unnoticed until the bill or the users say so.',
    fixHint: 'Add an AWS::CloudWatch::Alarm on the AWS/Lambda Errors (or Invocations) metric with the FunctionName dimension of this function.',
    defaultSeverity: 'info',
    severities: ['info'],
    docPath: ruleDocPath('LG015'),
  },
  check(model) {
    if (model.format === 'cdk') return [];
    const drafts: FindingDraft[] = [];
    for (const fn of model.functions) {
      const why = exposure(model, fn);
      if (!why.length || model.alarms.some((a) => a.metrics.some((m) => watches(m, fn)))) continue;
      const key = model.resources.find((r) => r.logicalId === fn.owner)?.keyRange ?? fn.range;
      drafts.push({
        range: key,
        resource: fn.owner,
        message: `${fn.owner} is reachable from outside (${why.join(', ')}) and no CloudWatch alarm watches its Invocations or Errors`,
        fix: fn.logicalId ? { kind: 'addAlarm', function: fn.owner, ref: fn.logicalId } : { kind: 'addAlarm', function: fn.owner },
      });
    }
    return collectFindings('LG015', drafts);
  },
};
