import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Actor } from '../services/actor';
import { failures } from '../services/apiFailure';
import type { ServiceContext } from '../services/context';
import { authenticate } from '../services/sessions';
import { serverStrings } from '../strings';

/** Route helpers: every body and parameter crosses a zod schema; every refusal is an ApiFailure. */
export function parse<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const first = result.error.issues[0];
    // The schemas' own messages are Vietnamese sentences; zod's defaults are not.
    const message =
      first !== undefined && /[À-ỹ]/.test(first.message) ? first.message : serverStrings.badRequest;
    throw failures.badRequest(message);
  }
  return result.data;
}

const actors = new WeakMap<FastifyRequest, Actor>();

/** The request's user id for the access log (ids only, never logins typed in or bodies). */
export function loggedActor(request: FastifyRequest): Actor | undefined {
  return actors.get(request);
}

/**
 * The signed-in actor of a bearer token. An account that must change its password may only read
 * itself and change it (`allowMustChange`).
 */
export async function signedIn(
  ctx: ServiceContext,
  request: FastifyRequest,
  options: { allowMustChange?: boolean } = {},
): Promise<Actor> {
  const header = request.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer ([A-Za-z0-9_.-]{10,2048})$/.exec(header) : null;
  if (match?.[1] === undefined) throw failures.unauthenticated();
  const actor = await authenticate(ctx, match[1]);
  actors.set(request, actor);
  if (actor.mustChangePassword && options.allowMustChange !== true) {
    throw failures.forbidden(serverStrings.mustChangePassword);
  }
  return actor;
}

/** The client's address as Fastify sees it (the proxy's X-Forwarded-For only under trustProxy). */
export function clientIp(request: FastifyRequest): string {
  return request.ip;
}

export function noContent(reply: FastifyReply): FastifyReply {
  return reply.code(204).send();
}
