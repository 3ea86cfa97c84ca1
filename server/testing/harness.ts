import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { apiErrorSchema, tokenPairSchema, type ApiErrorCode } from '../../shared/auth/authWire';
import { buildServer, type ServerOptions } from '../app';
import type { Database } from '../db/database';
import type { App } from '../routes/app';
import type { ServiceContext } from '../services/context';
import { createProvinceAdmin } from '../services/provisioning';
import { openTestDatabase, testArgon2Params, type TestDatabase } from './testDatabase';

/** One booted app per test file, on its own throw-away database, with a clock the test moves. */
export type TestClock = { readonly now: () => Date; readonly advance: (seconds: number) => void };

export function testClock(start = '2026-09-05T01:00:00.000Z'): TestClock {
  let at = Date.parse(start);
  return {
    now: () => new Date(at),
    advance: (seconds) => {
      at += seconds * 1000;
    },
  };
}

export type Harness = {
  readonly app: App;
  readonly ctx: ServiceContext;
  readonly db: Database;
  readonly database: TestDatabase;
  readonly clock: TestClock;
  readonly routes: readonly { readonly method: string; readonly url: string }[];
  readonly close: () => Promise<void>;
};

export const adminLogin = 'so.admin';
export const defaultPassword = 'mat-khau-du-dai-1';

export async function startHarness(options: Partial<ServerOptions> = {}): Promise<Harness> {
  const database = await openTestDatabase();
  const clock = testClock();
  const { app, ctx, routes } = await buildServer({
    db: database.db,
    clock: clock.now,
    argon2: testArgon2Params,
    tokenSecret: 'test-secret-that-is-long-enough-0123456789',
    // Many sign-ins at one frozen instant: tests of the limits pass their own.
    signInRateLimits: {
      perIp: { limit: 100_000, windowSeconds: 60 },
      perLogin: { limit: 100_000, windowSeconds: 60 },
    },
    ...options,
  });
  await createProvinceAdmin(ctx, { login: adminLogin, fullName: 'Quản trị Sở', password: defaultPassword });
  return {
    app,
    ctx,
    db: database.db,
    database,
    clock,
    routes,
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}

export type Call = {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  readonly url: string;
  readonly token?: string | undefined;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
  readonly remoteAddress?: string;
};

export function call(app: App, request: Call): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = { ...request.headers };
  if (request.token !== undefined) headers.authorization = `Bearer ${request.token}`;
  return app.inject({
    method: request.method,
    url: request.url,
    headers,
    remoteAddress: request.remoteAddress ?? '127.0.0.1',
    ...(request.body === undefined ? {} : { payload: request.body as object }),
  });
}

export async function signIn(app: App, login: string, password = defaultPassword) {
  const response = await call(app, {
    method: 'POST',
    url: '/api/v1/auth/sign-in',
    body: { login, password },
  });
  expect(response.statusCode, response.body).toBe(200);
  return tokenPairSchema.parse(response.json());
}

/** Asserts a refusal in the shared error shape. */
export function expectRefusal(response: LightMyRequestResponse, status: number, code?: ApiErrorCode): void {
  expect(response.statusCode, response.body).toBe(status);
  const parsed = apiErrorSchema.parse(response.json());
  if (code !== undefined) expect(parsed.error.code).toBe(code);
}

const tables = [
  'schools',
  'logins',
  'accounts',
  'session_families',
  'refresh_tokens',
  'reset_codes',
  'classes',
  'assignments',
  'students',
  'admin_web_sessions',
  'sync_heads',
  'synced_documents',
  'audit_events',
  'record_uploads',
  'record_upload_chunks',
  'signed_record_versions',
] as const;

/** Every row of every table, to compare before and after a refused request (no state change). */
export async function snapshot(db: Database): Promise<string> {
  const parts: string[] = [];
  for (const table of tables) {
    const rows = await db.query(`select * from ${table} order by 1, 2`);
    parts.push(`${table}:${JSON.stringify(rows)}`);
  }
  return parts.join('\n');
}

export const encode = (value: string): string => encodeURIComponent(value);
