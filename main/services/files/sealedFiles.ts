import { open, readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { writeFileAtomic } from '../atomicWrite';
import type { Logger } from '../logger';
import { UserFacingError } from '../userFacingError';
import {
  looksSealed,
  maxSealedPlainBytes,
  openBytes,
  sealBytes,
  sealedMagic,
  sealedOverheadBytes,
  sealedRoleOf,
} from './sealedFile';
import { sealedFileStrings as strings } from './strings';

/** Every read and write while the data key could not be opened (dataKey.ts says why). */
export class DataKeyLockedError extends UserFacingError {
  constructor() {
    super('failed', strings.locked);
    this.name = 'DataKeyLockedError';
  }
}

/** The folders of main's data folder whose files are sealed. */
export const sealedFolders = ['photos', 'records'] as const;

/**
 * Reads and writes the sealed files of main's data folder (photos, học bạ files and their archived
 * versions) by absolute path. A file an earlier build wrote in the clear is read, then sealed in
 * place (atomically). With the data key locked every read and write is refused.
 */
export type SealedFiles = {
  /** The plaintext of a file under the data folder; the fs error as is when it cannot be read. */
  readonly read: (path: string) => Promise<Buffer>;
  /** Seals and writes atomically (readers see the old file or the whole new one). */
  readonly write: (path: string, plain: Uint8Array) => Promise<void>;
  /** Seals for `relativePath` (a restore stages files elsewhere before moving them there). */
  readonly seal: (relativePath: string, plain: Uint8Array) => Buffer;
  readonly open: (relativePath: string, stored: Uint8Array) => Buffer;
  /** Seals every file still in the clear (at startup); returns how many it sealed. */
  readonly sealLegacyFiles: () => Promise<{ readonly sealed: number; readonly refused: number }>;
};

/** Every file under `root/folder`, as `/`-separated paths relative to `root` (temporary files left out). */
export async function filesUnder(root: string, folder: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (path: string): Promise<void> => {
    const entries = await readdir(path, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const full = join(path, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile() && !entry.name.endsWith('.tmp'))
        found.push(relative(root, full).split(sep).join('/'));
    }
  };
  await walk(join(root, folder));
  return found.sort();
}

/** Reads at most `limit` bytes of a file, refusing a larger one before reading it. */
async function readBounded(path: string, limit: number, onTooLarge: () => Error): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    if (size > limit) throw onTooLarge();
    const buffer = Buffer.alloc(size);
    let offset = 0;
    while (offset < size) {
      const { bytesRead } = await handle.read(buffer, offset, size - offset, offset);
      if (bytesRead === 0) break;
      offset += bytesRead;
    }
    return buffer.subarray(0, offset);
  } finally {
    await handle.close();
  }
}

/** Whether a file begins with the sealed magic (its first bytes only are read). */
async function beginsSealed(path: string): Promise<boolean> {
  const handle = await open(path, 'r').catch(() => undefined);
  if (handle === undefined) return false;
  try {
    const head = Buffer.alloc(sealedMagic.length);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return bytesRead === head.length && looksSealed(head);
  } finally {
    await handle.close();
  }
}

/** Whether any file under the sealed folders is sealed (a missing or damaged key would orphan it). */
export async function anySealedFile(dataDir: string): Promise<boolean> {
  for (const folder of sealedFolders)
    for (const relativePath of await filesUnder(dataDir, folder))
      if (await beginsSealed(join(dataDir, relativePath))) return true;
  return false;
}

export function createSealedFiles(options: {
  readonly dataDir: string;
  /** The data key; undefined while it is locked (dataKey.ts says why). */
  readonly key: Uint8Array | undefined;
  readonly logger?: Logger;
}): SealedFiles {
  const { dataDir, key } = options;
  const requireKey = (): Uint8Array => {
    if (key === undefined) throw new DataKeyLockedError();
    return key;
  };
  const relativeOf = (path: string): string => {
    const relativePath = relative(dataDir, path).split(sep).join('/');
    if (sealedRoleOf(relativePath) === undefined || relativePath.split('/').includes('..'))
      throw new UserFacingError('failed', strings.outsideDataFolder);
    return relativePath;
  };
  const seal = (relativePath: string, plain: Uint8Array) => sealBytes(requireKey(), relativePath, plain);
  const write = async (path: string, plain: Uint8Array) => {
    await writeFileAtomic(path, seal(relativeOf(path), plain));
  };
  /** Reads a file, and seals it in place when an earlier build left it in the clear. */
  const readAndSeal = async (path: string): Promise<{ plain: Buffer; legacy: boolean }> => {
    const relativePath = relativeOf(path);
    const role = sealedRoleOf(relativePath) ?? 'record';
    const openingKey = requireKey();
    const stored = await readBounded(
      path,
      maxSealedPlainBytes + sealedOverheadBytes,
      () => new UserFacingError('failed', strings.tooLarge(role)),
    );
    const opened = openBytes(openingKey, relativePath, stored);
    if (opened.legacy) {
      await writeFileAtomic(path, seal(relativePath, opened.plain));
      options.logger?.info('files.sealedLegacy', { role });
    }
    return opened;
  };
  return {
    read: async (path) => (await readAndSeal(path)).plain,
    write,
    seal,
    open: (relativePath, stored) => openBytes(requireKey(), relativePath, stored).plain,
    sealLegacyFiles: async () => {
      requireKey();
      let sealed = 0;
      let refused = 0;
      for (const folder of sealedFolders)
        for (const relativePath of await filesUnder(dataDir, folder)) {
          const path = join(dataDir, relativePath);
          // Only files without the magic are read through: a start does not decrypt the folder.
          if (sealedRoleOf(relativePath) === undefined || (await beginsSealed(path))) continue;
          try {
            if ((await readAndSeal(path)).legacy) sealed += 1;
          } catch {
            // Left as it is: reading it later gives the user the error and what to do.
            refused += 1;
          }
        }
      if (sealed > 0 || refused > 0) options.logger?.info('files.sealedAtStartup', { sealed, refused });
      return { sealed, refused };
    },
  };
}
