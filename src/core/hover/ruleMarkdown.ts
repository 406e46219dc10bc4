import type { RuleMeta } from '../model/rule';

/**
 * A rule's help from its metadata alone: SARIF carries it inline (`help.markdown`), and it stands in for
 * a rule page that is not shipped. Works for any rule id, including ones added later.
 */
export function ruleMarkdown(meta: RuleMeta): string {
  return [
    `# ${meta.id} — ${meta.title}`,
    '',
    `Severity: **${meta.defaultSeverity}**${meta.severities.length > 1 ? ` by default; findings can be ${meta.severities.join(' or ')}` : ''} · SARIF name \`${meta.name}\``,
    '',
    '## Why it matters',
    '',
    meta.description,
    '',
    '## How to fix',
    '',
    meta.fixHint,
    '',
    '## How to suppress',
    '',
    'When the finding is intended, say why next to it, so that reviewers see the reason:',
    '',
    '```yaml',
    `# lambda-guard-ignore ${meta.id}: <reason>`,
    '```',
    '',
    'above the flagged line (`//` in CDK TypeScript), or in a JSON template, in the resource:',
    '',
    '```yaml',
    'Metadata:',
    '  lambda-guard:',
    '    ignore:',
    `      - id: ${meta.id}`,
    '        reason: <reason>',
    '```',
    '',
    `The full page ships with Lambda Guard: \`${meta.docPath}\`.`,
    '',
  ].join('\n');
}
