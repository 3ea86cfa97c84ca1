import { z } from 'zod';
import { sampleSchoolFileSchema, sampleStudentLimits } from '../sample/sampleSchoolFile';
import { schoolYearSchema } from '../domain/school';
import { maxClassListFileBytes, rawTableSchema } from '../classList/rawTable';
import { summaryExportRequestSchema } from '../domain/evaluation/summaryExport';
import { trackingBookExportRequestSchema } from '../domain/evaluation/trackingBookExport';
import type { IpcChannel } from './channels';
import { base64Schema, downloadableFileSchema } from './fileSchemas';
import { auditChannelContract } from './auditChannels';
import { backupChannelContract } from './backupChannels';
import { recordBundleChannelContract } from './recordBundleChannels';
import { recordChannelContract } from './recordChannels';
import { sessionChannelContract } from './sessionChannels';
import { signingChannelContract } from './signingChannels';
import { syncChannelContract } from './syncChannels';
import { tokenChannelContract } from './tokenChannels';

/**
 * How main's photos and học bạ files are protected at rest: sealed under a key the OS key store
 * holds, or one a passphrase wraps; `filePermissions` when neither was available (the key sits
 * beside the data, readable by the user only); `locked` when the key could not be opened.
 */
export const dataProtectionSchema = z.enum(['osKeyStore', 'passphrase', 'filePermissions', 'locked']);
export type DataProtection = z.output<typeof dataProtectionSchema>;

/** What the app tells about itself (`app:info`). */
export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  platform: z.string(),
  /** Where the main process keeps files (backups, exports, logs). */
  dataDir: z.string(),
  /** `electron` in the desktop app, `bridge` when the renderer runs in a browser over the local bridge. */
  runtime: z.enum(['electron', 'bridge']),
  /** This desktop's id in the audit chain. */
  deviceId: z.string().regex(/^device-[0-9a-f-]{36}$/),
  /** How the data folder's files are protected at rest; the page warns unless `osKeyStore` or `passphrase`. */
  dataProtection: dataProtectionSchema,
});
export type AppInfo = z.output<typeof appInfoSchema>;

export const sampleGenerateRequestSchema = z
  .object({
    seed: z.number().int().min(0).max(0xffffffff),
    students: z.number().int().min(sampleStudentLimits.min).max(sampleStudentLimits.max),
    schoolYear: schoolYearSchema.optional(),
  })
  .strict();

/** A student photo: JPEG, 3:4, compressed in the renderer; stored by main under its SHA-256. */
export const maxPhotoBytes = 512 * 1024;
export const photoIdSchema = z.string().regex(/^[0-9a-f]{64}$/, 'Mã ảnh không hợp lệ');

type ChannelSpec = { readonly request: z.ZodType; readonly response: z.ZodType };

/**
 * The typed IPC contract: for every channel the request the renderer may send and the response
 * main answers with. Main validates every request before a handler runs; the renderer validates
 * every response. The same contract serves Electron IPC and the local HTTP bridge.
 */
export const ipcContract = {
  'app:info': { request: z.object({}).strict(), response: appInfoSchema },
  'sample:generate': { request: sampleGenerateRequestSchema, response: sampleSchoolFileSchema },
  'classList:read': {
    request: z
      .object({ fileName: z.string().min(1).max(255), bytesBase64: base64Schema(maxClassListFileBytes) })
      .strict(),
    response: rawTableSchema,
  },
  'classList:template': { request: z.object({}).strict(), response: downloadableFileSchema },
  'summary:exportXlsx': { request: summaryExportRequestSchema, response: downloadableFileSchema },
  'trackingBook:exportXlsx': { request: trackingBookExportRequestSchema, response: downloadableFileSchema },
  'trackingBook:exportPdf': { request: trackingBookExportRequestSchema, response: downloadableFileSchema },
  'photo:save': {
    request: z.object({ bytesBase64: base64Schema(maxPhotoBytes) }).strict(),
    response: z.object({ photoId: photoIdSchema, bytes: z.number().int().min(1) }),
  },
  'photo:read': {
    request: z.object({ photoId: photoIdSchema }).strict(),
    response: z.object({ bytesBase64: z.string() }),
  },
  ...recordChannelContract,
  ...recordBundleChannelContract,
  ...tokenChannelContract,
  ...signingChannelContract,
  ...auditChannelContract,
  ...backupChannelContract,
  ...sessionChannelContract,
  ...syncChannelContract,
} as const satisfies Record<IpcChannel, ChannelSpec>;

/** What the caller passes (before parsing). */
export type IpcRequest<C extends IpcChannel> = z.input<(typeof ipcContract)[C]['request']>;
/** What a handler receives (after parsing). */
export type IpcParsedRequest<C extends IpcChannel> = z.output<(typeof ipcContract)[C]['request']>;
/** What a handler returns (before the response is checked). */
export type IpcHandlerResponse<C extends IpcChannel> = z.input<(typeof ipcContract)[C]['response']>;
/** What the caller receives. */
export type IpcResponse<C extends IpcChannel> = z.output<(typeof ipcContract)[C]['response']>;
