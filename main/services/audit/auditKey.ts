import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { z } from 'zod';

/**
 * The HMAC key that authenticates main's record of the audit chain heads. It lives in a file of
 * main's data folder that only the user may read (0600; on Windows the per-user profile folder),
 * and in Electron it is sealed with the OS key store (`safeStorage`: DPAPI, Keychain, libsecret)
 * when one is available. The renderer has no channel that reads it.
 */

/** Electron's safeStorage behind a plain interface, so this service never imports electron. */
export type AuditKeyProtection = {
  readonly kind: 'safeStorage';
  /** Whether the OS key store can seal and open right now. */
  readonly available: () => boolean;
  readonly seal: (key: Uint8Array) => Uint8Array;
  readonly open: (sealed: Uint8Array) => Uint8Array;
};

export const auditKeyFileName = 'head-key.json';
const keyBytes = 32;

const keyFileSchema = z
  .object({
    format: z.literal(1),
    protection: z.enum(['file', 'safeStorage']),
    key: z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/),
  })
  .strict();

export type AuditKeyState =
  /** `created`: there was no key file (first run, or it was deleted). */
  | { readonly status: 'ok'; readonly key: Uint8Array; readonly created: boolean; readonly replaced: boolean }
  /** The key is sealed by the OS key store, which cannot open it now: nothing can be verified. */
  | { readonly status: 'unavailable' };

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

async function writeKey(path: string, key: Uint8Array, protection: AuditKeyProtection | undefined) {
  const sealed = protection?.available() === true;
  const stored = sealed ? protection.seal(key) : key;
  await writePrivateFile(
    path,
    `${JSON.stringify({
      format: 1,
      protection: sealed ? 'safeStorage' : 'file',
      key: Buffer.from(stored).toString('base64'),
    })}\n`,
  );
}

type ReadKey =
  | { readonly kind: 'missing' }
  | { readonly kind: 'damaged' }
  | { readonly kind: 'unavailable' }
  | { readonly kind: 'ok'; readonly key: Uint8Array; readonly sealed: boolean };

async function readKey(path: string, protection: AuditKeyProtection | undefined): Promise<ReadKey> {
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
  const stored = new Uint8Array(Buffer.from(parsed.data.key, 'base64'));
  if (parsed.data.protection === 'file')
    return stored.length === keyBytes ? { kind: 'ok', key: stored, sealed: false } : { kind: 'damaged' };
  if (protection?.available() !== true) return { kind: 'unavailable' };
  try {
    const key = protection.open(stored);
    return key.length === keyBytes ? { kind: 'ok', key, sealed: true } : { kind: 'damaged' };
  } catch {
    // The OS store is there but cannot open this key (another user, a reset key store).
    return { kind: 'unavailable' };
  }
}

/**
 * Reads the key, or creates one when there is none. A damaged key file is moved aside and
 * replaced (what it authenticated can no longer be trusted, and the caller reports that). A key
 * kept in the clear is sealed once the OS key store becomes available.
 */
export async function loadAuditKey(
  auditDir: string,
  protection: AuditKeyProtection | undefined,
  setAside: (path: string) => Promise<void>,
): Promise<AuditKeyState> {
  const path = join(auditDir, auditKeyFileName);
  const found = await readKey(path, protection);
  if (found.kind === 'unavailable') return { status: 'unavailable' };
  if (found.kind === 'ok') {
    if (!found.sealed && protection?.available() === true) await writeKey(path, found.key, protection);
    return { status: 'ok', key: found.key, created: false, replaced: false };
  }
  if (found.kind === 'damaged') await setAside(path);
  const key = new Uint8Array(randomBytes(keyBytes));
  await writeKey(path, key, protection);
  return { status: 'ok', key, created: true, replaced: found.kind === 'damaged' };
}
