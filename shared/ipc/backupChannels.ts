import { z } from 'zod';
import { base64Schema } from './fileSchemas';

/**
 * Sao lưu (backups): the page sends its database export in pieces (`backup:stage`, each well
 * under the bridge's request limit), then asks main to seal it with the data folder's files
 * (`backup:create`). Backups are named by file name inside main's backups folder; the page never
 * sends a path.
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
        uploadId: z.string().regex(/^[0-9a-f]{32}$/),
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
        uploadId: z.string().regex(/^[0-9a-f]{32}$/),
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
} as const;
