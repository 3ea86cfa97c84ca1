import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Structured logs: an event name and a few technical fields (codes, counts, channel names).
 * Never pass names, IDs of children, PINs or document contents (conventions.md: no personal data in logs).
 */
export type LogFields = Readonly<Record<string, string | number | boolean | undefined>>;
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type Logger = {
  readonly debug: (event: string, fields?: LogFields) => void;
  readonly info: (event: string, fields?: LogFields) => void;
  readonly warn: (event: string, fields?: LogFields) => void;
  readonly error: (event: string, fields?: LogFields) => void;
};

export type LogSink = (line: string) => void;

const levelRank: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export function createLogger(
  sink: LogSink,
  minimum: LogLevel = 'info',
  clock: () => Date = () => new Date(),
): Logger {
  const write =
    (level: LogLevel) =>
    (event: string, fields: LogFields = {}) => {
      if (levelRank[level] < levelRank[minimum]) return;
      sink(JSON.stringify({ at: clock().toISOString(), level, event, ...fields }));
    };
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}

/** A sink that appends JSON lines to a file, creating its folder on first use. */
export function fileLogSink(path: string): LogSink {
  let ready = false;
  return (line) => {
    if (!ready) {
      mkdirSync(dirname(path), { recursive: true });
      ready = true;
    }
    appendFileSync(path, `${line}\n`);
  };
}

export function streamLogSink(stream: NodeJS.WritableStream): LogSink {
  return (line) => {
    stream.write(`${line}\n`);
  };
}

/** Collects lines in memory (tests, and the bridge's recent-log view). */
export function memoryLogSink(lines: string[]): LogSink {
  return (line) => {
    lines.push(line);
  };
}
