import { databaseExportSchema } from '../../../shared/backup/databaseExport';
import { bytesOfBase64 } from '../../encoding/base64';
import type { StaffRole } from '../../../shared/domain/staff';
import type { UserId } from '../../../shared/domain/ids';
import type { IpcClient } from '../../ipc/ipcClient';
import type { HocbaDatabase } from '../database';
import { LocalDatabaseRefused, openLocalDatabase } from '../openLocalDatabase';
import { importDatabase } from './importDatabase';

/** The principal of the restored school: who the desktop opens as after a restore. */
export type RestoredPrincipal = {
  readonly userId: UserId;
  readonly fullName: string;
  readonly role: StaffRole;
};

export type RestoreProgress =
  | { readonly stage: 'restoringFiles' }
  | { readonly stage: 'reading'; readonly part: number; readonly parts: number }
  | { readonly stage: 'saving' };

export type RestoreOutcome =
  | {
      readonly ok: true;
      readonly database: HocbaDatabase;
      readonly databaseName: string;
      readonly principal: RestoredPrincipal;
      readonly documents: number;
    }
  | { readonly ok: false; readonly message: string };

export type RestoreMessages = {
  readonly notEmpty: string;
  readonly damaged: string;
  readonly noPrincipal: string;
  readonly failed: string;
};

async function isEmpty(database: HocbaDatabase): Promise<boolean> {
  for (const collection of Object.values(database.collections))
    if ((await collection.count().exec()) > 0) return false;
  return true;
}

/**
 * Khôi phục, after main has checked the sent backup (`backup:inspect`): makes sure this desktop
 * has no data under the backup's database name, has main restore its files and history, reads the
 * database back and puts it into a fresh local database (migrated if the backup is older). A
 * database left half-filled by a failure is removed, so the restore can simply run again.
 */
export async function restoreFromBackup(
  ipc: IpcClient,
  request: { readonly uploadId: string; readonly passphrase: string; readonly databaseName: string },
  text: RestoreMessages,
  onProgress: (progress: RestoreProgress) => void,
): Promise<RestoreOutcome> {
  let database: HocbaDatabase;
  try {
    database = await openLocalDatabase(ipc, request.databaseName);
  } catch (error) {
    // An account's backup opens in that account's own database, once it is signed in.
    if (error instanceof LocalDatabaseRefused) return { ok: false, message: error.message };
    throw error;
  }
  /** What happens to the local database at the end: kept open (restored), closed (someone's data), removed (half-filled). */
  let ending: 'keepOpen' | 'close' | 'remove' = 'remove';
  try {
    if (!(await isEmpty(database))) {
      ending = 'close';
      return { ok: false, message: text.notEmpty };
    }
    onProgress({ stage: 'restoringFiles' });
    const restored = await ipc.invoke('backup:restore', {
      uploadId: request.uploadId,
      passphrase: request.passphrase,
    });
    if (!restored.ok) return { ok: false, message: restored.error.message };
    const { restoreId, parts, databaseName } = restored.value;
    if (databaseName !== request.databaseName) return { ok: false, message: text.damaged };
    const pieces: Uint8Array<ArrayBuffer>[] = [];
    for (let index = 0; index < parts; index += 1) {
      onProgress({ stage: 'reading', part: index + 1, parts });
      const part = await ipc.invoke('backup:restoredPart', { restoreId, index });
      if (!part.ok) return { ok: false, message: part.error.message };
      pieces.push(bytesOfBase64(part.value.bytesBase64));
    }
    const json: unknown = JSON.parse(await new Blob(pieces).text());
    const exported = databaseExportSchema.safeParse(json);
    if (!exported.success) return { ok: false, message: text.damaged };
    onProgress({ stage: 'saving' });
    const documents = await importDatabase(database, exported.data);
    const school = await database.schools.findOne().exec();
    const principal = school?.staff.find((member) => member.role === 'principal' && member.active);
    if (!principal) return { ok: false, message: text.noPrincipal };
    ending = 'keepOpen';
    return {
      ok: true,
      database,
      databaseName: request.databaseName,
      principal: { userId: principal.userId, fullName: principal.fullName, role: principal.role },
      documents,
    };
  } catch {
    return { ok: false, message: text.failed };
  } finally {
    if (ending === 'remove') await database.remove().catch(() => undefined);
    else if (ending === 'close') await database.close();
  }
}
