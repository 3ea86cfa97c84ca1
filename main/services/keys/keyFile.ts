import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { z } from 'zod';
import { deriveKey, scryptKdfSchema } from '../backup/backupFormat';

/**
 * A secret key kept in a file of main's data folder (the audit head key, the data key of sealed
 * files). The file is readable by its user only (0600) and the key inside it is, by preference:
 * sealed by the OS key store (`safeStorage`: DPAPI, Keychain, libsecret), wrapped with AES-256-GCM
 * under a key derived by scrypt from a passphrase main was given, or, when neither is there, in
 * the clear (`file`: protected by the file's permissions only, which the caller reports).
 */

/** Electron's safeStorage behind a plain interface, so services never import electron. */
export type KeyProtection = {
  readonly kind: 'safeStorage';
  /** Whether the OS key store can seal and open right now. */
  readonly available: () => boolean;
  readonly seal: (key: Uint8Array) => Uint8Array;
  readonly open: (sealed: Uint8Array) => Uint8Array;
};

export type ScryptCost = { readonly N: number; readonly r: number; readonly p: number };

/** What may protect a key file: the OS key store, a passphrase, both or neither. */
export type KeyWrapping = {
  readonly protection?: KeyProtection | undefined;
  readonly passphrase?: string | undefined;
  /** scrypt's cost for a key wrapped now; within the bounds a stored file is held to. */
  readonly scrypt?: ScryptCost | undefined;
};

export type KeyFileProtection = 'safeStorage' | 'passphrase' | 'file';

/** 32 MiB of memory, about a tenth of a second: paid once per start of main. */
export const defaultKeyScrypt: ScryptCost = { N: 2 ** 15, r: 8, p: 1 };

const base64 = z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/);
const keyFileSchema = z.discriminatedUnion('protection', [
  z.object({ format: z.literal(1), protection: z.literal('file'), key: base64 }).strict(),
  z.object({ format: z.literal(1), protection: z.literal('safeStorage'), key: base64 }).strict(),
  z
    .object({
      format: z.literal(1),
      protection: z.literal('passphrase'),
      // At most 2^17 (128 MiB with r = 8): a forged key file cannot make main spend more at start.
      kdf: scryptKdfSchema(2 ** 17).strict(),
      nonce: base64.max(24),
      key: base64.max(256),
    })
    .strict(),
]);

/** Writes a file readable by its owner only, atomically (temporary file, flush, rename). */
export async function writePrivateFile(path: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temp, data, { mode: 0o600, flush: true });
    // The mode of writeFile is masked by the umask; chmod states it exactly.
    await chmod(temp, 0o600);
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** How a key written now would be protected. */
export function protectionFor(wrapping: KeyWrapping): KeyFileProtection {
  if (wrapping.protection?.available() === true) return 'safeStorage';
  if (wrapping.passphrase !== undefined && wrapping.passphrase !== '') return 'passphrase';
  return 'file';
}

/** The additional data of a wrapped key: the file's name, so a key cannot pass for another. */
const wrapContext = (path: string) => Buffer.from(`hocba.key-file.v1:${basename(path)}`, 'utf8');

export async function writeKeyFile(
  path: string,
  key: Uint8Array,
  wrapping: KeyWrapping,
): Promise<KeyFileProtection> {
  const protection = protectionFor(wrapping);
  let body: z.input<typeof keyFileSchema>;
  if (protection === 'safeStorage' && wrapping.protection !== undefined) {
    body = { format: 1, protection, key: Buffer.from(wrapping.protection.seal(key)).toString('base64') };
  } else if (protection === 'passphrase' && wrapping.passphrase !== undefined) {
    const kdf = {
      name: 'scrypt' as const,
      ...(wrapping.scrypt ?? defaultKeyScrypt),
      salt: randomBytes(16).toString('base64'),
    };
    const nonce = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', await deriveKey(wrapping.passphrase, kdf), nonce);
    cipher.setAAD(wrapContext(path));
    const wrapped = Buffer.concat([cipher.update(key), cipher.final(), cipher.getAuthTag()]);
    body = { format: 1, protection, kdf, nonce: nonce.toString('base64'), key: wrapped.toString('base64') };
  } else {
    body = { format: 1, protection: 'file', key: Buffer.from(key).toString('base64') };
  }
  await writePrivateFile(path, `${JSON.stringify(body)}\n`);
  return protection;
}

export type ReadKeyFile =
  | { readonly kind: 'missing' }
  /** Not a key file this version understands, or a key of the wrong length. */
  | { readonly kind: 'damaged' }
  /** Sealed by the OS key store, which cannot open it now (another user, a reset store). */
  | { readonly kind: 'unavailable' }
  /** Wrapped with a passphrase main was not given. */
  | { readonly kind: 'needsPassphrase' }
  /** Wrapped with a passphrase, and the one given does not open it (or the file was changed). */
  | { readonly kind: 'wrongPassphrase' }
  | { readonly kind: 'ok'; readonly key: Uint8Array; readonly stored: KeyFileProtection };

export async function readKeyFile(
  path: string,
  keyBytes: number,
  wrapping: KeyWrapping,
): Promise<ReadKeyFile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    return { kind: 'damaged' };
  }
  let parsed;
  try {
    parsed = keyFileSchema.safeParse(JSON.parse(text));
  } catch {
    return { kind: 'damaged' };
  }
  if (!parsed.success) return { kind: 'damaged' };
  const body = parsed.data;
  const stored = Buffer.from(body.key, 'base64');
  const sized = (key: Uint8Array, kind: KeyFileProtection): ReadKeyFile =>
    key.length === keyBytes ? { kind: 'ok', key: new Uint8Array(key), stored: kind } : { kind: 'damaged' };
  switch (body.protection) {
    case 'file':
      return sized(stored, 'file');
    case 'safeStorage': {
      const protection = wrapping.protection;
      if (protection?.available() !== true) return { kind: 'unavailable' };
      try {
        return sized(protection.open(stored), 'safeStorage');
      } catch {
        return { kind: 'unavailable' };
      }
    }
    case 'passphrase': {
      if (wrapping.passphrase === undefined || wrapping.passphrase === '') return { kind: 'needsPassphrase' };
      const nonce = Buffer.from(body.nonce, 'base64');
      if (nonce.length !== 12 || stored.length !== keyBytes + 16) return { kind: 'damaged' };
      const decipher = createDecipheriv('aes-256-gcm', await deriveKey(wrapping.passphrase, body.kdf), nonce);
      decipher.setAAD(wrapContext(path));
      decipher.setAuthTag(stored.subarray(keyBytes));
      try {
        return sized(
          Buffer.concat([decipher.update(stored.subarray(0, keyBytes)), decipher.final()]),
          'passphrase',
        );
      } catch {
        // GCM cannot tell a wrong passphrase from a changed file; either way the key stays shut.
        return { kind: 'wrongPassphrase' };
      }
    }
  }
}

/** Whether a key read as `stored` should be written again under what protects keys now. */
export function shouldRewrap(stored: KeyFileProtection, wrapping: KeyWrapping): boolean {
  const rank = { file: 0, passphrase: 1, safeStorage: 2 } as const;
  return rank[protectionFor(wrapping)] > rank[stored];
}
