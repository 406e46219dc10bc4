/** Where a command writes; tests pass their own. */
export interface CliIo {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/**
 * One `lambda-guard` command. `main` finds it by name in the table of commands.ts, prints its `help` for
 * `--help` / `help NAME`, and turns a thrown UsageError into exit status 2.
 */
export interface CliCommand {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** The full `--help` text (usage, options, exit status). */
  help: string;
  run(args: string[], io: CliIo): Promise<number>;
}
