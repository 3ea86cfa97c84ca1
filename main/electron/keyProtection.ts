import { safeStorage } from 'electron';
import type { KeyProtection } from '../services/keys/keyFile';

/**
 * Electron's safeStorage for main's key files (the audit head key, the data key of sealed files):
 * DPAPI on Windows, the Keychain on macOS, libsecret or KWallet on Linux. Linux without a key
 * store falls back to a hard-coded password (`basic_text`), which protects nothing, so it counts
 * as unavailable there. Call after `app` is ready.
 */
export function safeStorageKeyProtection(): KeyProtection {
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
