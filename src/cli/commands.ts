import type { CliCommand } from './cliCommand';
import { auditCommand } from './auditCommand';
import { flowsCliCommand } from './flowsCommand';
import { monitorCommand } from './monitorCommand';
import { rulesCommand } from './rulesCommand';
import { scanCommand } from './scanCommand';
import { snapshotCommand } from './snapshotCommand';

/** The commands of `lambda-guard`, in the order `--help` lists them: a new command is one more line here. */
export const COMMANDS: readonly CliCommand[] = [scanCommand, auditCommand, monitorCommand, flowsCliCommand, snapshotCommand, rulesCommand];
