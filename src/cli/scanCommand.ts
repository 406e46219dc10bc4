import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Chunks } from '../core/report/chunks';
import { htmlChunks } from '../core/report/htmlReport';
import { jsonReportChunks } from '../core/report/jsonReport';
import { markdownChunks } from '../core/report/markdownReport';
import { sarifChunks } from '../core/report/sarifReport';
import { summarize, type ScanResult } from '../core/report/scanResult';
import { summaryLine, textChunks } from '../core/report/textReport';
import { DEFAULT_MAX_FILE_SIZE } from '../core/scan/analyzeOptions';
import { scanPaths } from '../core/scan/scanPaths';
import { SKIPPED_DIRS } from '../core/scan/walkFiles';
import type { CliCommand, CliIo } from './cliCommand';
import { EXIT, EXIT_STATUS_HELP, exitStatusFor, FAIL_ON, type FailOn } from './exitStatus';
import { checkOutput, OutputError, printSummary, writeReport } from './output';
import { flagValue, parseFlags, type FlagSpec } from './parseFlags';
import { selectRules } from './selectRules';
import { UsageError } from './usageError';

const FORMATS = ['text', 'json', 'sarif', 'markdown', 'html'] as const;
type Format = (typeof FORMATS)[number];

const OPTIONS: Record<string, FlagSpec> = {
  '--format': { alias: '-f', value: true, choices: FORMATS },
  '--output': { alias: '-o', value: true },
  '--fail-on': { value: true, choices: FAIL_ON },
  '--disable': { value: true, repeat: true },
  '--enable': { value: true, repeat: true },
  '--no-color': {},
};

const HELP = `Usage: lambda-guard scan [PATH...] [options]

Analyses CloudFormation and SAM templates (YAML, JSON, .template) and CDK TypeScript sources under the
given files and folders (default: the current folder).

Options:
  -f, --format FORMAT    text (default), json, sarif, markdown or html
  -o, --output FILE      write the report to FILE; the one-line summary still goes to stderr
      --fail-on LEVEL    error (default), warning, info or none: the lowest severity that fails the run
      --enable IDS       run only these rules (comma-separated, repeatable), e.g. --enable LG001,LG004
      --disable IDS      do not run these rules, e.g. --disable LG012
      --no-color         plain text output (also when NO_COLOR is set or stdout is not a terminal)
  -h, --help             this help

Which files are read (the editor extension's workspace scan reads the same):
  - in folders: *.yaml, *.yml, *.json, *.template, *.ts, *.mts, *.cts, except package.json,
    package-lock.json, tsconfig*.json, *.d.ts, .eslintrc.json and composer.json; files that turn out not
    to be templates or CDK sources (workflows, Kubernetes manifests …) are skipped silently
  - folders skipped unless named: ${[...SKIPPED_DIRS].join(', ')}
  - a cdk.out folder next to a CDK app is not scanned as files: its synthesised templates are analysed
    and each finding is mapped back to the TypeScript line (name cdk.out to scan it as plain templates)
  - a file named explicitly is always read; one that is not a template gets a notice ("Not analysed")
  - files larger than ${DEFAULT_MAX_FILE_SIZE / 1024 / 1024} MiB are not analysed (a scan error when they look like templates)
  - only regular files are read (a FIFO, socket or device named explicitly gets a notice); a linked
    folder is walked once, and a link leading outside the scanned folder is not followed
  - UTF-8 (with or without a BOM) and UTF-16 (LE/BE) files are read

A file that cannot be read or parsed is a scan error: the other files are still scanned, the report
says "scan incomplete" at its top and in its summary, and the exit status is 1 (unless --fail-on none).

${EXIT_STATUS_HELP}`;

/** The report as chunks: written as they are made, so a million findings never form one string. */
function render(r: ScanResult, format: Format, color: boolean): Chunks {
  switch (format) {
    case 'json':
      return jsonReportChunks(r);
    case 'sarif':
      return sarifChunks(r);
    case 'markdown':
      return markdownChunks(r);
    case 'html':
      return htmlChunks(r);
    default:
      return textChunks(r, { color });
  }
}

/** Every path named must exist: a mistyped path is a usage error, never an empty green scan. */
async function checkPaths(paths: string[], cwd: string): Promise<void> {
  const missing: string[] = [];
  for (const p of paths) {
    try {
      await fs.lstat(path.resolve(cwd, p));
    } catch {
      missing.push(p);
    }
  }
  if (missing.length) throw new UsageError(`no such file or folder: ${missing.join(', ')}`);
}

export const scanCommand: CliCommand = {
  name: 'scan',
  summary: 'analyse templates and CDK sources for risky IAM and Lambda permissions',
  help: HELP,
  async run(args: string[], io: CliIo): Promise<number> {
    const p = parseFlags(args, OPTIONS);
    if (p.help) {
      io.stdout(`${HELP}\n`);
      return 0;
    }
    const format = flagValue(p, '--format', 'text') as Format;
    const output = flagValue(p, '--output');
    const failOn = flagValue(p, '--fail-on', 'error') as FailOn;
    const disabledRules = selectRules(p.values.get('--enable'), p.values.get('--disable'));
    await checkPaths(p.positionals, io.cwd);
    const color = format === 'text' && !output && !p.values.has('--no-color') && !!process.stdout.isTTY && !process.env.NO_COLOR;
    try {
      // An unwritable -o is known before the scan, not after it.
      await checkOutput(output, io);
      const result = await scanPaths(p.positionals, { cwd: io.cwd, disabledRules });
      await writeReport(render(result, format, color), output, io);
      // Text on the terminal already ends with the summary; anything else gets it on stderr.
      if (output || format !== 'text') printSummary(summaryLine(summarize(result)), output, io);
      return exitStatusFor(result, failOn);
    } catch (e) {
      if (!(e instanceof OutputError)) throw e;
      // One line: the file is the problem, not how the command was called (no "Try --help").
      io.stderr(`lambda-guard: ${e.message}\n`);
      return EXIT.usage;
    }
  },
};
