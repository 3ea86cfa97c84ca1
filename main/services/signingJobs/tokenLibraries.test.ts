import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UserFacingError } from '../userFacingError';
import { createLogger, memoryLogSink } from '../logger';
import { createSettingsStore } from '../settings/settingsStore';
import type { KnownTokenLibrary } from '../token/knownLibraries';
import { libraryRefusalMessages, tokenLibraryStrings } from './strings';
import {
  bridgeLibraryOption,
  type ChooseLibraryFile,
  createTokenLibraryCatalogue,
  type TokenLibraryCatalogue,
} from './tokenLibraries';

/**
 * Which libraries main may load, on real files in a temporary folder. Nothing here loads a
 * library (the files are not ELF): the catalogue only decides which paths the token service gets.
 */

let dir: string;
let dataDir: string;
let lines: string[];
let known: KnownTokenLibrary[];
let vendorLibrary: string;
let ownLibrary: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hocba-libraries-'));
  dataDir = join(dir, 'data');
  await mkdir(join(dir, 'vendor'));
  vendorLibrary = join(dir, 'vendor', 'libvendor-ca.so');
  ownLibrary = join(dir, 'libown.so.2');
  await writeFile(vendorLibrary, 'vendor');
  await writeFile(ownLibrary, 'own');
  await writeFile(join(dir, 'notes.txt'), 'not a library');
  await symlink(join(dir, 'notes.txt'), join(dir, 'vendor', 'libtrap.so'));
  known = [
    { id: 'vendor-ca', provider: 'Vendor-CA', paths: { linux: [join(dir, 'absent.so'), vendorLibrary] } },
    { id: 'trap', provider: 'Trap', paths: { linux: [join(dir, 'vendor', 'libtrap.so')] } },
  ];
  lines = [];
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function catalogue(
  options: { chooseFile?: ChooseLibraryFile; configuredPath?: string } = {},
): TokenLibraryCatalogue {
  const logger = createLogger(memoryLogSink(lines), 'debug');
  return createTokenLibraryCatalogue({
    platform: 'linux',
    settings: createSettingsStore({ file: join(dataDir, 'settings.json'), logger }),
    known,
    logger,
    now: () => new Date('2026-05-20T03:00:00Z'),
    ...options,
  });
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof UserFacingError) return error.message;
    throw error;
  }
  throw new Error('expected a refusal');
}

const picks = (...paths: (string | undefined)[]): ChooseLibraryFile => {
  const queue = [...paths];
  return async () => queue.shift();
};

describe('the PKCS#11 libraries main may load', () => {
  it('lists the known libraries on this machine by id, and skips a known name that links to a non-library', async () => {
    const listing = await catalogue().list();
    expect(listing.libraries).toEqual([
      { id: 'known:vendor-ca:1', provider: 'Vendor-CA', source: 'known', path: vendorLibrary },
    ]);
    expect(listing.problems).toEqual([]);
    expect(lines.some((line) => line.includes('"reason":"not-a-library"'))).toBe(true);
  });

  it('has no dialog in the bridge, and ignores a pick saved by the desktop app there', async () => {
    const desktop = catalogue({ chooseFile: picks(ownLibrary) });
    expect((await desktop.choose()).outcome).toBe('chosen');
    const bridge = catalogue();
    expect(await bridge.choose()).toEqual({ outcome: 'unavailable' });
    expect((await bridge.list()).libraries.map((library) => library.source)).toEqual(['known']);
  });

  it('takes the bridge’s startup library, canonical, under a configured id', async () => {
    const link = join(dir, 'libalias.so');
    await symlink(ownLibrary, link);
    const listing = await catalogue({ configuredPath: link }).list();
    const configured = listing.libraries.find((library) => library.source === 'configured');
    expect(configured).toMatchObject({ provider: 'libown.so.2', path: ownLibrary });
    expect(configured?.id).toMatch(/^configured:[0-9a-f]{16}$/);
  });

  it.each([
    ['a UNC path', '\\\\server\\share\\token.dll', 'network'],
    ['a //server path', '//server/share/libtoken.so', 'network'],
    ['a relative path', 'libtoken.so', 'relative'],
    ['a link to a non-library', 'LINK', 'not-a-library'],
    ['a folder', 'FOLDER', 'not-a-file'],
  ] as const)('refuses %s as the bridge’s startup library, and says why', async (_label, given, reason) => {
    await mkdir(join(dir, 'folder.so'));
    const paths: Record<string, string> = {
      LINK: join(dir, 'vendor', 'libtrap.so'),
      FOLDER: join(dir, 'folder.so'),
    };
    const path = paths[given] ?? given;
    const listing = await catalogue({ configuredPath: path }).list();
    expect(listing.libraries.map((library) => library.source)).toEqual(['known']);
    expect(listing.problems).toEqual([
      { message: tokenLibraryStrings.configuredRefused(libraryRefusalMessages[reason]) },
    ]);
    for (const line of lines) expect(line).not.toContain(dir);
  });

  it('saves the file picked in main’s dialog, canonical, and lists it again after a restart', async () => {
    const link = join(dir, 'libpicked.so');
    await symlink(ownLibrary, link);
    const first = catalogue({ chooseFile: picks(link) });
    const chosen = await first.choose();
    if (chosen.outcome !== 'chosen') throw new Error('not chosen');
    expect(chosen.library).toMatchObject({ source: 'user', path: ownLibrary, provider: 'libown.so.2' });
    expect(chosen.library.id).toMatch(/^user:[0-9a-f]{16}$/);
    const saved = JSON.parse(await readFile(join(dataDir, 'settings.json'), 'utf8')) as unknown;
    expect(saved).toEqual({
      version: 1,
      settings: { 'token.library': { path: ownLibrary, chosenAt: '2026-05-20T03:00:00.000Z' } },
    });
    const restarted = catalogue({ chooseFile: picks() });
    expect((await restarted.list()).libraries.map((library) => library.id)).toEqual([
      'known:vendor-ca:1',
      chosen.library.id,
    ]);
    expect(await restarted.resolve(chosen.library.id)).toEqual(chosen.library);
  });

  it('answers a pick of a known library with its known id', async () => {
    const chosen = await catalogue({ chooseFile: picks(vendorLibrary) }).choose();
    expect(chosen).toMatchObject({
      outcome: 'chosen',
      library: { id: 'known:vendor-ca:1', source: 'known' },
    });
  });

  it('leaves the settings alone when the dialog is cancelled', async () => {
    expect(await catalogue({ chooseFile: picks(undefined) }).choose()).toEqual({ outcome: 'cancelled' });
    await expect(readFile(join(dataDir, 'settings.json'))).rejects.toThrow();
  });

  it.each([
    ['a UNC share', '\\\\server\\share\\token.dll', 'network'],
    ['a link to a non-library', 'LINK', 'not-a-library'],
    ['a text file', 'TEXT', 'not-a-library'],
    ['a file that is gone', 'GONE', 'missing'],
  ] as const)(
    'refuses %s picked in the dialog and keeps the earlier choice',
    async (_label, given, reason) => {
      const paths: Record<string, string> = {
        LINK: join(dir, 'vendor', 'libtrap.so'),
        TEXT: join(dir, 'notes.txt'),
        GONE: join(dir, 'gone.so'),
      };
      const libraries = catalogue({ chooseFile: picks(ownLibrary, paths[given] ?? given) });
      await libraries.choose();
      const before = await readFile(join(dataDir, 'settings.json'), 'utf8');
      expect(await refusal(libraries.choose())).toBe(libraryRefusalMessages[reason]);
      expect(await readFile(join(dataDir, 'settings.json'), 'utf8')).toBe(before);
    },
  );

  it('ignores a settings file tampered to point at a share, logs no path, and asks to choose again', async () => {
    await mkdir(dataDir, { recursive: true });
    await writeFile(
      join(dataDir, 'settings.json'),
      JSON.stringify({
        version: 1,
        settings: {
          'token.library': { path: '\\\\attacker\\share\\evil.dll', chosenAt: '2026-05-20T03:00:00.000Z' },
        },
      }),
    );
    const libraries = catalogue({ chooseFile: picks(ownLibrary) });
    const listing = await libraries.list();
    expect(listing.libraries.map((library) => library.source)).toEqual(['known']);
    expect(listing.chooseAgain).toBe(tokenLibraryStrings.chooseAgain);
    const logged = lines.filter((line) => line.includes('settings.invalid'));
    expect(logged).toHaveLength(1);
    expect(logged[0]).toContain('"key":"token.library"');
    for (const line of lines) expect(line).not.toMatch(/attacker|evil/);

    await libraries.choose();
    const again = await libraries.list();
    expect(again.chooseAgain).toBeUndefined();
    expect(again.libraries.map((library) => library.source)).toEqual(['known', 'user']);
  });

  it('asks to choose again when the saved file was replaced by a link to a non-library', async () => {
    const libraries = catalogue({ chooseFile: picks(ownLibrary) });
    await libraries.choose();
    await rm(ownLibrary);
    await symlink(join(dir, 'notes.txt'), ownLibrary);
    const listing = await libraries.list();
    expect(listing.chooseAgain).toBe(tokenLibraryStrings.chooseAgain);
    expect(listing.libraries.map((library) => library.source)).toEqual(['known']);
  });

  it('refuses forged and stale ids before anything could be loaded', async () => {
    const other = join(dir, 'libother.so');
    await writeFile(other, 'other');
    const libraries = catalogue({ chooseFile: picks(ownLibrary, other) });
    const first = await libraries.choose();
    if (first.outcome !== 'chosen') throw new Error('not chosen');
    await libraries.choose();
    for (const id of [
      first.library.id, // chosen before the user picked another file
      'user:0000000000000000',
      'configured:0000000000000000',
      'known:vendor-ca:0', // listed provider, path not on this machine
      'known:trap:0', // on this machine, but a link to a text file
      'known:viettel-ca:0', // a real provider, not installed here
      '/usr/lib/softhsm/libsofthsm2.so',
    ]) {
      expect(await refusal(libraries.resolve(id)), id).toBe(tokenLibraryStrings.unknownLibrary);
    }
    expect((await libraries.resolve('known:vendor-ca:1')).path).toBe(vendorLibrary);
  });
});

describe('the bridge’s startup option', () => {
  it('comes from --pkcs11-library, else HOCBA_PKCS11_LIBRARY', () => {
    expect(
      bridgeLibraryOption(['--pkcs11-library', '/a/lib.so'], { HOCBA_PKCS11_LIBRARY: '/b/lib.so' }),
    ).toBe('/a/lib.so');
    expect(bridgeLibraryOption(['--pkcs11-library=/a/lib.so'], {})).toBe('/a/lib.so');
    expect(bridgeLibraryOption(['--other'], { HOCBA_PKCS11_LIBRARY: '/b/lib.so' })).toBe('/b/lib.so');
    expect(bridgeLibraryOption([], { HOCBA_PKCS11_LIBRARY: '' })).toBeUndefined();
    expect(bridgeLibraryOption([], {})).toBeUndefined();
    // Named without a value: '' is then refused by the file check, not silently ignored.
    expect(bridgeLibraryOption(['--pkcs11-library'], {})).toBe('');
  });
});
