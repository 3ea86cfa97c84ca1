import Fastify, { LogController, type FastifyServerOptions } from 'fastify';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { z } from 'zod';
import type { ApiError } from '../../shared/auth/authWire';
import { ApiFailure } from '../services/apiFailure';
import { serverStrings } from '../strings';
import { loggedActor } from './http';
import { logPseudonymOf } from '../services/logPseudonym';

export type HttpOptions = {
  readonly logger: FastifyServerOptions['logger'];
  /** Behind a reverse proxy: trust its X-Forwarded-For / -Proto (true, a hop count, or addresses). */
  readonly trustProxy: boolean | string;
  readonly bodyLimitBytes: number;
  readonly tls: { readonly cert: string | Buffer; readonly key: string | Buffer } | null;
};

/**
 * The Fastify instance: JSON logs (pino) that carry method, route, status, time and the acting
 * user id, never headers, bodies or logins; the shared error shape for every refusal.
 */
export function createFastify(options: HttpOptions) {
  return Fastify({
    serverFactory: (handler): Server => {
      const { tls } = options;
      return tls === null
        ? createHttpServer(handler)
        : createHttpsServer({ cert: tls.cert, key: tls.key }, handler);
    },
    logger: options.logger,
    trustProxy: options.trustProxy,
    bodyLimit: options.bodyLimitBytes,
    logController: new LogController({ disableRequestLogging: true }),
    return503OnClosing: true,
  });
}
export type App = ReturnType<typeof createFastify>;

export function sendFailure(failure: ApiFailure): { status: number; body: ApiError } {
  const error: ApiError['error'] = { code: failure.code, message: failure.message };
  if (failure.retryAfterSeconds !== undefined) error.retryAfterSeconds = failure.retryAfterSeconds;
  return { status: failure.status, body: { error } };
}

const fastifyError = z.object({ statusCode: z.number().optional(), code: z.string().optional() });

function failureOf(error: unknown): ApiFailure | null {
  if (error instanceof ApiFailure) return error;
  const known = fastifyError.safeParse(error);
  if (!known.success) return null;
  const { statusCode, code } = known.data;
  if (code === 'FST_ERR_CTP_BODY_TOO_LARGE' || statusCode === 413) {
    return new ApiFailure(413, 'payloadTooLarge', serverStrings.payloadTooLarge);
  }
  if (
    code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
    code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ||
    statusCode === 400
  ) {
    return new ApiFailure(400, 'badRequest', serverStrings.malformedJson);
  }
  // A gzipped push that does not inflate (zlib's Z_DATA_ERROR, Z_BUF_ERROR…).
  if (code?.startsWith('Z_') === true) return new ApiFailure(400, 'badRequest', serverStrings.malformedJson);
  if (statusCode === 415) return new ApiFailure(415, 'badRequest', serverStrings.badRequest);
  if (statusCode === 404) return new ApiFailure(404, 'notFound', serverStrings.notFound);
  return null;
}

function errorCodeOf(error: unknown): string | undefined {
  const code: unknown = typeof error === 'object' && error !== null ? Reflect.get(error, 'code') : undefined;
  return typeof code === 'string' ? code : undefined;
}

function pseudonymOfActor(userId: string | undefined): string | undefined {
  return userId === undefined ? undefined : logPseudonymOf(userId);
}

export function registerErrorHandling(app: App): void {
  app.setErrorHandler(async (error, request, reply) => {
    const failure = failureOf(error);
    if (failure === null) {
      // The error's kind and code only: a database error's message may quote the values it refused.
      request.log.error(
        { errorType: error instanceof Error ? error.name : typeof error, code: errorCodeOf(error) },
        'unexpected error',
      );
      return reply.code(500).send(sendFailure(new ApiFailure(500, 'internal', serverStrings.internal)).body);
    }
    const { status, body } = sendFailure(failure);
    if (failure.retryAfterSeconds !== undefined)
      void reply.header('retry-after', String(failure.retryAfterSeconds));
    return reply.code(status).send(body);
  });
  app.setNotFoundHandler(async (_request, reply) =>
    reply.code(404).send(sendFailure(new ApiFailure(404, 'notFound', serverStrings.notFound)).body),
  );
  app.addHook('onSend', async (_request, reply, payload) => {
    void reply.header('x-content-type-options', 'nosniff');
    void reply.header('referrer-policy', 'no-referrer');
    if (!reply.hasHeader('cache-control')) void reply.header('cache-control', 'no-store');
    return payload;
  });
  // One access line per request: the route pattern (not the URL, which may carry a login), status
  // and the actor's pseudonym (a user id holds the login, which is personal data): province IT
  // finds one person's requests by computing the pseudonym of their user id (logPseudonymOf).
  app.addHook('onResponse', async (request, reply) => {
    request.log.info(
      {
        method: request.method,
        route: request.routeOptions.url ?? 'unknown',
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
        actor: pseudonymOfActor(loggedActor(request)?.userId),
      },
      'request',
    );
  });
}
