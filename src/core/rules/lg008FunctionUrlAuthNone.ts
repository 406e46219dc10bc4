import { ruleDocPath, type Rule } from '../model/rule';
import { hasHole } from '../model/value';
import { collectFindings, type FindingDraft } from './findingBuilder';
import { globalsNote } from './globalsNote';

// AuthType NONE makes the URL callable by anyone on the internet; the function must then authenticate
// every request itself. In a Serverless Framework service that is `url: true`, or a `url:` map without
// `authorizer: aws_iam`. A missing AuthType (a template CloudFormation would reject) is reported on the
// URL resource so that it is not mistaken for AWS_IAM (in CDK a missing authType means AWS_IAM); an
// unknown value (`!Ref Param`) is not reported.

export const lg008FunctionUrlAuthNone: Rule = {
  meta: {
    id: 'LG008',
    name: 'FunctionUrlWithoutAuth',
    title: 'Function URL with AuthType NONE',
    description:
      'A function URL with `AuthType: NONE` is a public HTTPS endpoint: anyone who finds the URL can invoke the function, and every request costs money and runs your code. Unless the function checks a signature or token itself, use AWS_IAM (and sign requests, e.g. from CloudFront with origin access control).',
    fixHint: 'Set AuthType to AWS_IAM, or document the in-code authentication and suppress.',
    defaultSeverity: 'warning',
    severities: ['warning'],
    docPath: ruleDocPath('LG008'),
  },
  check(model) {
    const drafts: FindingDraft[] = [];
    for (const url of model.functionUrls) {
      if (!url.authType) {
        if (model.format === 'cdk') continue; // CDK's addFunctionUrl() defaults to AWS_IAM
        drafts.push({
          range: url.range,
          resource: url.owner,
          message: `Function URL${globalsNote(model, url.owner, url.range)} has no AuthType: set AWS_IAM explicitly (NONE would make it public)`,
          fix: { kind: 'setAuthType', value: 'AWS_IAM' },
        });
        continue;
      }
      if (hasHole(url.authType) || url.authType.text.trim().toUpperCase() !== 'NONE') continue;
      // Serverless spells it `url: true` (or a `url:` map) without `authorizer: aws_iam`.
      const sls = model.format === 'serverless';
      drafts.push({
        range: url.authType.range,
        resource: url.owner,
        branch: url.authType.branch,
        message: `Function URL ${sls ? 'without authorizer: aws_iam' : 'with AuthType NONE'}${globalsNote(model, url.owner, url.authType.range)}: anyone on the internet can invoke the function`,
        fix: sls ? { kind: 'setUrlAuthorizer', value: 'aws_iam' } : { kind: 'setAuthType', value: 'AWS_IAM' },
      });
    }
    return collectFindings('LG008', drafts);
  },
};
