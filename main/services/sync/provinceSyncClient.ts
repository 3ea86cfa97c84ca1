import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { apiBasePath } from '../../../shared/auth/authWire';
import {
  auditHeadsAnswerSchema,
  pullAnswerSchema,
  pushAnswerSchema,
  type PullAnswer,
  type PushAnswer,
  type PushRow,
  type SyncedCollection,
} from '../../../shared/sync/syncWire';
import {
  chunkAnswerSchema,
  chunkSha256Header,
  completeUploadAnswerSchema,
  startUploadAnswerSchema,
  uploadStateSchema,
  type SignedRecordVersion,
  type StartUploadAnswer,
  type StartUploadRequest,
} from '../../../shared/sync/signedRecordWire';
import type { z } from 'zod';
import { readAnswer, type ServerAnswer } from '../session/provinceServerClient';

const gzipAsync = promisify(gzip);

export type AuditHeadsAnswer = z.output<typeof auditHeadsAnswerSchema>;

/** The province server's sync endpoints (shared/sync/syncWire.ts), as one account calls them. */
export type ProvinceSyncClient = {
  readonly pull: (
    serverUrl: string,
    accessToken: string,
    schoolId: string,
    collection: SyncedCollection,
    query: { readonly after: number; readonly limit: number },
  ) => Promise<ServerAnswer<PullAnswer>>;
  readonly push: (
    serverUrl: string,
    accessToken: string,
    schoolId: string,
    collection: SyncedCollection,
    rows: readonly PushRow[],
  ) => Promise<ServerAnswer<PushAnswer>>;
  readonly auditHeads: (
    serverUrl: string,
    accessToken: string,
    schoolId: string,
  ) => Promise<ServerAnswer<AuditHeadsAnswer>>;
  /** Signed records (shared/sync/signedRecordWire.ts): open or resume an upload. */
  readonly startUpload: (
    serverUrl: string,
    accessToken: string,
    schoolId: string,
    request: StartUploadRequest,
  ) => Promise<ServerAnswer<StartUploadAnswer>>;
  readonly putChunk: (
    serverUrl: string,
    accessToken: string,
    schoolId: string,
    chunk: {
      readonly uploadId: string;
      readonly offset: number;
      readonly sha256: string;
      readonly bytes: Uint8Array;
    },
  ) => Promise<ServerAnswer<{ receivedBytes: number }>>;
  readonly uploadState: (
    serverUrl: string,
    accessToken: string,
    schoolId: string,
    uploadId: string,
  ) => Promise<ServerAnswer<{ receivedBytes: number }>>;
  readonly completeUpload: (
    serverUrl: string,
    accessToken: string,
    schoolId: string,
    uploadId: string,
  ) => Promise<ServerAnswer<{ version: SignedRecordVersion }>>;
};

/** A pull answers at most 5,000 documents of a few KiB each; anything larger is not the server's. */
const maxSyncAnswerBytes = 64 * 1024 * 1024;

/**
 * A weak school link carries a large first pull in tens of seconds; past this the request is
 * abandoned as unanswered and the replication tries again later.
 */
const defaultSyncTimeoutMs = 120_000;

/**
 * HTTP to the sync endpoints: pulls ask for gzip (fetch inflates it), pushes are sent gzipped;
 * every answer is checked against the wire's schema before main passes it on.
 */
export function createProvinceSyncClient(
  options: { readonly timeoutMs?: number; readonly fetch?: typeof fetch } = {},
): ProvinceSyncClient {
  const timeoutMs = options.timeoutMs ?? defaultSyncTimeoutMs;
  const doFetch = options.fetch ?? fetch;
  const school = (schoolId: string) => `${apiBasePath}/schools/${encodeURIComponent(schoolId)}`;

  const call = async <T>(
    url: string,
    init: RequestInit,
    accessToken: string,
    schema: z.ZodType<T>,
  ): Promise<ServerAnswer<T>> => {
    try {
      const response = await doFetch(url, {
        ...init,
        headers: {
          ...(init.headers as Record<string, string> | undefined),
          accept: 'application/json',
          'accept-encoding': 'gzip',
          authorization: `Bearer ${accessToken}`,
        },
        redirect: 'error',
        signal: AbortSignal.timeout(timeoutMs),
      });
      return await readAnswer(response, schema, maxSyncAnswerBytes);
    } catch {
      return { kind: 'unreachable' };
    }
  };

  return {
    pull: (serverUrl, accessToken, schoolId, collection, { after, limit }) =>
      call(
        `${serverUrl}${school(schoolId)}/sync/${collection}/pull?after=${String(after)}&limit=${String(limit)}`,
        { method: 'GET' },
        accessToken,
        pullAnswerSchema,
      ),
    push: async (serverUrl, accessToken, schoolId, collection, rows) =>
      call(
        `${serverUrl}${school(schoolId)}/sync/${collection}/push`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
          body: new Uint8Array(await gzipAsync(Buffer.from(JSON.stringify({ rows }), 'utf8'))),
        },
        accessToken,
        pushAnswerSchema,
      ),
    auditHeads: (serverUrl, accessToken, schoolId) =>
      call(
        `${serverUrl}${school(schoolId)}/audit/heads`,
        { method: 'GET' },
        accessToken,
        auditHeadsAnswerSchema,
      ),
    startUpload: (serverUrl, accessToken, schoolId, request) =>
      call(
        `${serverUrl}${school(schoolId)}/signed-records/uploads`,
        { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(request) },
        accessToken,
        startUploadAnswerSchema,
      ),
    putChunk: (serverUrl, accessToken, schoolId, chunk) =>
      call(
        `${serverUrl}${school(schoolId)}/signed-records/uploads/${chunk.uploadId}?offset=${String(chunk.offset)}`,
        {
          method: 'PUT',
          headers: { 'content-type': 'application/octet-stream', [chunkSha256Header]: chunk.sha256 },
          body: chunk.bytes,
        },
        accessToken,
        chunkAnswerSchema,
      ),
    uploadState: (serverUrl, accessToken, schoolId, uploadId) =>
      call(
        `${serverUrl}${school(schoolId)}/signed-records/uploads/${uploadId}`,
        { method: 'GET' },
        accessToken,
        uploadStateSchema,
      ),
    completeUpload: (serverUrl, accessToken, schoolId, uploadId) =>
      call(
        `${serverUrl}${school(schoolId)}/signed-records/uploads/${uploadId}/complete`,
        { method: 'POST' },
        accessToken,
        completeUploadAnswerSchema,
      ),
  };
}
