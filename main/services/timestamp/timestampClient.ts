import { createHash, randomBytes } from 'node:crypto';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import {
  buildTimestampRequest,
  nonceLength,
  readTimestampResponse,
  type TimestampFunction,
} from '../../../shared/signing/timestampToken';
import type { Logger } from '../logger';

export type TimestampClientOptions = {
  /** The province's TSA (already validated with `tsaUrlSchema`). */
  readonly url: string;
  /** The whole exchange, connection included; a signer never waits longer per signature. */
  readonly timeoutMs?: number;
  /** A token with the TSA's chain is a few KB; anything much larger is not an answer. */
  readonly maxResponseBytes?: number;
  /**
   * After a failure the TSA is not asked again for this long: a batch of 2,000 records must not
   * wait out a timeout per record when the TSA is down.
   */
  readonly pauseAfterFailureMs?: number;
  readonly logger?: Logger;
};

type Failure = 'network' | 'timeout' | 'http-status' | 'too-large' | 'paused';

const sha256 = (data: Uint8Array) => new Uint8Array(createHash('sha256').update(data).digest());

class ExchangeError extends Error {
  constructor(readonly failure: Failure) {
    super(failure);
  }
}

function post(url: URL, body: Uint8Array, timeoutMs: number, maxBytes: number): Promise<Uint8Array> {
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (error: ExchangeError | undefined, bytes?: Uint8Array) => {
      if (settled) return;
      settled = true;
      // Only called from callbacks and the timer, so `timer` and `request` exist by then.
      clearTimeout(timer);
      if (error) {
        request.destroy();
        reject(error);
      } else resolve(bytes ?? new Uint8Array());
    };
    const request = send(
      url,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/timestamp-query',
          accept: 'application/timestamp-reply',
          'content-length': body.length,
        },
      },
      (response: IncomingMessage) => {
        if (response.statusCode !== 200) {
          response.resume();
          finish(new ExchangeError('http-status'));
          return;
        }
        const declared = Number(response.headers['content-length'] ?? 0);
        if (declared > maxBytes) {
          finish(new ExchangeError('too-large'));
          return;
        }
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxBytes) finish(new ExchangeError('too-large'));
          else chunks.push(chunk);
        });
        response.on('end', () => finish(undefined, new Uint8Array(Buffer.concat(chunks))));
        response.on('error', () => finish(new ExchangeError('network')));
      },
    );
    const timer = setTimeout(() => finish(new ExchangeError('timeout')), timeoutMs);
    request.on('error', () => finish(new ExchangeError('network')));
    request.end(body);
  });
}

/**
 * A timestamp function over HTTP(S) (RFC 3161 §3.4): POSTs a TimeStampReq for SHA-256 of the
 * signature value with a fresh nonce, and returns the token only when the answer is a granted
 * TimeStampResp for exactly that imprint and nonce. Anything else (unreachable, slow, an error
 * status, too large, not an answer to this request) gives undefined, so the signature is made
 * without a timestamp: it never throws into the signer. Logs carry failure codes only.
 */
export function createTimestampClient(options: TimestampClientOptions): TimestampFunction {
  const url = new URL(options.url);
  const timeoutMs = options.timeoutMs ?? 5_000;
  const maxBytes = options.maxResponseBytes ?? 64 * 1024;
  const pauseMs = options.pauseAfterFailureMs ?? 60_000;
  let pausedUntil = 0;
  return async (signatureValue) => {
    const started = performance.now();
    try {
      if (Date.now() < pausedUntil) throw new ExchangeError('paused');
      const request = buildTimestampRequest({
        signatureValue,
        nonce: new Uint8Array(randomBytes(nonceLength)),
        sha256,
      });
      const answer = readTimestampResponse(await post(url, request.der, timeoutMs, maxBytes), request);
      if (!answer.ok) {
        options.logger?.warn('timestamp.refused', { code: answer.code });
        return undefined;
      }
      options.logger?.debug('timestamp.granted', { ms: Math.round(performance.now() - started) });
      return answer.token;
    } catch (error) {
      const failure = error instanceof ExchangeError ? error.failure : 'network';
      if (failure !== 'paused') {
        pausedUntil = Date.now() + pauseMs;
        options.logger?.warn('timestamp.unavailable', {
          failure,
          ms: Math.round(performance.now() - started),
        });
      }
      return undefined;
    }
  };
}
