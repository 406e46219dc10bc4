// Runs `lambda-guard flows` (src/cli/flowsCommand.ts) as a process, for the benchmark's memory
// measurement and for trying the command before the lead wires it into the CLI's dispatch table.
import { flowsCommand } from '../../src/cli/flowsCommand';

flowsCommand(process.argv.slice(2), { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s), cwd: process.cwd() }).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`lambda-guard flows: internal error: ${(e as Error).stack ?? e}\n`);
    process.exitCode = 3;
  },
);
