import { readFileSync } from 'node:fs';
import { ruleMarkdown } from '../core/hover/ruleMarkdown';
import { managedPolicyDataset } from '../core/iam/managedPolicyData';
import { ALL_RULES, ruleById } from '../core/rules/registry';
import type { CliCommand, CliIo } from './cliCommand';
import { EXIT_STATUS_HELP } from './exitStatus';
import { parseFlags } from './parseFlags';
import { ruleDocFile } from './ruleDocFile';
import { UsageError } from './usageError';

const HELP = `Usage: lambda-guard rules [ID...]

Without an id: every rule with its default severity, every severity its findings can take, and its title.
With ids: each rule's full documentation page.

${EXIT_STATUS_HELP}`;

export const rulesCommand: CliCommand = {
  name: 'rules',
  summary: 'list the rules, their severities and documentation pages',
  help: HELP,
  async run(args: string[], io: CliIo): Promise<number> {
    const p = parseFlags(args, {});
    if (p.help) {
      io.stdout(`${HELP}\n`);
      return 0;
    }
    if (p.positionals.length) {
      const rules = p.positionals.map((id) => ruleById(id) ?? fail(id));
      for (const r of rules) {
        const file = ruleDocFile(r.meta.id);
        io.stdout(`${file ? readFileSync(file, 'utf8') : ruleMarkdown(r.meta)}\n`);
      }
      return 0;
    }
    const rows = [['ID', 'DEFAULT', 'CAN BE', 'TITLE'], ...ALL_RULES.map((r) => [r.meta.id, r.meta.defaultSeverity, r.meta.severities.join(', '), r.meta.title])];
    const widths = [0, 1, 2].map((c) => Math.max(...rows.map((row) => row[c].length)));
    for (const row of rows) io.stdout(`${row.map((cell, c) => (c < 3 ? cell.padEnd(widths[c]) : cell)).join('  ')}\n`);
    const sample = ruleDocFile(ALL_RULES[0].meta.id);
    io.stdout(sample ? `Documentation: ${sample.replace(/[^/\\]+\.md$/, '<ID>.md')} (or: lambda-guard rules <ID>)\n` : 'Documentation: lambda-guard rules <ID>\n');
    // Which AWS managed policy documents the rules judge attached policies by (a dataset refreshed daily upstream).
    io.stdout(`AWS managed policies: ${managedPolicyDataset()?.source ?? 'dataset not found (managed policies are judged by name only)'}\n`);
    return 0;
  },
};

function fail(id: string): never {
  throw new UsageError(`unknown rule ${id} (known: ${ALL_RULES.map((r) => r.meta.id).join(', ')})`);
}

