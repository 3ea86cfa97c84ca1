import { createInterface } from 'node:readline';
import { applyVietnameseValidationMessages } from '../../shared/validation/vietnameseMessages';
import { runCli } from './cli';
import { StdinTooLarge, type CliIo } from './cliIo';

async function readStdin(limitBytes: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > limitBytes) throw new StdinTooLarge();
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function writeOut(text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    process.stdout.write(text, (error) => (error ? reject(error) : resolve()));
  });
}

// Write failures (a closed pipe, a full disk) arrive through the write callbacks above; without
// these listeners Node would also throw them as unhandled 'error' events.
process.stdout.on('error', () => undefined);
process.stderr.on('error', () => undefined);

applyVietnameseValidationMessages();

const io: CliIo = {
  stdout: writeOut,
  stderr: (text) => process.stderr.write(text),
  readStdin,
  stdinLines: () => createInterface({ input: process.stdin, crlfDelay: Infinity }),
  cwd: process.cwd(),
};

void runCli(process.argv.slice(2), io).then((code) => {
  process.exitCode = code;
});
