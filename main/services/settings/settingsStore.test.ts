import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createLogger, memoryLogSink } from '../logger';
import { createSettingsStore, defineSetting, maxSettingsFileBytes } from './settingsStore';

const colour = defineSetting('ui.colour', z.enum(['red', 'blue']));
const count = defineSetting('sync.count', z.number().int().min(0).max(10));

let dir: string;
let file: string;
let lines: string[];

const storeAt = () => createSettingsStore({ file, logger: createLogger(memoryLogSink(lines), 'debug') });

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hocba-settings-'));
  file = join(dir, 'settings.json');
  lines = [];
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('main’s settings store', () => {
  it('reads unset before anything is written, and what was written after a restart', async () => {
    const store = storeAt();
    expect(await store.read(colour)).toEqual({ state: 'unset' });
    await store.write(colour, 'blue');
    await store.write(count, 3);
    expect(await store.read(colour)).toEqual({ state: 'set', value: 'blue' });
    const restarted = storeAt();
    expect(await restarted.read(colour)).toEqual({ state: 'set', value: 'blue' });
    expect(await restarted.read(count)).toEqual({ state: 'set', value: 3 });
    await restarted.remove(colour);
    expect(await storeAt().read(colour)).toEqual({ state: 'unset' });
    expect(await storeAt().read(count)).toEqual({ state: 'set', value: 3 });
  });

  it('keeps both of two writes made at once, and leaves no temporary file', async () => {
    const store = storeAt();
    await Promise.all([store.write(colour, 'red'), store.write(count, 7)]);
    const saved = JSON.parse(await readFile(file, 'utf8')) as unknown;
    expect(saved).toEqual({ version: 1, settings: { 'ui.colour': 'red', 'sync.count': 7 } });
    expect(await readdir(dir)).toEqual(['settings.json']);
  });

  it('refuses to write a value its schema refuses, and keeps the file as it was', async () => {
    const store = storeAt();
    await store.write(count, 1);
    const before = await readFile(file, 'utf8');
    await expect(store.write(count, 11)).rejects.toThrow();
    expect(await readFile(file, 'utf8')).toBe(before);
  });

  it('ignores a tampered value, logs its key once and never the value', async () => {
    await writeFile(
      file,
      JSON.stringify({
        version: 1,
        settings: { 'ui.colour': 'C:\\Users\\Nguyễn Văn A\\evil', 'sync.count': 2 },
      }),
    );
    const store = storeAt();
    expect(await store.read(colour)).toEqual({ state: 'invalid' });
    expect(await store.read(colour)).toEqual({ state: 'invalid' });
    expect(await store.read(count)).toEqual({ state: 'set', value: 2 });
    const logged = lines.filter((line) => line.includes('settings.invalid'));
    expect(logged).toHaveLength(1);
    expect(logged[0]).toContain('"key":"ui.colour"');
    for (const line of lines) expect(line).not.toContain('Nguyễn');
    // Choosing again replaces the bad value.
    await store.write(colour, 'red');
    expect(await storeAt().read(colour)).toEqual({ state: 'set', value: 'red' });
  });

  it.each([
    ['broken JSON', '{"version":1,'],
    ['another shape', JSON.stringify({ settings: { 'ui.colour': 'red' } })],
    ['a key that is not a setting name', JSON.stringify({ version: 1, settings: { __proto__x: 1 } })],
    ['a prototype key', '{"version":1,"settings":{"__proto__":{"polluted":true}}}'],
    ['an extra top-level field', JSON.stringify({ version: 1, settings: {}, extra: true })],
    [
      'a file too large to be ours',
      JSON.stringify({ version: 1, settings: { 'ui.colour': 'red', pad: 'x'.repeat(maxSettingsFileBytes) } }),
    ],
  ])('reads a file with %s as empty, with a log line', async (_label, text) => {
    await writeFile(file, text);
    const store = storeAt();
    expect(await store.read(colour)).toEqual({ state: 'unset' });
    expect(lines.some((line) => line.includes('settings.unreadable'))).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses setting names that are not plain dotted words', () => {
    for (const key of ['', '__proto__', 'a..b', 'A.b', 'a/b', 'x'.repeat(65)]) {
      expect(() => defineSetting(key, z.string()), key).toThrow();
    }
  });
});
