import { z } from 'zod';
import { base64Schema } from './fileSchemas';

/**
 * Sao lưu (backups): the page sends its database export in pieces (`backup:stage`, each well
 * under the bridge's request limit), then asks main to seal it with the data folder's files
 * (`backup:create`). Backups are named by file name inside main's backups folder; the page never
 * sends a path.
 *
 * Khôi phục (restore): the page sends the backup file the user chose the same way
 * (`backup:stage`), has main check it (`backup:inspect`), then restore it (`backup:restore`:
 * files into main's data folder, history into main's record) and reads the database back in
 * pieces (`backup:restoredPart`) to put into its own storage.
 */
export const maxStagedChunkBytes = 4 * 1024 * 1024;
export const maxStagedChunks = 256;
export const backupFileNameSchema = z.string().regex(/^hocba-[A-Za-z0-9-]{1,60}\.hocbak$/);
/** Long enough to resist guessing offline for years with scrypt's cost; a sentence is best. */
export const backupPassphraseSchema = z.string().min(10).max(200);

export const backupSummarySchema = z.object({
  fileName: z.string(),
  bytes: z.number().int().min(0),
  createdAt: z.string(),
  school: z.object({ code: z.string(), name: z.string() }),
  documents: z.record(z.string(), z.number().int().min(0)),
  auditEvents: z.number().int().min(0),
  files: z.number().int().min(0),
});
export type BackupSummaryView = z.output<typeof backupSummarySchema>;

const uploadIdSchema = z.string().regex(/^[0-9a-f]{32}$/);

/** A backup checked through, and the local database it recreates. */
export const inspectedBackupSchema = z.object({
  summary: backupSummarySchema,
  databaseName: z.string().regex(/^hocba-[a-z0-9-]{1,60}$/),
});

export const backupListEntrySchema = z.object({
  fileName: z.string(),
  bytes: z.number().int().min(0),
  createdAt: z.string(),
  school: z.object({ code: z.string(), name: z.string() }),
});
export type BackupListEntry = z.output<typeof backupListEntrySchema>;

export const backupChannelContract = {
  'backup:stage': {
    request: z
      .object({
        uploadId: uploadIdSchema,
        index: z
          .number()
          .int()
          .min(0)
          .max(maxStagedChunks - 1),
        count: z.number().int().min(1).max(maxStagedChunks),
        bytesBase64: base64Schema(maxStagedChunkBytes),
      })
      .strict(),
    response: z.object({ received: z.number().int().min(0) }),
  },
  'backup:create': {
    request: z
      .object({
        uploadId: uploadIdSchema,
        passphrase: backupPassphraseSchema,
        school: z.object({ code: z.string().max(40), name: z.string().max(200) }).strict(),
      })
      .strict(),
    response: backupSummarySchema,
  },
  'backup:list': { request: z.object({}).strict(), response: z.array(backupListEntrySchema) },
  'backup:verify': {
    request: z.object({ fileName: backupFileNameSchema, passphrase: backupPassphraseSchema }).strict(),
    response: backupSummarySchema,
  },
  'backup:inspect': {
    request: z.object({ uploadId: uploadIdSchema, passphrase: backupPassphraseSchema }).strict(),
    response: inspectedBackupSchema,
  },
  'backup:restore': {
    request: z.object({ uploadId: uploadIdSchema, passphrase: backupPassphraseSchema }).strict(),
    response: inspectedBackupSchema.extend({
      restoreId: z.string().regex(/^[0-9a-f]{32}$/),
      parts: z.number().int().min(1).max(maxStagedChunks),
    }),
  },
  'backup:restoredPart': {
    request: z
      .object({
        restoreId: z.string().regex(/^[0-9a-f]{32}$/),
        index: z
          .number()
          .int()
          .min(0)
          .max(maxStagedChunks - 1),
      })
      .strict(),
    response: z.object({ bytesBase64: base64Schema(maxStagedChunkBytes) }),
  },
} as const;
