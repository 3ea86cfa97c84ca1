import { z } from 'zod';
import { signerRoles } from '../domain/signerRole';
import { recordSignersSchema, studyRecordIdPattern, studyRecordSchema } from '../record/studyRecord';
import { base64Schema } from './fileSchemas';

/**
 * The IPC contract of the học bạ files (records:*): main keeps the PDFs in its data folder, named
 * by record id; the renderer builds the records from its offline data. The token channels are in
 * tokenChannels.ts, batch signing in signingChannels.ts.
 */

export const recordIdSchema = z.string().regex(studyRecordIdPattern, 'Mã học bạ không hợp lệ');
export const signerRoleSchema = z.enum(signerRoles);

/** At most one school's worth of records per request keeps each IPC message bounded. */
export const maxRecordsPerRequest = 60;
export const maxRecordIdsPerRequest = 5000;
/**
 * A signed học bạ is about 160 KB; 5 MB leaves room for photos and many revisions, and its
 * base64 stays under the local bridge's 8 MB request limit.
 */
export const maxRecordPdfBytes = 5 * 1024 * 1024;

/** What main knows of one record's file. */
export const recordFileStateSchema = z.object({
  recordId: z.string(),
  /** `missing`: not produced yet; `unreadable`: a file is there but is not a học bạ we can read. */
  state: z.enum(['missing', 'draft', 'final', 'unreadable']),
  contentHash: z.string().optional(),
  version: z.number().int().optional(),
  signedRoles: z.array(signerRoleSchema),
  bytes: z.number().int().optional(),
  /**
   * Who the record says signs in each box, with what tells their certificate from a namesake's
   * (personal IDs, pinned certificates, the school's codes); absent for files made before it was
   * recorded, which must be produced again before signing.
   */
  signers: recordSignersSchema.optional(),
});
export type RecordFileState = z.output<typeof recordFileStateSchema>;

export const producedRecordSchema = z.object({
  recordId: z.string(),
  /**
   * `written`: the file is new or replaced an unsigned one; `unchanged`: an identical record was
   * already there (signed or not); `signedDiffers`: a signed file holds other data, so it is kept
   * and the change needs an amendment (a new version); `amended`: a new version replaced the
   * signed one, which was archived beside it; `unreadableKept`: the file there could not be
   * read as this record (or is missing while earlier versions are archived), so nothing was
   * written, for someone to look at; `inconsistent`: the record's printed result, awards or
   * completion do not follow from its own values (or its catalogue edition is not known here),
   * so main refused to render it and `message` says why.
   */
  outcome: z.enum(['written', 'unchanged', 'signedDiffers', 'amended', 'unreadableKept', 'inconsistent']),
  file: recordFileStateSchema,
  message: z.string().optional(),
});
export type ProducedRecord = z.output<typeof producedRecordSchema>;

export const recordCheckSchema = z.object({ check: z.string(), ok: z.boolean(), message: z.string() });

/** The verification report as the screen shows it (a JSON-safe cut of verifyRecordPdf's report). */
export const recordVerificationSchema = z.object({
  /** Only a record signed in every box, with every check passed, is valid. */
  valid: z.boolean(),
  /**
   * `complete` valid and fully signed; `partial` the signatures present are valid, boxes remain;
   * `unsigned` a final record not signed yet; `draft` a draft; `invalid` a check failed.
   */
  status: z.enum(['complete', 'partial', 'unsigned', 'draft', 'invalid']),
  verdict: z.string(),
  /** The roles whose boxes are still empty. */
  missingRoles: z.array(signerRoleSchema),
  record: z
    .object({
      recordId: z.string(),
      version: z.number().int(),
      status: z.enum(['draft', 'final']),
      contentHash: z.string(),
      studentName: z.string(),
      schoolName: z.string(),
      schoolYear: z.string(),
      className: z.string(),
    })
    .optional(),
  signers: z.array(
    z.object({
      index: z.number().int(),
      roleLabel: z.string().optional(),
      name: z.string().optional(),
      issuer: z.string().optional(),
      signingTime: z.string().optional(),
      /** Whether a timestamp proves the signing time (else the signer only claims it). */
      timeProven: z.boolean(),
      valid: z.boolean(),
      checks: z.array(recordCheckSchema),
    }),
  ),
  checks: z.array(recordCheckSchema),
  /** Whether a trust list was configured; without one the chain to a root is not judged. */
  trustAnchors: z.number().int().min(0),
});
export type RecordVerification = z.output<typeof recordVerificationSchema>;

export const recordChannelContract = {
  'records:produce': {
    request: z.object({ records: z.array(studyRecordSchema).min(1).max(maxRecordsPerRequest) }).strict(),
    response: z.array(producedRecordSchema),
  },
  'records:amend': {
    request: z
      .object({
        record: studyRecordSchema,
        /** Số biên bản điều chỉnh: the approved amendment that allows changing a signed record. */
        amendmentId: z.string().trim().min(1, 'Hãy nhập số biên bản điều chỉnh đã được duyệt').max(200),
      })
      .strict(),
    response: producedRecordSchema,
  },
  'records:list': {
    request: z.object({ recordIds: z.array(recordIdSchema).max(maxRecordIdsPerRequest) }).strict(),
    response: z.array(recordFileStateSchema),
  },
  'records:read': {
    request: z.object({ recordId: recordIdSchema }).strict(),
    response: z.object({ fileName: z.string(), mimeType: z.string(), bytesBase64: z.string() }),
  },
  'records:verify': {
    request: z.union([
      z.object({ recordId: recordIdSchema }).strict(),
      z
        .object({ fileName: z.string().min(1).max(255), bytesBase64: base64Schema(maxRecordPdfBytes) })
        .strict(),
    ]),
    response: recordVerificationSchema,
  },
} as const;
