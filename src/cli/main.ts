import { promises as fs } from 'node:fs';
import { atLeast } from '../core/model/severity';
import { toHtml } from '../core/report/htmlReport';
import { toJson } from '../core/report/jsonReport';
import { toMarkdown } from '../core/report/markdownReport';
import { sarifText } from '../core/report/sarifReport';
import type { ScanResult } from '../core/report/scanResult';
import { toText } from '../core/report/textReport';
import { ALL_RULES } from '../core/rules/registry';
import { scanPaths } from '../core/scan/scanPaths';
import { TOOL_VERSION } from '../core/version';
import { parseArgs, USAGE, UsageError, type ScanArgs } from './args';

function render(r: ScanResult, a: ScanArgs): string {
  switch (a.format) {
    case 'json':
      return toJson(r);
    case 'sarif':
      return sarifText(r);
    case 'markdown':
      return toMarkdown(r);
    case 'html':
      return toHtml(r);
    default:
      return toText(r, { color: a.color && !a.output });
  }
}

/** Runs the CLI and returns the exit status (0 clean, 1 findings at --fail-on, 2 usage error). */
export async function main(argv: string[], cwd = process.cwd()): Promise<number> {
  let args;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`lambda-guard: ${e.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (args.command === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (args.command === 'version') {
    process.stdout.write(`${TOOL_VERSION}\n`);
    return 0;
  }
  if (args.command === 'rules') {
    for (const r of ALL_RULES) process.stdout.write(`${r.meta.id}  ${r.meta.defaultSeverity.padEnd(7)}  ${r.meta.title}\n`);
    return 0;
  }
  const result = await scanPaths(args.paths, { cwd, disabledRules: args.disabledRules });
  const text = render(result, args);
  if (args.output) await fs.writeFile(args.output, text.endsWith('\n') ? text : `${text}\n`);
  else process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  const threshold = args.failOn;
  const failing = threshold !== 'none' && result.findings.some((f) => !f.suppressed && atLeast(f.severity, threshold));
  return failing ? 1 : 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`lambda-guard: internal error: ${(e as Error).stack ?? e}\n`);
      process.exitCode = 3;
    },
  );
}
