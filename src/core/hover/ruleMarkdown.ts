import type { RuleMeta } from '../model/rule';
import { mdEscape } from './markdownText';

/** A rule's documentation page from its metadata (used when no docs/rules page ships). */
export function ruleMarkdown(meta: RuleMeta): string {
  return [
    `# ${meta.id} — ${meta.title}`,
    '',
    `Default severity: **${meta.defaultSeverity}** · SARIF name \`${meta.name}\``,
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
    `Online: ${mdEscape(meta.helpUri)}`,
    '',
  ].join('\n');
}
