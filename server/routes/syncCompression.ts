import { promisify } from 'node:util';
import { createGunzip, gzip, type Gunzip } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { failures } from '../services/apiFailure';
import { serverStrings } from '../strings';

const gzipAsync = promisify(gzip);

/** Answers smaller than this go as they are: gzip would save nothing worth a round of work. */
const compressFromBytes = 1024;

/**
 * Sync over weak school links: a pull answer is gzipped when the client accepts it (a school's
 * initial pull is mostly repeated field names and Vietnamese text, a fraction of its size
 * compressed). Off the event loop (zlib's thread pool), so other schools' requests go on.
 */
export async function gzipWhenAccepted(
  request: FastifyRequest,
  reply: FastifyReply,
  payload: unknown,
): Promise<unknown> {
  const accepts = /\bgzip\b/i.test(request.headers['accept-encoding'] ?? '');
  if (!accepts || typeof payload !== 'string' || payload.length < compressFromBytes) return payload;
  reply.header('content-encoding', 'gzip');
  reply.header('vary', 'accept-encoding');
  return gzipAsync(Buffer.from(payload, 'utf8'));
}

type RawPayload = NodeJS.ReadableStream & { receivedEncodedLength?: number };

/**
 * A push may come gzipped (`content-encoding: gzip`). The route's body limit applies to what it
 * inflates to, so a small file built to inflate without end is cut off at the limit (413).
 * Any other encoding is refused.
 */
export async function gunzipWhenEncoded(
  request: FastifyRequest,
  _reply: FastifyReply,
  payload: RawPayload,
): Promise<RawPayload> {
  const encoding = (request.headers['content-encoding'] ?? 'identity').toLowerCase();
  if (encoding === 'identity') return payload;
  if (encoding !== 'gzip') throw failures.unsupportedEncoding(serverStrings.unsupportedEncoding);
  const inflated: Gunzip & { receivedEncodedLength?: number } = createGunzip();
  // Fastify compares the bytes that came in (not the inflated ones) with content-length.
  let received = 0;
  payload.on('data', (chunk: Buffer) => {
    received += chunk.length;
    inflated.receivedEncodedLength = received;
  });
  payload.pipe(inflated);
  return inflated;
}
