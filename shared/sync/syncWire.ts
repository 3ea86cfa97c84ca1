import { z } from 'zod';
import { assignmentDocumentSchema } from '../documents/assignments/assignments';
import { auditEventDocumentSchema } from '../documents/auditEvents/auditEvents';
import { characterResultDocumentSchema } from '../documents/characterResults/characterResults';
import { classDocumentSchema } from '../documents/classes/classes';
import type { DocumentsByCollection } from '../documents/documentWriteRules';
import { personDocumentSchema } from '../documents/people/people';
import { schoolDocumentSchema } from '../documents/schools/schools';
import { subjectResultDocumentSchema } from '../documents/subjectResults/subjectResults';
import { yearResultDocumentSchema } from '../documents/yearResults/yearResults';

/**
 * Sync on the wire (architecture.md "Sync"): RxDB's replication protocol over HTTP, one endpoint
 * pair per collection under `/api/v1/schools/:schoolId/sync/:collection/`:
 *
 * - `GET pull?after=<seq>&limit=<n>`: the school's documents of the collection stored after the
 *   checkpoint, in the order the server stored them, and the checkpoint to ask from next. The
 *   checkpoint is the server's own sequence, never a client's clock.
 * - `POST push` `{ rows: [{ assumedMasterState, newDocumentState }] }`: what a desktop changed, each
 *   with the server's state it started from. The answer lists the rows not taken: each with the
 *   server's state (null when it has none) and why, in words for the user and a code for the app.
 *
 * A document travels as the collection's current version with RxDB's `_deleted` beside it.
 */
export const syncedCollections = [
  'schools',
  'classes',
  'people',
  'assignments',
  'subjectResults',
  'characterResults',
  'yearResults',
  'auditEvents',
] as const satisfies readonly (keyof DocumentsByCollection)[];
export type SyncedCollection = (typeof syncedCollections)[number];
export const syncedCollectionSchema = z.enum(syncedCollections);

/** Each collection's current document schema: what a pushed document must be. */
export const syncedDocumentSchemas: {
  readonly [K in SyncedCollection]: z.ZodType<DocumentsByCollection[K]>;
} = {
  schools: schoolDocumentSchema,
  classes: classDocumentSchema,
  people: personDocumentSchema,
  assignments: assignmentDocumentSchema,
  subjectResults: subjectResultDocumentSchema,
  characterResults: characterResultDocumentSchema,
  yearResults: yearResultDocumentSchema,
  auditEvents: auditEventDocumentSchema,
};

/** A document as replication carries it: its fields (checked per collection) and `_deleted`. */
export const wireDocumentSchema = z.looseObject({ id: z.string().min(1).max(200), _deleted: z.boolean() });
export type WireDocument = z.output<typeof wireDocumentSchema>;

/** The most rows one pull answers and one push may carry (a class's whole term is about 1,500). */
export const maxPullLimit = 5000;
export const maxPushRows = 5000;

export const pullQuerySchema = z.object({
  after: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(0),
  limit: z.coerce.number().int().min(1).max(maxPullLimit).default(1000),
});

export const syncCheckpointSchema = z.object({ seq: z.number().int().min(0) }).strict();
export type SyncCheckpoint = z.output<typeof syncCheckpointSchema>;

export const pullAnswerSchema = z.object({
  documents: z.array(wireDocumentSchema),
  /** Where the next pull starts; the same checkpoint when nothing was new. */
  checkpoint: syncCheckpointSchema,
});
export type PullAnswer = z.output<typeof pullAnswerSchema>;

export const pushRowSchema = z.object({
  assumedMasterState: wireDocumentSchema.nullable(),
  newDocumentState: wireDocumentSchema,
});
export type PushRow = z.output<typeof pushRowSchema>;

export const pushRequestSchema = z
  .object({ rows: z.array(pushRowSchema).max(maxPushRows, 'Mỗi lần gửi tối đa 5.000 bản ghi.') })
  .strict();

/**
 * Why a pushed row was not taken. `conflict`: the server's state is not the one the desktop
 * started from (someone else changed it); `refused`: the shared write rules refuse this writer this
 * change; `invalid`: the document is not a valid document of the collection; `otherSchool`: it
 * names another school than the one pushed to.
 */
export const pushRefusalCodes = ['conflict', 'refused', 'invalid', 'otherSchool'] as const;
export type PushRefusalCode = (typeof pushRefusalCodes)[number];

export const pushConflictSchema = z.object({
  id: z.string(),
  /** The server's state of the document, which the desktop takes; null: the server has none. */
  master: wireDocumentSchema.nullable(),
  code: z.enum(pushRefusalCodes),
  /** In Vietnamese, for the conflict log ("… đã được thay bằng giá trị trên máy chủ vì …"). */
  reason: z.string(),
});
export type PushConflict = z.output<typeof pushConflictSchema>;

export const pushAnswerSchema = z.object({ conflicts: z.array(pushConflictSchema) });
export type PushAnswer = z.output<typeof pushAnswerSchema>;

/** GET /schools/:schoolId/audit/heads: where each device's audit chain ends on the server. */
const auditHeadSchema = z.object({
  deviceId: z.string(),
  seq: z.number().int().min(1),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
});
/** Where one device's audit chain ends on the server. */
export type AuditHead = z.output<typeof auditHeadSchema>;
export const auditHeadsAnswerSchema = z.object({ heads: z.array(auditHeadSchema) });
