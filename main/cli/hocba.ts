import { applyVietnameseValidationMessages } from '../../shared/validation/vietnameseMessages';
import { runCli } from './cli';
import type { CliIo } from './cliIo';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

applyVietnameseValidationMessages();

const io: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readStdin,
  cwd: process.cwd(),
};

void runCli(process.argv.slice(2), io).then((code) => {
  process.exitCode = code;
});
