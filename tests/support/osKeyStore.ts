import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { KeyProtection } from '../../main/services/keys/keyFile';

/**
 * Electron's safeStorage as the tests play it: AES under a key the "OS" holds in memory, which
 * `down()` makes unavailable (a locked or missing key store).
 */
export function osKeyStore(): { readonly protection: KeyProtection; readonly down: () => void } {
  const osKey = randomBytes(32);
  let up = true;
  const protection: KeyProtection = {
    kind: 'safeStorage',
    available: () => up,
    seal: (plain) => {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', osKey, iv);
      const body = Buffer.concat([cipher.update(plain), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    open: (sealed) => {
      const bytes = Buffer.from(sealed);
      const decipher = createDecipheriv('aes-256-gcm', osKey, bytes.subarray(0, 12));
      decipher.setAuthTag(bytes.subarray(12, 28));
      return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]);
    },
  };
  return {
    protection,
    down: () => {
      up = false;
    },
  };
}
