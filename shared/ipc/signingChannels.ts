import { z } from 'zod';
import { maxRecordIdsPerRequest, recordIdSchema, signerRoleSchema } from './recordChannels';
import { tokenLibraryIdSchema } from './tokenChannels';

/**
 * The IPC contract of batch signing (signing:*). The renderer sends the PIN once per batch and
 * never sees it again; it names the token by the library id and slot token:list gave it
 * (tokenChannels.ts).
 */

const pinTextSchema = z.string().min(4, 'Mã PIN có ít nhất 4 ký tự').max(64);

/**
 * Starts a batch. Who may sign is not the page's to say: main reads the certificate on the token
 * and judges it against each record's signers for the role (names folded, CCCD/CMND, pinned
 * certificate; the school's name and codes for the seal).
 */
export const signingStartRequestSchema = z
  .object({
    recordIds: z.array(recordIdSchema).min(1).max(maxRecordIdsPerRequest),
    role: signerRoleSchema,
    token: z
      .object({
        /** An id from token:list; a path is refused by this strict object. */
        libraryId: tokenLibraryIdSchema,
        slotId: z.string().regex(/^(?:[0-9a-f]{2}){1,32}$/),
        /** The token that was listed: a token swapped in meanwhile is refused. */
        serialNumber: z.string().min(1).max(64),
      })
      .strict(),
    keyIdHex: z.string().regex(/^(?:[0-9a-f]{2})+$/),
    pin: pinTextSchema,
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
  'signing:start': { request: signingStartRequestSchema, response: signingJobStateSchema },
  'signing:status': { request: z.object({ jobId: jobIdSchema }).strict(), response: signingJobStateSchema },
  'signing:cancel': { request: z.object({ jobId: jobIdSchema }).strict(), response: signingJobStateSchema },
  /** The batch running now, if any: a screen opened again picks it up. */
  'signing:current': { request: z.object({}).strict(), response: signingJobStateSchema.nullable() },
} as const;
