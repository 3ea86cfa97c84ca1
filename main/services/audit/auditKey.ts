import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { readKeyFile, shouldRewrap, writeKeyFile, type KeyProtection } from '../keys/keyFile';

/**
 * The HMAC key that authenticates main's record of the audit chain heads. It lives in a file of
 * main's data folder that only the user may read (0600; on Windows the per-user profile folder),
 * and in Electron it is sealed with the OS key store (`safeStorage`: DPAPI, Keychain, libsecret)
 * when one is available (main/services/keys/keyFile.ts). The renderer has no channel that reads it.
 */

export { writePrivateFile } from '../keys/keyFile';

export const auditKeyFileName = 'head-key.json';
const keyBytes = 32;

export type AuditKeyState =
  /** `created`: there was no key file (first run, or it was deleted). */
  | { readonly status: 'ok'; readonly key: Uint8Array; readonly created: boolean; readonly replaced: boolean }
  /** The key is sealed by the OS key store, which cannot open it now: nothing can be verified. */
  | { readonly status: 'unavailable' };

/**
 * Reads the key, or creates one when there is none. A damaged key file is moved aside and
 * replaced (what it authenticated can no longer be trusted, and the caller reports that). A key
 * kept in the clear is sealed once the OS key store becomes available.
 */
export async function loadAuditKey(
  auditDir: string,
  protection: KeyProtection | undefined,
  setAside: (path: string) => Promise<void>,
): Promise<AuditKeyState> {
  const path = join(auditDir, auditKeyFileName);
  // The audit key is not wrapped with a passphrase: an unreadable head record only costs its
  // anchor, which main reports, where an unreadable data key would lock every file away.
  const wrapping = { protection };
  const found = await readKeyFile(path, keyBytes, wrapping);
  if (found.kind === 'unavailable' || found.kind === 'needsPassphrase' || found.kind === 'wrongPassphrase')
    return { status: 'unavailable' };
  if (found.kind === 'ok') {
    if (shouldRewrap(found.stored, wrapping)) await writeKeyFile(path, found.key, wrapping);
    return { status: 'ok', key: found.key, created: false, replaced: false };
  }
  if (found.kind === 'damaged') await setAside(path);
  const key = new Uint8Array(randomBytes(keyBytes));
  await writeKeyFile(path, key, wrapping);
  return { status: 'ok', key, created: true, replaced: found.kind === 'damaged' };
}
