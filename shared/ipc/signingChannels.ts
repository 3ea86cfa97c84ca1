import { z } from 'zod';
import { maxRecordIdsPerRequest, recordIdSchema, signerRoleSchema } from './recordChannels';

/**
 * The IPC contract of the USB token (token:*) and batch signing (signing:*). The renderer sends
 * the PIN once per batch and never sees it again.
 */

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

export const signingChannelContract = {
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
