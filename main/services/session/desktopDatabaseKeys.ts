import { createHmac } from 'node:crypto';

/**
 * The keys of local databases that are no account's (the sample trial, a restored trial's): one
 * per database name, derived (HMAC-SHA256) from the desktop's data key, which seals main's files.
 * They are as safe as that key (the OS key store, or the data passphrase), not as a password.
 */
export function desktopDatabaseKeys(
  dataKey: () => Promise<Uint8Array>,
): (databaseName: string) => Promise<Uint8Array> {
  return async (databaseName) =>
    new Uint8Array(
      createHmac('sha256', await dataKey())
        .update(`hocba local database key\n${databaseName}`, 'utf8')
        .digest(),
    );
}
