import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import type { ChooseLibraryResult, TokenLibraryView } from '../../../shared/ipc/tokenChannels';
import { UserFacingError } from '../userFacingError';
import type { Logger } from '../logger';
import { defineSetting, type SettingsStore } from '../settings/settingsStore';
import {
  inspectLibraryFile,
  type KnownTokenLibrary,
  knownLibraryPaths,
  type LibraryFileSystem,
  type LibraryRefusal,
  libraryPathSchema,
  type TokenPlatform,
} from '../token/knownLibraries';
import { libraryRefusalMessages, tokenLibraryStrings as strings } from './strings';

/**
 * Which PKCS#11 libraries main may load, named by id. Native code runs only by main's choice:
 * the known Vietnamese CA libraries found on this machine, the one the user picked in main's own
 * file dialog (kept in main's settings), or, in the local bridge, the one named on its command
 * line. The renderer only ever sends an id back; an id that is not listed now is refused before
 * anything is loaded.
 */

/** The user's pick, saved by main after its file dialog (canonical path). */
export const tokenLibrarySetting = defineSetting(
  'token.library',
  z.object({ path: libraryPathSchema, chosenAt: z.iso.datetime() }).strict(),
);

/** Opens main's file dialog; undefined when the user cancels. Electron's glue provides it. */
export type ChooseLibraryFile = () => Promise<string | undefined>;

/** A library main may load: `path` is canonical, the file that is loaded (shown to the user as text). */
export type ResolvedLibrary = TokenLibraryView;

export type LibraryListing = {
  readonly libraries: ResolvedLibrary[];
  readonly problems: { readonly message: string }[];
  /** Set when the saved choice is unusable: the user should choose again. */
  readonly chooseAgain?: string;
};

export type TokenLibraryCatalogue = {
  readonly list: () => Promise<LibraryListing>;
  /** The listed library with this id; anything else is refused with a Vietnamese message. */
  readonly resolve: (id: string) => Promise<ResolvedLibrary>;
  /** Opens main's file dialog, checks the file and saves it; `unavailable` without a dialog. */
  readonly choose: () => Promise<ChooseLibraryResult>;
};

export type TokenLibraryCatalogueOptions = {
  readonly platform: TokenPlatform;
  readonly settings: SettingsStore;
  /** Main's file dialog (Electron). Without it the saved choice is not used either. */
  readonly chooseFile?: ChooseLibraryFile;
  /** The local bridge's `--pkcs11-library` / `HOCBA_PKCS11_LIBRARY`, read at startup. */
  readonly configuredPath?: string;
  readonly known?: readonly KnownTokenLibrary[];
  readonly fileSystem?: LibraryFileSystem;
  readonly logger?: Logger;
  readonly now?: () => Date;
};

export function createTokenLibraryCatalogue(options: TokenLibraryCatalogueOptions): TokenLibraryCatalogue {
  const { platform, settings, logger } = options;
  const now = options.now ?? (() => new Date());
  const nodePlatform: NodeJS.Platform = platform;
  const inspect = (path: string) =>
    inspectLibraryFile(path, { fileSystem: options.fileSystem, platform: nodePlatform });
  /** Windows and macOS file systems fold case: one library, one id, whatever the spelling. */
  const keyOf = (path: string) => (platform === 'linux' ? path : path.toLowerCase());
  const customId = (source: 'user' | 'configured', path: string) =>
    `${source}:${createHash('sha256').update(keyOf(path)).digest('hex').slice(0, 16)}`;
  const custom = (source: 'user' | 'configured', path: string): ResolvedLibrary => ({
    id: customId(source, path),
    provider: basename(path),
    source,
    path,
  });

  /** The token list is polled: a refusal is logged when it first appears, not every few seconds. */
  const reported = new Map<string, LibraryRefusal>();
  const report = (source: string, reason: LibraryRefusal) => {
    if (reported.get(source) === reason) return;
    reported.set(source, reason);
    // The reason only: a path may carry the user's name (C:\Users\<name>\…).
    logger?.warn('token.library.refused', { source, reason });
  };

  const list = async (): Promise<LibraryListing> => {
    const libraries: ResolvedLibrary[] = [];
    const problems: { message: string }[] = [];
    let chooseAgain: string | undefined;
    const seen = new Set<string>();
    const add = (library: ResolvedLibrary) => {
      if (seen.has(keyOf(library.path))) return;
      seen.add(keyOf(library.path));
      libraries.push(library);
    };
    for (const known of knownLibraryPaths(platform, options.known)) {
      const check = inspect(known.path);
      if (check.ok) add({ id: known.id, provider: known.provider, source: 'known', path: check.path });
      else if (check.reason !== 'missing') report(known.id, check.reason);
    }
    if (options.configuredPath !== undefined) {
      const check = inspect(options.configuredPath);
      if (check.ok) add(custom('configured', check.path));
      else {
        report('configured', check.reason);
        problems.push({ message: strings.configuredRefused(libraryRefusalMessages[check.reason]) });
      }
    }
    if (options.chooseFile !== undefined) {
      const saved = await settings.read(tokenLibrarySetting);
      if (saved.state === 'invalid') chooseAgain = strings.chooseAgain;
      if (saved.state === 'set') {
        const check = inspect(saved.value.path);
        if (check.ok) add(custom('user', check.path));
        else {
          report('user', check.reason);
          chooseAgain = strings.chooseAgain;
        }
      }
    }
    return { libraries, problems, ...(chooseAgain === undefined ? {} : { chooseAgain }) };
  };

  let choosing: Promise<ChooseLibraryResult> | undefined;
  const choose = async (chooseFile: ChooseLibraryFile): Promise<ChooseLibraryResult> => {
    const picked = await chooseFile();
    if (picked === undefined) return { outcome: 'cancelled' };
    const check = inspect(picked);
    if (!check.ok) {
      report('dialog', check.reason);
      throw new UserFacingError('failed', libraryRefusalMessages[check.reason]);
    }
    await settings.write(tokenLibrarySetting, { path: check.path, chosenAt: now().toISOString() });
    reported.delete('user');
    logger?.info('token.library.chosen', { library: basename(check.path) });
    // A file that is one of the known libraries is listed (and answered) under its known id.
    const listed = (await list()).libraries.find((library) => keyOf(library.path) === keyOf(check.path));
    return { outcome: 'chosen', library: listed ?? custom('user', check.path) };
  };

  return {
    list,
    resolve: async (id) => {
      const library = (await list()).libraries.find((candidate) => candidate.id === id);
      if (library === undefined) {
        logger?.warn('token.library.unknownId', { kind: id.split(':')[0] });
        throw new UserFacingError('failed', strings.unknownLibrary);
      }
      return library;
    },
    choose: async () => {
      const chooseFile = options.chooseFile;
      if (chooseFile === undefined) return { outcome: 'unavailable' };
      // One dialog at a time: a second click joins the dialog already open.
      choosing ??= choose(chooseFile).finally(() => {
        choosing = undefined;
      });
      return choosing;
    },
  };
}

/**
 * The bridge's custom library: `--pkcs11-library <path>` (or `=<path>`) on its command line, else
 * `HOCBA_PKCS11_LIBRARY`. The text as given (an option without a value gives ''); the caller checks it.
 */
export function bridgeLibraryOption(
  args: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): string | undefined {
  const { values } = parseArgs({
    args: [...args],
    options: { 'pkcs11-library': { type: 'string' } },
    strict: false,
    allowPositionals: true,
  });
  const fromArgs = values['pkcs11-library'];
  if (typeof fromArgs === 'string') return fromArgs;
  if (fromArgs === true) return '';
  const fromEnv = env.HOCBA_PKCS11_LIBRARY;
  return fromEnv === undefined || fromEnv === '' ? undefined : fromEnv;
}
