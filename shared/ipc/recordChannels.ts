import { z } from 'zod';
import { studyRecordIdPattern, studyRecordSchema } from '../record/studyRecord';
import { base64Schema } from './fileSchemas';

/**
 * The IPC contract of the học bạ files (records:*), the USB token (token:*) and batch signing
 * (signing:*). Main keeps the PDFs in its data folder, named by record id; the renderer builds the
 * records from its offline data and never sees a PIN again after sending it once.
 */

export const recordIdSchema = z.string().regex(studyRecordIdPattern, 'Mã học bạ không hợp lệ');
export const signerRoleSchema = z.enum(['homeroomTeacher', 'principal', 'schoolSeal']);
export type SignerRoleCode = z.output<typeof signerRoleSchema>;

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
  /** Who the record says signs in each role (the names printed under the boxes). */
  signerNames: z
    .object({ homeroomTeacher: z.string(), principal: z.string(), schoolSeal: z.string() })
    .optional(),
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
   * written, for someone to look at.
   */
  outcome: z.enum(['written', 'unchanged', 'signedDiffers', 'amended', 'unreadableKept']),
  file: recordFileStateSchema,
  message: z.string().optional(),
});
export type ProducedRecord = z.output<typeof producedRecordSchema>;

export const recordCheckSchema = z.object({ check: z.string(), ok: z.boolean(), message: z.string() });

/** The verification report as the screen shows it (a JSON-safe cut of verifyRecordPdf's report). */
export const recordVerificationSchema = z.object({
  valid: z.boolean(),
  verdict: z.string(),
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
      valid: z.boolean(),
      checks: z.array(recordCheckSchema),
    }),
  ),
  checks: z.array(recordCheckSchema),
  /** Whether a trust list was configured; without one the chain to a root is not judged. */
  trustAnchors: z.number().int().min(0),
});
export type RecordVerification = z.output<typeof recordVerificationSchema>;

export const tokenLibrarySchema = z.object({
  provider: z.string(),
  path: z.string(),
  source: z.enum(['known', 'user']),
});

export const tokenCertificateSchema = z.object({
  keyIdHex: z.string(),
  subjectCommonName: z.string().optional(),
  issuerCommonName: z.string().optional(),
  serialNumberHex: z.string(),
  notBefore: z.string(),
  notAfter: z.string(),
  /** Now: `valid`, `expired` or `not-yet-valid`. */
  validity: z.enum(['valid', 'expired', 'not-yet-valid']),
  canSign: z.boolean(),
  keyAlgorithm: z.string(),
});
export type TokenCertificateView = z.output<typeof tokenCertificateSchema>;

export const tokenViewSchema = z.object({
  libraryPath: z.string(),
  slotId: z.string(),
  label: z.string(),
  serialNumber: z.string(),
  manufacturer: z.string(),
  model: z.string(),
  /** The Vietnamese warning to show before asking for the PIN (few tries left, last try, locked). */
  pinWarning: z.string().optional(),
  pinLocked: z.boolean(),
  /** The PIN counters the token reports: after `final-try` one more wrong PIN locks it. */
  pinStatus: z.enum(['ok', 'count-low', 'final-try', 'locked']),
  certificates: z.array(tokenCertificateSchema),
});
export type TokenView = z.output<typeof tokenViewSchema>;

export const tokenListResponseSchema = z.object({
  libraries: z.array(tokenLibrarySchema),
  tokens: z.array(tokenViewSchema),
  /** Libraries that failed to load, with the reason in Vietnamese. */
  problems: z.array(z.object({ libraryPath: z.string(), message: z.string() })),
});
export type TokenList = z.output<typeof tokenListResponseSchema>;

const pinTextSchema = z.string().min(4, 'Mã PIN có ít nhất 4 ký tự').max(64);

export const signingStartRequestSchema = z
  .object({
    recordIds: z.array(recordIdSchema).min(1).max(maxRecordIdsPerRequest),
    role: signerRoleSchema,
    token: z
      .object({
        libraryPath: z.string().min(1).max(1024),
        slotId: z.string().regex(/^(?:[0-9a-f]{2}){1,32}$/),
        /** The token that was listed: a token swapped in meanwhile is refused. */
        serialNumber: z.string().min(1).max(64),
      })
      .strict(),
    keyIdHex: z.string().regex(/^(?:[0-9a-f]{2})+$/),
    pin: pinTextSchema,
    /** The signed-in account's name (or the school's, for the seal): the certificate must be theirs. */
    expectedSignerName: z.string().min(1).max(200),
    /** The user saw the "last try" warning and chose to go on. */
    acknowledgeFinalTry: z.boolean().default(false),
  })
  .strict();

export const signingJobStateSchema = z.object({
  jobId: z.string(),
  role: signerRoleSchema,
  state: z.enum(['running', 'completed', 'cancelled', 'stopped', 'failed']),
  done: z.number().int(),
  total: z.number().int(),
  signed: z.number().int(),
  skipped: z.number().int(),
  refused: z.array(z.object({ recordId: z.string(), message: z.string() })),
  /** The Vietnamese sentence to show when the job did not complete. */
  message: z.string().optional(),
  /** Whether running the same batch again can finish it (token pulled out, cancel). */
  resumable: z.boolean(),
  signerName: z.string().optional(),
});
export type SigningJobState = z.output<typeof signingJobStateSchema>;

const jobIdSchema = z.string().regex(/^job-[0-9a-f]{16}$/);

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
  'token:list': {
    request: z.object({ userLibraryPath: z.string().min(1).max(1024).optional() }).strict(),
    response: tokenListResponseSchema,
  },
  'signing:start': { request: signingStartRequestSchema, response: signingJobStateSchema },
  'signing:status': { request: z.object({ jobId: jobIdSchema }).strict(), response: signingJobStateSchema },
  'signing:cancel': { request: z.object({ jobId: jobIdSchema }).strict(), response: signingJobStateSchema },
  /** The batch running now, if any: a screen opened again picks it up. */
  'signing:current': { request: z.object({}).strict(), response: signingJobStateSchema.nullable() },
} as const;
