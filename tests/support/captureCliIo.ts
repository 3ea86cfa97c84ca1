import type { CliIo } from '../../main/cli/cliIo';
import { StdinTooLarge } from '../../main/cli/cliIo';

export type CapturedIo = { readonly io: CliIo; readonly out: () => string; readonly err: () => string };

/** A CliIo that reads `stdin` from a string and captures what the command prints. */
export function captureCliIo(stdin = '', cwd = '/'): CapturedIo {
  let out = '';
  let err = '';
  const io: CliIo = {
    stdout: async (text) => {
      out += text;
    },
    stderr: (text) => {
      err += text;
    },
    readStdin: async (limitBytes) => {
      if (Buffer.byteLength(stdin) > limitBytes) throw new StdinTooLarge();
      return stdin;
    },
    stdinLines: async function* () {
      yield* stdin.split(/\r?\n/);
    },
    cwd,
  };
  return { io, out: () => out, err: () => err };
}
