import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { timestampClientStrings as strings } from './strings';

/** A TSA's address: http or https (RFC 3161 §3.4; the token is signed, so plain http is usual). */
export const tsaUrlSchema = z
  .url({ protocol: /^https?$/, hostname: z.regexes.hostname })
  .max(2048)
  .refine((url) => !/^https?:\/\/[^/]*@/i.test(url), 'no credentials in a TSA URL');

/** `<trust folder>/timestamp.json`, where the province IT officer names its timestamp authority. */
export const timestampConfigSchema = z.strictObject({ url: tsaUrlSchema });

export const timestampConfigFile = 'timestamp.json';

export type TimestampSettings = {
  /** The TSA to ask; undefined when no folder names one (signatures are then made without timestamps). */
  readonly url: string | undefined;
  /** A Vietnamese sentence per config file that could not be used. */
  readonly problems: readonly string[];
};

const maxConfigBytes = 16 * 1024;

/**
 * Reads `timestamp.json` from each trust folder; a later folder (the data folder, where province
 * IT drops files) overrides an earlier one (the app's resources). A file that is too large, not
 * JSON or not `{ "url": "http(s)://…" }` is reported and skipped, never fatal: signing goes on.
 */
export async function readTimestampSettings(folders: readonly string[]): Promise<TimestampSettings> {
  let url: string | undefined;
  const problems: string[] = [];
  for (const folder of folders) {
    const file = join(folder, timestampConfigFile);
    if (!existsSync(file)) continue;
    try {
      if ((await stat(file)).size > maxConfigBytes) throw new Error('too large');
      const parsed = timestampConfigSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
      if (!parsed.success) throw new Error('invalid');
      url = parsed.data.url;
    } catch {
      problems.push(strings.badConfig(file));
    }
  }
  return { url, problems };
}
