import type { FastifyServerOptions } from 'fastify';
import type { Database } from './db/database';
import { loadOrCreateKey } from './db/keysRepo';
import { migrate } from './db/migrate';
import { registerAdminPage } from './admin/adminRoutes';
import { createFastify, registerErrorHandling, type App } from './routes/app';
import { registerAuthRoutes } from './routes/authRoutes';
import { registerClassRoutes } from './routes/classRoutes';
import { registerHealthRoutes } from './routes/healthRoutes';
import { registerSchoolRoutes } from './routes/schoolRoutes';
import { registerSyncRoutes } from './routes/syncRoutes';
import { registerSignedRecordRoutes } from './routes/signedRecordRoutes';
import { recordChunkBytes } from '../shared/sync/signedRecordWire';
import { systemClock, type Clock } from './services/clock';
import { defaultAuthPolicy, type AuthPolicy, type ServiceContext } from './services/context';
import { createPasswordHasher, productionArgon2Params, type Argon2Params } from './services/passwords';
import { createRateLimiter } from './services/rateLimiter';
import { createRecordVerifier, noRecordTrust, type RecordTrust } from './services/recordVerification';
import { createTokenService, keyFromSecret, randomKey } from './services/tokens';

export type RateLimit = { readonly limit: number; readonly windowSeconds: number };

/** Everything the server is built from; only `db` is required, the rest has production defaults. */
export type ServerOptions = {
  readonly db: Database;
  readonly clock?: Clock;
  /** argon2id cost; production (OWASP) unless a test passes its own explicitly. */
  readonly argon2?: Argon2Params;
  /** HOCBA_TOKEN_SECRET; absent: a key generated once and kept in the database. */
  readonly tokenSecret?: string | undefined;
  readonly policy?: Partial<AuthPolicy>;
  readonly signInRateLimits?: { readonly perIp: RateLimit; readonly perLogin: RateLimit };
  readonly trustProxy?: boolean | string;
  readonly tls?: { readonly cert: string | Buffer; readonly key: string | Buffer } | null;
  readonly bodyLimitBytes?: number;
  readonly logger?: FastifyServerOptions['logger'];
  /** The roots, intermediates and CRLs signed records are verified against; none by default (every upload refused). */
  readonly recordTrust?: RecordTrust;
  /** The chunk size signed records are asked for in (256 KiB: about a second at 2 Mbit/s). */
  readonly recordChunkBytes?: number;
  /** Apply pending migrations before serving (default true). */
  readonly migrate?: boolean;
};

export const defaultSignInRateLimits = {
  perIp: { limit: 30, windowSeconds: 60 },
  perLogin: { limit: 10, windowSeconds: 60 },
} as const;

export const oneMebibyte = 1024 * 1024;

export const logRedaction = {
  paths: ['req.headers.authorization', 'req.headers.cookie', 'req.body', 'res.headers["set-cookie"]'],
  censor: '[redacted]',
};

/** The services' context: migrations applied (unless told not to), signing key, hasher, limiters. */
export async function createServiceContext(options: ServerOptions): Promise<ServiceContext> {
  const clock = options.clock ?? systemClock;
  if (options.migrate !== false) await migrate(options.db);
  const key =
    options.tokenSecret !== undefined && options.tokenSecret !== ''
      ? keyFromSecret(options.tokenSecret)
      : await loadOrCreateKey(options.db, randomKey(), clock());
  const policy = { ...defaultAuthPolicy, ...options.policy };
  const limits = options.signInRateLimits ?? defaultSignInRateLimits;
  return {
    db: options.db,
    clock,
    policy,
    tokens: createTokenService({ keys: [key], clock, accessTtlSeconds: policy.accessTtlSeconds }),
    passwords: await createPasswordHasher(options.argon2 ?? productionArgon2Params),
    signInLimits: {
      perIp: createRateLimiter({ ...limits.perIp, clock }),
      perLogin: createRateLimiter({ ...limits.perLogin, clock }),
    },
    verifyRecord: createRecordVerifier(options.recordTrust ?? noRecordTrust),
    recordChunkBytes: options.recordChunkBytes ?? recordChunkBytes,
  };
}

export type BuiltServer = {
  readonly app: App;
  readonly ctx: ServiceContext;
  /** Every route registered (method and pattern), for the authorisation matrix to cover them all. */
  readonly routes: readonly { readonly method: string; readonly url: string }[];
};

/** Builds the app (routes, services, keys) without listening: `app.inject()` drives it in tests. */
export async function buildServer(options: ServerOptions): Promise<BuiltServer> {
  const ctx = await createServiceContext(options);
  const app = createFastify({
    logger: options.logger ?? false,
    trustProxy: options.trustProxy ?? false,
    bodyLimitBytes: options.bodyLimitBytes ?? oneMebibyte,
    tls: options.tls ?? null,
  });
  const routes: { method: string; url: string }[] = [];
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat())
      if (method !== 'HEAD') routes.push({ method, url: route.url });
  });
  registerErrorHandling(app);
  registerHealthRoutes(app, ctx);
  registerAuthRoutes(app, ctx);
  registerSchoolRoutes(app, ctx);
  registerClassRoutes(app, ctx);
  registerSyncRoutes(app, ctx);
  registerSignedRecordRoutes(app, ctx);
  registerAdminPage(app, ctx);
  await app.ready();
  return { app, ctx, routes };
}

export type RunningServer = {
  readonly url: string;
  readonly app: App;
  readonly ctx: ServiceContext;
  /** Stops accepting, lets in-flight requests finish, then closes the database if asked to. */
  readonly close: () => Promise<void>;
};

/**
 * Builds and starts the server on a port (0: any free port) with a given database; the desktop's
 * integration tests start the real server in-process with this.
 */
export async function startServer(
  options: ServerOptions & {
    readonly port: number;
    readonly host?: string;
    readonly closeDatabase?: boolean;
  },
): Promise<RunningServer> {
  const { app, ctx } = await buildServer(options);
  const host = options.host ?? '127.0.0.1';
  await app.listen({ port: options.port, host });
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : options.port;
  const scheme = options.tls === undefined || options.tls === null ? 'http' : 'https';
  const shownHost = host.includes(':') ? `[${host}]` : host;
  let closing: Promise<void> | null = null;
  return {
    url: `${scheme}://${shownHost}:${port}`,
    app,
    ctx,
    close: () => {
      closing ??= (async () => {
        await app.close();
        if (options.closeDatabase === true) await options.db.close();
      })();
      return closing;
    },
  };
}
