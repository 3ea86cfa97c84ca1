import { safeStorage } from 'electron';
import type { AuditKeyProtection } from '../services/audit/auditKey';

/**
 * Electron's safeStorage for the key of main's audit head record: DPAPI on Windows, the Keychain
 * on macOS, libsecret or KWallet on Linux. Linux without a key store falls back to a hard-coded
 * password (`basic_text`), which protects nothing, so it counts as unavailable there. Call after
 * `app` is ready.
 */
export function safeStorageKeyProtection(): AuditKeyProtection {
  const available = () =>
    safeStorage.isEncryptionAvailable() &&
    !(process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text');
  return {
    kind: 'safeStorage',
    available,
    seal: (key) => safeStorage.encryptString(Buffer.from(key).toString('base64')),
    open: (sealed) => new Uint8Array(Buffer.from(safeStorage.decryptString(Buffer.from(sealed)), 'base64')),
  };
}
