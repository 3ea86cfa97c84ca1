import { z } from 'zod';
import {
  auditHeadsAnswerSchema,
  maxPullLimit,
  pullAnswerSchema,
  pushAnswerSchema,
  pushRowSchema,
  syncedCollectionSchema,
} from '../sync/syncWire';

/**
 * The IPC contract of sync (sync:*). The renderer's replication asks main, and main asks the
 * province server as the signed-in account: the account's tokens never reach the page. The rows
 * and documents are the wire's (shared/sync/syncWire.ts), checked again by the server.
 */

/** One push over IPC carries at most this many rows (the replication sends smaller batches). */
export const maxPushRowsPerCall = 1000;

export const syncPullRequestSchema = z
  .object({
    collection: syncedCollectionSchema,
    after: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
    limit: z.number().int().min(1).max(maxPullLimit),
  })
  .strict();
export type SyncPullRequest = z.output<typeof syncPullRequestSchema>;

export const syncPushRequestSchema = z
  .object({
    collection: syncedCollectionSchema,
    rows: z.array(pushRowSchema).min(1).max(maxPushRowsPerCall),
  })
  .strict();
export type SyncPushRequest = z.output<typeof syncPushRequestSchema>;

/** A signed record the province server would not keep, and why (its words). */
export const refusedRecordSchema = z.object({ recordId: z.string(), reason: z.string() }).strict();

/**
 * What "nộp học bạ đã ký" did: the signed files on this desktop the server keeps (`kept`, those
 * sent this time among them), those it refused (kept here, not sent again until the file changes),
 * those still waiting (the server could not be reached: `problem` says so), and the bytes sent.
 */
export const recordHandInSummarySchema = z
  .object({
    signedFiles: z.number().int().min(0),
    kept: z.number().int().min(0),
    sentNow: z.number().int().min(0),
    bytesSent: z.number().int().min(0),
    waiting: z.number().int().min(0),
    refused: z.array(refusedRecordSchema),
    problem: z.string().optional(),
  })
  .strict();
export type RecordHandInSummary = z.output<typeof recordHandInSummarySchema>;

export const syncChannelContract = {
  'sync:pull': { request: syncPullRequestSchema, response: pullAnswerSchema },
  'sync:push': { request: syncPushRequestSchema, response: pushAnswerSchema },
  'sync:auditHeads': { request: z.object({}).strict(), response: auditHeadsAnswerSchema },
  /** Hands the signed học bạ on this desktop in to the province server (chunked, resumable). */
  'sync:handInRecords': {
    /** `retryRefused`: "Đồng bộ ngay" sends again the files the server refused. */
    request: z.object({ retryRefused: z.boolean().optional() }).strict(),
    response: recordHandInSummarySchema,
  },
} as const;
