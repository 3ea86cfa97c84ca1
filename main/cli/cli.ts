import { CliUsageError, type CliCommand, type CliIo } from './cliIo';
import { catalogueCommand } from './commands/catalogueCommand';
import { classifyCommand } from './commands/classifyCommand';
import { renderCommand } from './commands/renderCommand';
import { seedCommand } from './commands/seedCommand';
import { signCommand } from './commands/signCommand';
import { verifyCommand } from './commands/verifyCommand';
import { cliStrings } from './strings';

/** Every `hocba` command; later issues add theirs here. */
export const cliCommands: readonly CliCommand[] = [
  seedCommand,
  catalogueCommand,
  classifyCommand,
  renderCommand,
  signCommand,
  verifyCommand,
];

function overview(): string {
  const width = Math.max(...cliCommands.map((command) => command.name.length));
  const lines = cliCommands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`);
  return `Học bạ số — công cụ dòng lệnh\n\n${cliStrings.usage}\n\n${cliStrings.commandsHeading}\n${lines.join('\n')}\n\n${cliStrings.helpHint}\n`;
}

/** Runs one CLI invocation and returns its exit code: 0 success, 1 failure, 2 usage error. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    await io.stdout(overview());
    return name === undefined ? 2 : 0;
  }
  const command = cliCommands.find((candidate) => candidate.name === name);
  if (!command) {
    io.stderr(`${cliStrings.unknownCommand(name)}\n\n${overview()}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    await io.stdout(`${command.help}\n`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof CliUsageError) {
      io.stderr(`${error.message}\n${cliStrings.usageErrorHint(command.name)}\n`);
      return 2;
    }
    const code: unknown =
      typeof error === 'object' && error !== null ? Reflect.get(error, 'code') : undefined;
    // The reader went away (`hocba classify | head`): stop quietly, as Unix tools do.
    if (code === 'EPIPE') return 141;
    if (
      typeof code === 'string' &&
      /^E[A-Z]+$/.test(code) &&
      Reflect.get(error as object, 'syscall') === 'write'
    ) {
      io.stderr(`${cliStrings.cannotWrite(code)}\n`);
      return 1;
    }
    io.stderr(`${cliStrings.unexpectedError}\n${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
