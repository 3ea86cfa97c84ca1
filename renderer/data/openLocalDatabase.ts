import { bytesOfBase64 } from '../encoding/base64';
import type { IpcClient } from '../ipc/ipcClient';
import { openHocbaDatabase, type HocbaDatabase } from './database';
import { databaseKeyOf } from './storage/fieldSeal';

/** Main would not hand over a database's key (another account's data, or no one signed in). */
export class LocalDatabaseRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LocalDatabaseRefused';
  }
}

/**
 * Opens a local database with the key main holds for it (`session:databaseKey`): an account's own
 * database while it is signed in, the trial's while no account is. The key stays in this page's
 * memory only; rejects with `LocalDatabaseRefused` (main's words, in Vietnamese) when main refuses.
 */
export async function openLocalDatabase(ipc: IpcClient, name: string): Promise<HocbaDatabase> {
  const answer = await ipc.invoke('session:databaseKey', { databaseName: name });
  if (!answer.ok) throw new LocalDatabaseRefused(answer.error.message);
  const raw = bytesOfBase64(answer.value.key);
  const key = databaseKeyOf(raw);
  raw.fill(0);
  return openHocbaDatabase({ name, key });
}
