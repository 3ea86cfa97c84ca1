import { realpathSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import pkcs11js from 'pkcs11js';
import type { Logger } from '../logger';
import { ckr } from './pkcs11Codes';
import { ckrOf, TokenError } from './tokenError';

export type Pkcs11 = pkcs11js.PKCS11;

export type LoadedModule = {
  /** Canonical path: the registry key. */
  readonly path: string;
  readonly pkcs11: Pkcs11;
  readonly manufacturer: string;
  readonly description: string;
};

export type ModuleRegistry = {
  /** The loaded, initialised module for this library; loads it on first use, then counts references. */
  readonly acquire: (libraryPath: string) => LoadedModule;
  /** Drops one reference; the last one finalises and unloads the library. */
  readonly release: (libraryPath: string) => void;
  /**
   * Finalises and forgets the module whatever its count, so the next acquire loads it afresh
   * (after a fault, or to see tokens a library only scans at C_Initialize, as SoftHSM does).
   */
  readonly reset: (libraryPath: string) => void;
  readonly closeAll: () => void;
  /** How many times this process really loaded the library: 1 however many callers share it. */
  readonly loadCount: (libraryPath: string) => number;
  readonly loadedPaths: () => readonly string[];
};

type Entry = { module: LoadedModule; references: number };

/** One key per library file: symlinks resolved, case folded where the file system folds it. */
export function canonicalLibraryPath(
  libraryPath: string,
  platform: NodeJS.Platform = process.platform,
): string {
  let path = resolve(libraryPath);
  try {
    path = realpathSync(path);
  } catch {
    // A missing file fails later in load() with a clear message.
  }
  return platform === 'win32' || platform === 'darwin' ? path.toLowerCase() : path;
}

function initialize(pkcs11: Pkcs11): void {
  try {
    // Signing runs on libuv's thread pool (C_SignAsync), so ask the library to lock for itself.
    pkcs11.C_Initialize({ flags: pkcs11js.CKF_OS_LOCKING_OK });
  } catch (error) {
    const code = ckrOf(error);
    if (code === ckr.CKR_CRYPTOKI_ALREADY_INITIALIZED) return;
    if (code === ckr.CKR_ARGUMENTS_BAD || code === ckr.CKR_CANT_LOCK) {
      pkcs11.C_Initialize();
      return;
    }
    throw error;
  }
}

export function createModuleRegistry(options: { readonly logger?: Logger } = {}): ModuleRegistry {
  const entries = new Map<string, Entry>();
  const loads = new Map<string, number>();
  const log = options.logger;

  const unload = (path: string, entry: Entry): void => {
    entries.delete(path);
    try {
      entry.module.pkcs11.C_Finalize();
    } catch (error) {
      log?.debug('token.module.finalizeFailed', { library: basename(path), code: ckrOf(error) });
    }
    try {
      entry.module.pkcs11.close();
    } catch {
      // Already closed: nothing left to release.
    }
  };

  const acquire = (libraryPath: string): LoadedModule => {
    const path = canonicalLibraryPath(libraryPath);
    const existing = entries.get(path);
    if (existing !== undefined) {
      existing.references += 1;
      return existing.module;
    }
    const pkcs11 = new pkcs11js.PKCS11();
    try {
      pkcs11.load(path);
    } catch (error) {
      log?.warn('token.module.loadFailed', { library: basename(path) });
      throw new TokenError('library-load-failed', { cause: error });
    }
    try {
      initialize(pkcs11);
    } catch (error) {
      pkcs11.close();
      log?.warn('token.module.initializeFailed', { library: basename(path), code: ckrOf(error) });
      throw new TokenError('library-load-failed', { cause: error });
    }
    const info = pkcs11.C_GetInfo();
    const module: LoadedModule = {
      path,
      pkcs11,
      manufacturer: info.manufacturerID.trim(),
      description: info.libraryDescription.trim(),
    };
    entries.set(path, { module, references: 1 });
    loads.set(path, (loads.get(path) ?? 0) + 1);
    log?.info('token.module.loaded', { library: basename(path), manufacturer: module.manufacturer });
    return module;
  };

  return {
    acquire,
    release: (libraryPath) => {
      const path = canonicalLibraryPath(libraryPath);
      const entry = entries.get(path);
      if (entry === undefined) return;
      entry.references -= 1;
      if (entry.references <= 0) unload(path, entry);
    },
    reset: (libraryPath) => {
      const path = canonicalLibraryPath(libraryPath);
      const entry = entries.get(path);
      if (entry !== undefined) unload(path, entry);
    },
    closeAll: () => {
      for (const [path, entry] of [...entries]) unload(path, entry);
    },
    loadCount: (libraryPath) => loads.get(canonicalLibraryPath(libraryPath)) ?? 0,
    loadedPaths: () => [...entries.keys()],
  };
}
