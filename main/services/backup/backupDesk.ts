import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { BackupListEntry } from '../../../shared/ipc/backupChannels';
import { maxStagedChunks } from '../../../shared/ipc/backupChannels';
import {
  backupsFolderName,
  createBackup,
  openBackup,
  protectDataFolder,
  type BackupSummary,
} from './backupService';
import { BackupRefused, readBackupHeader } from './backupReader';
import { backupStrings } from './backupStrings';

/** At most this much staged at once: one school's database export with room to spare. */
const maxStagedBytes = 512 * 1024 * 1024;

type Upload = { readonly count: number; readonly chunks: (Buffer | undefined)[]; bytes: number };

export type BackupDesk = {
  readonly stage: (uploadId: string, index: number, count: number, bytes: Buffer) => { received: number };
  readonly create: (
    uploadId: string,
    passphrase: string,
    school: { code: string; name: string },
  ) => Promise<BackupSummary>;
  readonly list: () => Promise<BackupListEntry[]>;
  readonly verify: (fileName: string, passphrase: string) => Promise<BackupSummary>;
};

/**
 * What "Sao lưu" asks of main: receive the page's database export in pieces, seal it with the
 * data folder's files, list the backups kept in `<data>/backups`, and check one of them through
 * without restoring it.
 */
export function createBackupDesk(options: { dataDir: string; appVersion: string }): BackupDesk {
  const uploads = new Map<string, Upload>();
  const stagedBytes = () => [...uploads.values()].reduce((sum, upload) => sum + upload.bytes, 0);
  const folder = join(options.dataDir, backupsFolderName);
  return {
    stage: (uploadId, index, count, bytes) => {
      const upload = uploads.get(uploadId) ?? {
        count,
        chunks: new Array<Buffer | undefined>(count),
        bytes: 0,
      };
      if (upload.count !== count || index >= count || count > maxStagedChunks)
        throw new BackupRefused(backupStrings.damaged);
      if (stagedBytes() + bytes.length > maxStagedBytes) {
        uploads.delete(uploadId);
        throw new BackupRefused(backupStrings.tooLarge);
      }
      upload.bytes += bytes.length - (upload.chunks[index]?.length ?? 0);
      upload.chunks[index] = bytes;
      uploads.set(uploadId, upload);
      return { received: upload.chunks.filter(Boolean).length };
    },
    create: async (uploadId, passphrase, school) => {
      const upload = uploads.get(uploadId);
      uploads.delete(uploadId);
      if (!upload || upload.chunks.some((chunk) => chunk === undefined))
        throw new BackupRefused(backupStrings.damaged);
      const database = Buffer.concat(upload.chunks.filter((chunk): chunk is Buffer => chunk !== undefined));
      await protectDataFolder(options.dataDir);
      return await createBackup({
        dataDir: options.dataDir,
        passphrase,
        database,
        appVersion: options.appVersion,
        school,
      });
    },
    list: async () => {
      const names = (await readdir(folder).catch(() => [])).filter((name) => name.endsWith('.hocbak'));
      const entries: BackupListEntry[] = [];
      for (const fileName of names) {
        const path = join(folder, fileName);
        const header = await readBackupHeader(path).catch(() => undefined);
        if (!header) continue;
        entries.push({
          fileName,
          bytes: (await stat(path)).size,
          createdAt: header.createdAt,
          school: header.school,
        });
      }
      return entries.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    },
    verify: async (fileName, passphrase) => {
      const { database: _database, ...summary } = await openBackup(join(folder, fileName), passphrase);
      return summary;
    },
  };
}
