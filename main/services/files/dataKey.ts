import { randomBytes } from 'node:crypto';
import { rename } from 'node:fs/promises';
import { join } from 'node:path';
import type { DataProtection } from '../../../shared/ipc/contract';
import {
  readKeyFile,
  shouldRewrap,
  writeKeyFile,
  type KeyFileProtection,
  type KeyProtection,
  type ScryptCost,
} from '../keys/keyFile';
import type { Logger } from '../logger';
import { anySealedFile } from './sealedFiles';

/**
 * The desktop's data key: 32 random bytes that seal the photos and học bạ files of main's data
 * folder (sealedFile.ts), kept in `<data>/keys/data-key.json` under the OS key store, else under a
 * passphrase given to main, else (reported as `filePermissions`) in the clear.
 */
export const dataKeyFileName = 'data-key.json';
const keyBytes = 32;

export type DataKeyState =
  | {
      readonly status: 'ok';
      readonly key: Uint8Array;
      readonly protection: Exclude<DataProtection, 'locked'>;
      readonly created: boolean;
    }
  /**
   * The key cannot be opened, and nothing is replaced: a new key would orphan every sealed file.
   * `missing` and `damaged` are only reported while sealed files exist (otherwise a new key is
   * made and a damaged file set aside).
   */
  | {
      readonly status: 'locked';
      readonly reason: 'keyStoreUnavailable' | 'passphraseNeeded' | 'wrongPassphrase' | 'missing' | 'damaged';
    };

const reported: Record<KeyFileProtection, Exclude<DataProtection, 'locked'>> = {
  safeStorage: 'osKeyStore',
  passphrase: 'passphrase',
  file: 'filePermissions',
};

export async function loadDataKey(options: {
  readonly dataDir: string;
  readonly protection?: KeyProtection | undefined;
  readonly passphrase?: string | undefined;
  readonly scrypt?: ScryptCost | undefined;
  readonly logger?: Logger | undefined;
  readonly now?: () => Date;
}): Promise<DataKeyState> {
  const path = join(options.dataDir, 'keys', dataKeyFileName);
  const wrapping = { protection: options.protection, passphrase: options.passphrase, scrypt: options.scrypt };
  const found = await readKeyFile(path, keyBytes, wrapping);
  const locked = (reason: Extract<DataKeyState, { status: 'locked' }>['reason']): DataKeyState => {
    options.logger?.warn('files.dataKeyLocked', { reason });
    return { status: 'locked', reason };
  };
  switch (found.kind) {
    case 'ok': {
      let stored = found.stored;
      if (shouldRewrap(stored, wrapping)) stored = await writeKeyFile(path, found.key, wrapping);
      return { status: 'ok', key: found.key, protection: reported[stored], created: false };
    }
    case 'unavailable':
      return locked('keyStoreUnavailable');
    case 'needsPassphrase':
      return locked('passphraseNeeded');
    case 'wrongPassphrase':
      return locked('wrongPassphrase');
    case 'missing':
    case 'damaged': {
      // A new key is safe only while no file is sealed under the old one.
      if (await anySealedFile(options.dataDir)) return locked(found.kind);
      if (found.kind === 'damaged') {
        const stamp = (options.now?.() ?? new Date()).toISOString().replace(/[:.]/g, '-');
        await rename(path, `${path}.damaged-${stamp}`);
        options.logger?.warn('files.dataKeyReplaced', { reason: 'damaged', sealedFiles: 0 });
      }
      const key = new Uint8Array(randomBytes(keyBytes));
      const stored = await writeKeyFile(path, key, wrapping);
      return { status: 'ok', key, protection: reported[stored], created: true };
    }
  }
}
