import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CliUsageError } from './cliIo';
import { cliStrings } from './strings';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Strict option parsing: an unknown flag or a missing value is a usage error, never ignored. */
export function parseCommandArgs<O extends Options>(
  args: readonly string[],
  options: O,
): ReturnType<typeof parseArgs<{ args: string[]; options: O; strict: true; allowPositionals: true }>> {
  try {
    return parseArgs({ args: [...args], options, strict: true, allowPositionals: true });
  } catch (error) {
    throw new CliUsageError(error instanceof Error ? error.message : String(error));
  }
}

export function integerOption(
  value: string | undefined,
  flag: string,
  fallback: number,
  min: number,
  max: number,
): number {
  if (value === undefined) return fallback;
  if (!/^-?\d+$/.test(value)) throw new CliUsageError(cliStrings.badInteger(flag));
  const number = Number(value);
  if (number < min || number > max) throw new CliUsageError(cliStrings.outOfRange(flag, min, max));
  return number;
}
