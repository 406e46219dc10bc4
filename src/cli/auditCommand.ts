import * as path from 'node:path';
import { analyzeAccess } from '../core/access/analyzeAccess';
import { auditSnapshot, type AuditResult } from '../core/audit/auditAccount';
import { auditAsScanResult, auditToJson } from '../core/audit/auditReport';
import { auditSummaryLine, auditToText } from '../core/audit/auditText';
import { buildSourceIndex } from '../core/audit/buildSourceIndex';
import { compareSnapshots, type SnapshotComparison } from '../core/audit/compareSnapshots';
import { comparisonText } from '../core/audit/comparisonText';
import { toHtml } from '../core/report/htmlReport';
import { toMarkdown } from '../core/report/markdownReport';
import { sarifText } from '../core/report/sarifReport';
import { ALL_RULES } from '../core/rules/registry';
import { TOOL_VERSION } from '../core/version';
import { ACCOUNT_HELP, ACCOUNT_OPTIONS, accountSourceFrom, readSnapshot } from './accountFlags';
import type { CliCommand, CliIo } from './cliCommand';
import { collectOrExplain } from './collectAccount';
import { EXIT, EXIT_STATUS_HELP, exitStatusFor, FAIL_ON, type FailOn } from './exitStatus';
import { printSummary, writeOutput } from './output';
import { flagValue, parseFlags, type FlagSpec } from './parseFlags';
import { selectRules } from './selectRules';
import { UsageError } from './usageError';

const FORMATS = ['text', 'json', 'sarif', 'markdown', 'html'] as const;
type Format = (typeof FORMATS)[number];

const OPTIONS: Record<string, FlagSpec> = {
  ...ACCOUNT_OPTIONS,
  '--compare': { value: true },
  '--source': { value: true },
  '--format': { alias: '-f', value: true, choices: FORMATS },
  '--output': { alias: '-o', value: true },
  '--fail-on': { value: true, choices: FAIL_ON },
  '--disable': { value: true, repeat: true },
  '--enable': { value: true, repeat: true },
};

const HELP = `Usage: lambda-guard audit [account] [options]

Reads the deployed Lambda functions of an AWS account with read-only calls and reports, per function:
the rules of \`scan\` on its live execution role, resource policy, URL and environment; who can modify
it (change its code, configuration or permissions, or pass its role to a new function); who can invoke
it; its triggers and network.

${ACCOUNT_HELP}

Options:
      --compare FILE     also report what changed since that snapshot (functions, permissions, URLs,
                         role policies, findings); text, json and markdown formats
      --source PATH      link functions to their template resources under PATH (by the
                         aws:cloudformation:logical-id and stack-name tags): LG017 drift, and
                         the templates' resource-wide suppressions apply to the live findings
  -f, --format FORMAT    text (default), json, sarif, markdown or html
  -o, --output FILE      write the report to FILE; the one-line summary still goes to stderr
      --fail-on LEVEL    error (default), warning, info or none
      --enable IDS / --disable IDS   choose rules, as for scan
  -h, --help             this help

An AWS call that fails (access denied, throttled, a region that does not answer) is listed under
"Errors" with the missing permission or the fix; everything else is still audited, and the audit is
incomplete (exit status 1 unless --fail-on none). When nothing can be read at all (no credentials, an
unreachable endpoint), the reason and its fix are printed and the exit status is 1.

${EXIT_STATUS_HELP}`;

function render(a: AuditResult, format: Format, comparison?: SnapshotComparison): string {
  switch (format) {
    case 'json':
      return auditToJson(a, TOOL_VERSION, comparison);
    case 'sarif':
      return sarifText(auditAsScanResult(a, TOOL_VERSION));
    case 'markdown':
      return `${toMarkdown(auditAsScanResult(a, TOOL_VERSION))}${comparison ? `\n${comparisonText(comparison, true)}` : ''}`;
    case 'html':
      return toHtml(auditAsScanResult(a, TOOL_VERSION));
    default:
      return `${auditToText(a, TOOL_VERSION)}${comparison ? `\n${comparisonText(comparison)}` : ''}`;
  }
}

export const auditCommand: CliCommand = {
  name: 'audit',
  summary: 'audit the deployed functions of an AWS account (or a snapshot, or the demo account)',
  help: HELP,
  async run(args: string[], io: CliIo): Promise<number> {
    const p = parseFlags(args, OPTIONS);
    if (p.help) {
      io.stdout(`${HELP}\n`);
      return EXIT.clean;
    }
    if (p.positionals.length) throw new UsageError(`audit takes no paths (${p.positionals.join(' ')}); see --source`);
    const format = flagValue(p, '--format', 'text') as Format;
    const output = flagValue(p, '--output');
    const failOn = flagValue(p, '--fail-on', 'error') as FailOn;
    const disabledRules = selectRules(p.values.get('--enable'), p.values.get('--disable'));
    const compareFile = flagValue(p, '--compare');
    if (compareFile && (format === 'sarif' || format === 'html')) throw new UsageError(`--compare is reported in the text, json and markdown formats, not in ${format}`);
    const before = compareFile ? await readSnapshot(compareFile, io) : undefined;
    const sourceDir = flagValue(p, '--source');
    const source = await accountSourceFrom(p, io);
    const snapshot = await collectOrExplain(source, io);
    if (!snapshot) return EXIT.failed;
    const rules = ALL_RULES.map((r) => r.meta);
    const sourceIndex = sourceDir ? await buildSourceIndex(path.resolve(io.cwd, sourceDir), io.cwd) : undefined;
    const audit = auditSnapshot(snapshot, rules, { disabledRules, access: analyzeAccess(snapshot), sourceIndex });
    const comparison = before ? compareSnapshots(before, snapshot, auditSnapshot(before, rules, { disabledRules }).findings, audit.findings) : undefined;
    await writeOutput(render(audit, format, comparison), output, io);
    const scan = auditAsScanResult(audit, TOOL_VERSION);
    if (output || format !== 'text') printSummary(auditSummaryLine(audit, TOOL_VERSION), output, io);
    return exitStatusFor(scan, failOn);
  },
};
