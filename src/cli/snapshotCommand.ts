import { snapshotToJson } from '../core/inventory/snapshot/snapshotFile';
import { ACCOUNT_HELP, ACCOUNT_OPTIONS, accountSourceFrom } from './accountFlags';
import type { CliCommand, CliIo } from './cliCommand';
import { collectOrExplain } from './collectAccount';
import { parseDuration } from './duration';
import { EXIT, EXIT_STATUS_HELP } from './exitStatus';
import { printSummary, writeOutput } from './output';
import { flagValue, parseFlags, type FlagSpec } from './parseFlags';
import { UsageError } from './usageError';
import { plural } from '../core/report/scanResult';

const OPTIONS: Record<string, FlagSpec> = {
  ...ACCOUNT_OPTIONS,
  '--telemetry': { value: true },
  '--output': { alias: '-o', value: true },
};

const HELP = `Usage: lambda-guard snapshot [account] [--telemetry 14d] -o FILE

Writes an account — functions, IAM roles, users, groups and policies, network, alarms, and the errors
met while reading — to one JSON file that \`audit --snapshot\`, \`monitor --snapshot\` and the editor
extension open offline. Only read-only AWS calls are made.

${ACCOUNT_HELP}

Options:
      --telemetry DURATION  also store runtime data for that long before now (metrics, flow-log
                            aggregates, CloudTrail events), e.g. 14d, for \`monitor --snapshot\`
  -o, --output FILE         the snapshot file (required)
  -h, --help                this help

A failed AWS call is kept in the snapshot's errors and makes the exit status 1; the rest is written.

${EXIT_STATUS_HELP}`;

export const snapshotCommand: CliCommand = {
  name: 'snapshot',
  summary: 'save an account (and optionally its telemetry) to a JSON file for offline audits',
  help: HELP,
  async run(args: string[], io: CliIo): Promise<number> {
    const p = parseFlags(args, OPTIONS);
    if (p.help) {
      io.stdout(`${HELP}\n`);
      return EXIT.clean;
    }
    if (p.positionals.length) throw new UsageError(`snapshot takes no paths (${p.positionals.join(' ')})`);
    const output = flagValue(p, '--output');
    if (!output) throw new UsageError('snapshot needs -o FILE');
    const telemetry = flagValue(p, '--telemetry');
    const span = telemetry ? parseDuration(telemetry, '--telemetry') : undefined;
    const source = await accountSourceFrom(p, io);
    const snapshot = await collectOrExplain(source, io);
    if (!snapshot) return EXIT.failed;
    if (span) {
      const end = new Date();
      snapshot.telemetry = await source.collectTelemetry(snapshot, { start: new Date(end.getTime() - span), end });
    }
    await writeOutput(snapshotToJson(snapshot), output, io);
    const errors = snapshot.errors.length;
    printSummary(`${plural(snapshot.functions.length, 'function')} in ${plural(snapshot.regions.length, 'region')}${errors ? `, ${plural(errors, 'AWS call')} failed (incomplete)` : ''}`, output, io);
    return errors ? EXIT.failed : EXIT.clean;
  },
};
