import { TOOL_VERSION } from '../core/version';
import type { CliCommand, CliIo } from './cliCommand';
import { COMMANDS } from './commands';
import { EXIT, EXIT_STATUS_HELP } from './exitStatus';
import { UsageError } from './usageError';

function usage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return `Usage: lambda-guard <command> [options]

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}

  lambda-guard <command> --help   options of a command
  lambda-guard --version

${EXIT_STATUS_HELP}`;
}

function find(name: string): CliCommand | undefined {
  return COMMANDS.find((c) => c.name === name);
}

const PROCESS_IO: CliIo = {
  cwd: process.cwd(),
  stdout: (t) => void process.stdout.write(t),
  stderr: (t) => void process.stderr.write(t),
};

/** Runs the CLI and returns the exit status (see EXIT: 0 clean, 1 findings or incomplete scan, 2 usage error, 3 internal error). */
export async function main(argv: string[], io: CliIo = PROCESS_IO): Promise<number> {
  const [name, ...rest] = argv;
  try {
    if (!name || name === '--help' || name === '-h') {
      io.stdout(`${usage()}\n`);
      return EXIT.clean;
    }
    if (name === '--version' || name === '-v' || name === 'version') {
      io.stdout(`${TOOL_VERSION}\n`);
      return EXIT.clean;
    }
    if (name === 'help') {
      const cmd = rest[0] === undefined ? undefined : (find(rest[0]) ?? unknownCommand(rest[0]));
      io.stdout(`${cmd ? cmd.help : usage()}\n`);
      return EXIT.clean;
    }
    return await (find(name) ?? unknownCommand(name)).run(rest, io);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    const help = find(name) ? `lambda-guard ${name} --help` : 'lambda-guard --help';
    io.stderr(`lambda-guard: ${e.message}\nTry: ${help}\n`);
    return EXIT.usage;
  }
}

function unknownCommand(name: string): never {
  throw new UsageError(`unknown command "${name}" (commands: ${COMMANDS.map((c) => c.name).join(', ')})`);
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`lambda-guard: internal error: ${(e as Error).stack ?? e}\n`);
      process.exitCode = EXIT.internal;
    },
  );
}
