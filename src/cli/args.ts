import type { Severity } from '../core/model/severity';

export type OutputFormat = 'text' | 'json' | 'sarif' | 'markdown' | 'html';

export interface ScanArgs {
  command: 'scan';
  paths: string[];
  format: OutputFormat;
  output?: string;
  failOn: Severity | 'none';
  disabledRules: string[];
  color: boolean;
}

export type CliArgs = ScanArgs | { command: 'help' } | { command: 'version' } | { command: 'rules' };

export class UsageError extends Error {}

const FORMATS: OutputFormat[] = ['text', 'json', 'sarif', 'markdown', 'html'];
const FAIL_ON = ['error', 'warning', 'info', 'none'];

/** Parses `lambda-guard <command> [options]`; throws UsageError (exit 2) on anything it does not know. */
export function parseArgs(argv: string[]): CliArgs {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') return { command: 'help' };
  if (command === '--version' || command === '-v' || command === 'version') return { command: 'version' };
  if (command === 'rules') return { command: 'rules' };
  if (command !== 'scan') throw new UsageError(`unknown command "${command}"`);
  const out: ScanArgs = { command: 'scan', paths: [], format: 'text', failOn: 'error', disabledRules: [], color: !!process.stdout.isTTY && !process.env.NO_COLOR };
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = (): string => {
      const v = inline ?? rest[++i];
      if (v === undefined || (inline === undefined && v.startsWith('--'))) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--format':
      case '-f': {
        const v = value();
        if (!FORMATS.includes(v as OutputFormat)) throw new UsageError(`--format must be one of ${FORMATS.join('|')}`);
        out.format = v as OutputFormat;
        break;
      }
      case '--output':
      case '-o':
        out.output = value();
        break;
      case '--fail-on': {
        const v = value();
        if (!FAIL_ON.includes(v)) throw new UsageError(`--fail-on must be one of ${FAIL_ON.join('|')}`);
        out.failOn = v as ScanArgs['failOn'];
        break;
      }
      case '--disable':
        out.disabledRules.push(...value().split(',').map((s) => s.trim().toUpperCase()).filter(Boolean));
        break;
      case '--no-color':
        out.color = false;
        break;
      default:
        if (a.startsWith('-')) throw new UsageError(`unknown option ${a}`);
        out.paths.push(a);
    }
  }
  return out;
}

export const USAGE = `Usage:
  lambda-guard scan [PATH...] [--format text|json|sarif|markdown|html] [--output FILE]
                    [--fail-on error|warning|info|none] [--disable LG0xx,...] [--no-color]
  lambda-guard rules          list the rules
  lambda-guard --version

scan analyses CloudFormation and SAM templates (YAML, JSON) and CDK TypeScript sources under the given
files and folders (default: the current folder). node_modules, .git, cdk.out and .aws-sam are skipped
unless named. Exit status: 0 when no unsuppressed finding reaches --fail-on (default error), 1 when one
does, 2 for a usage error.`;
