import { ruleDocPath, type Rule } from '../model/rule';
import { hasHole, HOLE, holeWord } from '../model/value';
import { collectFindings, type FindingDraft } from './findingBuilder';
import { globalsNote } from './globalsNote';
import { credentialInValue, isNonSecretValue, isSecretName } from './secretPatterns';

// Two ways to spot a secret in a function's environment (the value itself is never echoed):
// 1. the value has the shape of a credential (AKIA…/ASIA… key ID, PEM private key, GitHub / Slack /
//    Stripe token, a URL with a password), whatever the variable is called;
// 2. the name says secret (PASSWORD, SECRET, TOKEN, API_KEY, PRIVATE_KEY …, but not SECRET_ARN,
//    TOKEN_TABLE, ACCESS_KEY_ID …) and the value is a literal: not an intrinsic, not a
//    `{{resolve:…}}` dynamic reference, not empty, not an ARN, path, number or placeholder.

export const lg014PlaintextSecretEnv: Rule = {
  meta: {
    id: 'LG014',
    name: 'PlaintextSecretEnv',
    title: 'Plain-text secret in function environment variables',
    description:
      'Environment variables are stored with the function configuration: anyone with lambda:GetFunctionConfiguration, the template in source control, the CloudFormation console and deployment logs can read them. A password, token or key written there is no longer secret.',
    fixHint: 'Store the secret in Secrets Manager or SSM SecureString and pass its ARN or name (or a {{resolve:secretsmanager:…}} reference).',
    defaultSeverity: 'warning',
    severities: ['warning'],
    docPath: ruleDocPath('LG014'),
  },
  check(model) {
    const drafts: FindingDraft[] = [];
    for (const v of model.envVars) {
      const looksLike = credentialInValue(v.value.text, HOLE);
      let why: string | undefined;
      if (looksLike) why = `holds what looks like ${looksLike}`;
      else if (!hasHole(v.value) && isSecretName(v.name) && !isNonSecretValue(v.value.text)) why = 'holds a secret as a literal value';
      if (!why) continue;
      drafts.push({
        range: v.nameRange,
        resource: v.owner,
        branch: v.value.branch,
        message: `Environment variable ${v.name.split(HOLE).join(holeWord(undefined))}${globalsNote(model, v.owner, v.nameRange)} ${why}: anyone who can read the template or the function configuration can read it`,
        related: [{ message: 'The literal value', range: v.value.range }],
        fix: { kind: 'useDynamicReference', name: v.name },
      });
    }
    return collectFindings('LG014', drafts);
  },
};
