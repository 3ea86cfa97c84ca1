import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { writeFileAtomic } from '../atomicWrite';
import type { Logger } from '../logger';

/**
 * Main's own settings: one small JSON file in main's data folder that only main writes (the
 * renderer has no channel to it). Each feature declares its setting with a zod schema; a value
 * that fails its schema (a damaged or tampered file) reads as `invalid`, is logged by key only,
 * and the feature asks the user again. Writes replace the whole file atomically, one at a time.
 */

export type Setting<T> = { readonly key: string; readonly schema: z.ZodType<T> };

const settingKeyPattern = /^[a-z][A-Za-z0-9]*(?:\.[a-z][A-Za-z0-9]*)*$/;

export function defineSetting<T>(key: string, schema: z.ZodType<T>): Setting<T> {
  if (!settingKeyPattern.test(key) || key.length > 64) throw new Error(`Bad setting key: ${key}`);
  return { key, schema };
}

export type SettingRead<T> =
  | { readonly state: 'unset' }
  /** Present but refused by its schema: ignored, and logged once by key. */
  | { readonly state: 'invalid' }
  | { readonly state: 'set'; readonly value: T };

export type SettingsStore = {
  readonly read: <T>(setting: Setting<T>) => Promise<SettingRead<T>>;
  /** Validates the value against the setting's schema (throws if it does not fit), then saves. */
  readonly write: <T>(setting: Setting<T>, value: T) => Promise<void>;
  readonly remove: (setting: Setting<unknown>) => Promise<void>;
};

/** Settings are a few short values; anything larger is not a file main wrote. */
export const maxSettingsFileBytes = 64 * 1024;

const settingsFileSchema = z
  .object({
    version: z.literal(1),
    settings: z.record(z.string().regex(settingKeyPattern).max(64), z.unknown()),
  })
  .strict();

type RawSettings = Record<string, unknown>;

function errorCode(error: unknown): string | undefined {
  const code: unknown = typeof error === 'object' && error !== null ? Reflect.get(error, 'code') : undefined;
  return typeof code === 'string' ? code : undefined;
}

/** How many own keys `value[field]` has (0 when it is not an object). */
function ownKeyCount(value: unknown, field: string): number {
  if (typeof value !== 'object' || value === null) return 0;
  const inner: unknown = Reflect.get(value, field);
  return typeof inner === 'object' && inner !== null ? Object.keys(inner).length : 0;
}

export function createSettingsStore(options: {
  readonly file: string;
  readonly logger?: Logger;
}): SettingsStore {
  const { file, logger } = options;
  let loaded: Promise<RawSettings> | undefined;
  /** Keys already logged as invalid: a polled read logs once, not every few seconds. */
  const reportedInvalid = new Set<string>();
  let queue: Promise<unknown> = Promise.resolve();

  const load = async (): Promise<RawSettings> => {
    let text: string;
    try {
      const bytes = await readFile(file);
      if (bytes.length > maxSettingsFileBytes) {
        logger?.warn('settings.unreadable', { reason: 'too-large', bytes: bytes.length });
        return {};
      }
      text = bytes.toString('utf8');
    } catch (error) {
      if (errorCode(error) !== 'ENOENT')
        logger?.warn('settings.unreadable', { reason: errorCode(error) ?? 'read' });
      return {};
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      logger?.warn('settings.unreadable', { reason: 'json' });
      return {};
    }
    const parsed = settingsFileSchema.safeParse(json);
    // zod drops a `__proto__` key silently; a file holding one is not one main wrote.
    if (!parsed.success || Object.keys(parsed.data.settings).length !== ownKeyCount(json, 'settings')) {
      logger?.warn('settings.unreadable', { reason: 'shape' });
      return {};
    }
    return Object.assign(Object.create(null) as RawSettings, parsed.data.settings);
  };

  const current = (): Promise<RawSettings> => {
    loaded ??= load();
    return loaded;
  };

  /** Runs one change after the other, so two writes never lose each other's key. */
  const change = (apply: (settings: RawSettings) => void): Promise<void> => {
    const next = queue.then(async () => {
      const settings: RawSettings = Object.assign(Object.create(null) as RawSettings, await current());
      apply(settings);
      await writeFileAtomic(file, `${JSON.stringify({ version: 1, settings }, null, 2)}\n`);
      loaded = Promise.resolve(settings);
    });
    queue = next.catch(() => undefined);
    return next;
  };

  return {
    read: async <T>(setting: Setting<T>): Promise<SettingRead<T>> => {
      const settings = await current();
      if (!Object.hasOwn(settings, setting.key)) return { state: 'unset' };
      const parsed = setting.schema.safeParse(settings[setting.key]);
      if (parsed.success) return { state: 'set', value: parsed.data };
      if (!reportedInvalid.has(setting.key)) {
        reportedInvalid.add(setting.key);
        // The key and the failing fields only: the value may hold a user name in a path.
        logger?.warn('settings.invalid', {
          key: setting.key,
          fields: parsed.error.issues.map((issue) => issue.path.join('.') || '(value)').join(','),
        });
      }
      return { state: 'invalid' };
    },
    write: async (setting, value) => {
      const valid = setting.schema.parse(value);
      await change((settings) => {
        settings[setting.key] = valid;
      });
      reportedInvalid.delete(setting.key);
    },
    remove: async (setting) => {
      await change((settings) => {
        Reflect.deleteProperty(settings, setting.key);
      });
      reportedInvalid.delete(setting.key);
    },
  };
}
