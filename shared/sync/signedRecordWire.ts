import { z } from 'zod';
import { studyRecordIdPattern } from '../record/studyRecord';

/**
 * Signed học bạ going up to the province server (issue 12, point 5), under
 * `/api/v1/schools/:schoolId/signed-records/`:
 *
 * - `POST uploads` `{ recordId, sha256, bytes }`: opens an upload, or finds the one this account
 *   already opened for the same file (so a desktop that lost the connection, or restarted, goes on
 *   from `receivedBytes`). When the server already keeps this very file, it says so and nothing is
 *   sent again.
 * - `PUT uploads/:uploadId?offset=<n>` (application/octet-stream, header `x-chunk-sha256`): the next
 *   chunk. The server takes it only at `offset == receivedBytes` and only when its SHA-256 matches;
 *   otherwise it answers 409, and `GET uploads/:uploadId` says where it stands.
 * - `POST uploads/:uploadId/complete`: the server checks the whole file's SHA-256, verifies it with
 *   the shared verifier (signatures, chains to the province's roots, the record inside), checks
 *   the record is this school's and the uploader may hand it in, and keeps it as a new version;
 *   a refusal says why, in Vietnamese.
 * - `GET :recordId/versions` and `GET :recordId/versions/:version`: every version kept, and one
 *   version's file.
 */
export const sha256HexSchema = z.string().regex(/^[0-9a-f]{64}$/, 'SHA-256 gồm 64 chữ số hex thường');

/** A signed record is a few hundred KiB; anything past this is not one. */
export const maxSignedRecordBytes = 16 * 1024 * 1024;
/** The most one chunk may carry; the desktop sends 256 KiB (about one second at 2 Mbit/s). */
export const maxRecordChunkBytes = 1024 * 1024;
export const recordChunkBytes = 256 * 1024;
/** The header carrying a chunk's SHA-256. */
export const chunkSha256Header = 'x-chunk-sha256';

export const recordIdSchema = z.string().regex(studyRecordIdPattern, 'Mã học bạ không hợp lệ');

export const startUploadRequestSchema = z
  .object({
    recordId: recordIdSchema,
    sha256: sha256HexSchema,
    bytes: z.number().int().min(1).max(maxSignedRecordBytes),
  })
  .strict();
export type StartUploadRequest = z.output<typeof startUploadRequestSchema>;

/** One version of a signed record as the server keeps it. */
export const signedRecordVersionSchema = z
  .object({
    recordId: recordIdSchema,
    /** 1, 2, …: the order the server took the files in (a partly signed file, then the complete one, then an amendment). */
    version: z.number().int().min(1),
    sha256: sha256HexSchema,
    bytes: z.number().int().min(1),
    /** What the verifier found: every box signed, or some still empty. */
    verdict: z.enum(['complete', 'partial']),
    /** The record's own version (an amendment is version 2 of the record). */
    recordVersion: z.number().int().min(1),
    signers: z.array(z.string()),
    uploadedBy: z.string(),
    uploadedAt: z.string(),
  })
  .strict();
export type SignedRecordVersion = z.output<typeof signedRecordVersionSchema>;

export const startUploadAnswerSchema = z.discriminatedUnion('state', [
  z
    .object({
      state: z.literal('open'),
      uploadId: z.string().regex(/^[0-9a-f]{32}$/),
      receivedBytes: z.number().int().min(0),
      chunkBytes: z.number().int().min(1).max(maxRecordChunkBytes),
    })
    .strict(),
  z.object({ state: z.literal('stored'), version: signedRecordVersionSchema }).strict(),
]);
export type StartUploadAnswer = z.output<typeof startUploadAnswerSchema>;

export const chunkAnswerSchema = z.object({ receivedBytes: z.number().int().min(0) }).strict();

/** `GET uploads/:uploadId`: where an open upload stands (after a 409 on a chunk, or a cut). */
export const uploadStateSchema = chunkAnswerSchema;

export const completeUploadAnswerSchema = z.object({ version: signedRecordVersionSchema }).strict();

export const versionListSchema = z.object({ versions: z.array(signedRecordVersionSchema) }).strict();

export const uploadIdSchema = z.string().regex(/^[0-9a-f]{32}$/, 'Mã lượt tải lên không hợp lệ');
