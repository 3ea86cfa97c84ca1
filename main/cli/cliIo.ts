/** What a CLI command may touch: its arguments, its output streams and stdin. Tests pass their own. */
export type CliIo = {
  /** Resolves once the text is handed to the output (so a command can report success after it). */
  readonly stdout: (text: string) => Promise<void>;
  readonly stderr: (text: string) => void;
  /** All of stdin as text; throws StdinTooLarge past `limitBytes`. */
  readonly readStdin: (limitBytes: number) => Promise<string>;
  /** Stdin line by line, for streaming formats (NDJSON). */
  readonly stdinLines: () => AsyncIterable<string>;
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

/** Stdin is larger than the command reads in one piece. */
export class StdinTooLarge extends Error {
  override name = 'StdinTooLarge';
}

/** Removes the byte-order mark Notepad and Excel put at the start of UTF-8 files. */
export function withoutBom(text: string): string {
  return text.startsWith('\ufeff') ? text.slice(1) : text;
}
