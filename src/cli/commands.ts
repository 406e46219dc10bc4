import type { CliCommand } from './cliCommand';
import { rulesCommand } from './rulesCommand';
import { scanCommand } from './scanCommand';

/** The commands of `lambda-guard`, in the order `--help` lists them: a new command is one more line here. */
export const COMMANDS: readonly CliCommand[] = [scanCommand, rulesCommand];
