import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BackupListEntry } from '../../../shared/ipc/backupChannels';
import { maxStagedChunks } from '../../../shared/ipc/backupChannels';
import type { AuditHeadService } from '../audit/auditHeadService';
import type { SealedFiles } from '../files/sealedFiles';
import {
  backupFileNameOf,
  backupsFolderName,
  createBackup,
  openBackup,
  protectDataFolder,
  restoreBackup,
  type BackupSummary,
  type OpenedBackup,
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
  /** Checks a backup file the page sent (from a USB stick) through, without restoring it. */
  readonly inspect: (uploadId: string, passphrase: string) => Promise<InspectedBackup>;
  /**
   * Restores a backup the page sent: its files into the data folder, its history into main's
   * record; the database waits in `restoredPart` pieces for the page to put into IndexedDB.
   */
  readonly restore: (uploadId: string, passphrase: string) => Promise<RestoredBackup>;
  readonly restoredPart: (restoreId: string, index: number) => Buffer;
};

export type InspectedBackup = { readonly summary: BackupSummary; readonly databaseName: string };
export type RestoredBackup = InspectedBackup & { readonly restoreId: string; readonly parts: number };

/** The restored database goes back to the page in pieces of this size (under the bridge's limit once in base64). */
export const restoredPartBytes = 4 * 1024 * 1024;

const summaryOf = ({ database: _database, databaseName: _name, chains: _chains, ...summary }: OpenedBackup) =>
  summary;

/**
 * What "Sao lưu" asks of main: receive the page's database export in pieces, seal it with the
 * data folder's files, list the backups kept in `<data>/backups`, and check one of them through
 * without restoring it.
 */
export function createBackupDesk(options: {
  dataDir: string;
  appVersion: string;
  /** This desktop's sealed files (photos, record files): unsealed into a backup, sealed on restore. */
  files: SealedFiles;
  auditHeads: Pick<AuditHeadService, 'adoptRestored'>;
}): BackupDesk {
  const uploads = new Map<string, Upload>();
  /** Backup files the page sent, written once into the backups folder under a hidden name. */
  const received = new Map<string, string>();
  /** One restored database at a time, until the page has read every piece. */
  let restored: { readonly id: string; readonly database: Buffer } | undefined;
  const stagedBytes = () => [...uploads.values()].reduce((sum, upload) => sum + upload.bytes, 0);
  const folder = join(options.dataDir, backupsFolderName);
  const takeUpload = (uploadId: string): Buffer => {
    const upload = uploads.get(uploadId);
    uploads.delete(uploadId);
    if (!upload || upload.chunks.some((chunk) => chunk === undefined))
      throw new BackupRefused(backupStrings.damaged);
    return Buffer.concat(upload.chunks.filter((chunk): chunk is Buffer => chunk !== undefined));
  };
  /** The sent backup as a file main can read segment by segment (written once per upload). */
  const receivedFile = async (uploadId: string): Promise<string> => {
    const known = received.get(uploadId);
    if (known) return known;
    // Only the file being restored is kept: one sent earlier and never restored goes.
    for (const [id, path] of received) {
      received.delete(id);
      await rm(path, { force: true });
    }
    const bytes = takeUpload(uploadId);
    await mkdir(folder, { recursive: true, mode: 0o700 });
    await protectDataFolder(options.dataDir);
    const path = join(folder, `.received-${uploadId}.hocbak`);
    await writeFile(path, bytes, { mode: 0o600 });
    received.set(uploadId, path);
    return path;
  };
  return {
    stage: (uploadId, index, count, bytes) => {
      const upload = uploads.get(uploadId) ?? {
        count,
        chunks: Array.from<Buffer | undefined>({ length: count }),
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
      const database = takeUpload(uploadId);
      await protectDataFolder(options.dataDir);
      return await createBackup({
        dataDir: options.dataDir,
        files: options.files,
        passphrase,
        database,
        appVersion: options.appVersion,
        school,
      });
    },
    list: async () => {
      const names = (await readdir(folder).catch(() => [])).filter(
        (name) => name.endsWith('.hocbak') && !name.startsWith('.'),
      );
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
    verify: async (fileName, passphrase) => summaryOf(await openBackup(join(folder, fileName), passphrase)),
    inspect: async (uploadId, passphrase) => {
      const opened = await openBackup(await receivedFile(uploadId), passphrase);
      return { summary: summaryOf(opened), databaseName: opened.databaseName };
    },
    restore: async (uploadId, passphrase) => {
      const path = await receivedFile(uploadId);
      const opened = await restoreBackup(path, passphrase, options.dataDir, options.files);
      await options.auditHeads.adoptRestored(opened.databaseName, opened.chains);
      // Kept among this desktop's backups under its usual name (unless one of that name is here).
      const createdAt = new Date(opened.createdAt);
      const keptName = backupFileNameOf(
        opened.school,
        Number.isNaN(createdAt.getTime()) ? new Date() : createdAt,
      );
      const kept = await stat(join(folder, keptName)).then(
        () => true,
        () => false,
      );
      if (kept) await rm(path, { force: true });
      else await rename(path, join(folder, keptName));
      received.delete(uploadId);
      restored = { id: randomBytes(16).toString('hex'), database: opened.database };
      return {
        summary: { ...summaryOf(opened), fileName: keptName },
        databaseName: opened.databaseName,
        restoreId: restored.id,
        parts: Math.max(1, Math.ceil(opened.database.length / restoredPartBytes)),
      };
    },
    restoredPart: (restoreId, index) => {
      if (restored?.id !== restoreId) throw new BackupRefused(backupStrings.restoreExpired);
      const parts = Math.max(1, Math.ceil(restored.database.length / restoredPartBytes));
      if (index >= parts) throw new BackupRefused(backupStrings.restoreExpired);
      const part = restored.database.subarray(index * restoredPartBytes, (index + 1) * restoredPartBytes);
      if (index === parts - 1) restored = undefined;
      return part;
    },
  };
}
