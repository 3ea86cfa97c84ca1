/** What a CLI command may touch: its arguments, its output streams and stdin. Tests pass their own. */
export type CliIo = {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly readStdin: () => Promise<string>;
  readonly cwd: string;
};

export type CliCommand = {
  readonly name: string;
  /** One line for the command list. */
  readonly summary: string;
  /** Full help, printed by `hocba <command> --help`. */
  readonly help: string;
  /** Returns the process exit code. */
  readonly run: (args: readonly string[], io: CliIo) => Promise<number>;
};

/** A mistake in how the command was called: printed with the usage hint, exit code 2. */
export class CliUsageError extends Error {
  override name = 'CliUsageError';
}
