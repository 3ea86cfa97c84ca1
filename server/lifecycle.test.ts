import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { apiErrorSchema } from '../shared/auth/authWire';
import { buildServer, logRedaction, startServer } from './app';
import type { Database } from './db/database';
import { migrate } from './db/migrate';
import { logPseudonymOf } from './services/logPseudonym';
import { createProvinceAdmin, provisionSchool } from './services/provisioning';
import { openTestDatabase, testArgon2Params, testEngine, type TestDatabase } from './testing/testDatabase';

/** A database whose queries wait at a gate the test opens: a request stays in flight while the server closes. */
function gated(db: Database): {
  db: Database;
  hold: () => void;
  release: () => void;
  /** Resolves when a query reaches the closed gate: the request is then in flight. */
  reached: () => Promise<void>;
} {
  let gate: Promise<void> | null = null;
  let open = (): void => undefined;
  let arrived = (): void => undefined;
  let reachedGate = new Promise<void>((resolve) => (arrived = resolve));
  const pass = async () => {
    if (gate === null) return;
    arrived();
    await gate;
  };
  return {
    db: {
      ...db,
      query: async (sql, params) => {
        await pass();
        return db.query(sql, params);
      },
    },
    hold: () => {
      gate = new Promise((resolve) => (open = resolve));
      reachedGate = new Promise<void>((resolve) => (arrived = resolve));
    },
    release: () => {
      gate = null;
      open();
    },
    reached: () => reachedGate,
  };
}

describe(`server lifecycle (${testEngine})`, () => {
  let database: TestDatabase | null = null;
  afterEach(async () => {
    await database?.drop();
    database = null;
  });

  it('shuts down gracefully: the in-flight request completes, new connections are refused, the db closes', async () => {
    database = await openTestDatabase();
    const gate = gated(database.db);
    let dbClosed = false;
    const server = await startServer({
      db: { ...gate.db, close: async () => void (dbClosed = true) },
      port: 0,
      argon2: testArgon2Params,
      closeDatabase: true,
    });
    gate.hold();
    const inFlight = fetch(`${server.url}/readyz`);
    await gate.reached();
    const closing = server.close();
    // Fastify stops listening once its close hooks have run: wait for that state, turn by turn of
    // the event loop, not for a span of time.
    while (server.app.server.listening) await new Promise((resolve) => setImmediate(resolve));
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
    expect(dbClosed).toBe(false);
    gate.release();
    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ready' });
    await closing;
    expect(dbClosed).toBe(true);
  });

  it('is ready only with every migration applied, and not when the database is down', async () => {
    database = await openTestDatabase();
    const { app } = await buildServer({
      db: database.db,
      argon2: testArgon2Params,
      migrate: false,
      tokenSecret: 'x'.repeat(40),
    });
    const pending = await app.inject({ method: 'GET', url: '/readyz' });
    expect(pending.statusCode).toBe(503);
    expect(apiErrorSchema.parse(pending.json()).error.code).toBe('unavailable');
    expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    await migrate(database.db);
    expect((await app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
    await database.db.close();
    const down = await app.inject({ method: 'GET', url: '/readyz' });
    expect(down.statusCode).toBe(503);
    expect(apiErrorSchema.parse(down.json()).error.code).toBe('unavailable');
    expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    await app.close();
  });

  it('logs JSON lines without passwords, tokens, names or request bodies', async () => {
    database = await openTestDatabase();
    const lines: string[] = [];
    const stream = new Writable({
      write: (chunk: Buffer, _encoding, done) => {
        lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
        done();
      },
    });
    const { app, ctx } = await buildServer({
      db: database.db,
      argon2: testArgon2Params,
      logger: { level: 'info', redact: logRedaction, stream },
    });
    const password = 'mat-khau-bi-mat-9';
    await provisionSchool(ctx, {
      school: { code: 'L001', name: 'Trường Nhật Ký', district: 'Huyện' },
      principal: { login: 'hieu.truong', fullName: 'Phạm Thị Riêng Tư', password },
    });
    const signIn = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { login: 'hieu.truong', password },
    });
    const { accessToken, refreshToken } = signIn.json<{ accessToken: string; refreshToken: string }>();
    await app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { authorization: `Bearer ${accessToken}` },
    });
    await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { login: 'hieu.truong', password: 'sai-roi-nhe' },
    });
    await app.close();
    const text = lines.join('\n');
    for (const secret of [
      password,
      'sai-roi-nhe',
      accessToken,
      refreshToken,
      'Phạm Thị Riêng Tư',
      'Bearer',
    ]) {
      expect(text).not.toContain(secret);
    }
    const parsed = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    const signInLines = parsed.filter((line) => line.route === '/api/v1/auth/sign-in');
    expect(signInLines.map((line) => line.status)).toEqual([200, 401]);
    // No line carries a login; signed-in requests carry the actor's pseudonym only.
    expect(text).not.toContain('hieu.truong');
    expect(parsed.find((line) => line.route === '/api/v1/me')).toMatchObject({
      status: 200,
      actor: logPseudonymOf('user:hieu.truong'),
    });
  });

  it('keeps the signing key it generated in the database: tokens survive a restart', async () => {
    database = await openTestDatabase();
    const first = await buildServer({ db: database.db, argon2: testArgon2Params });
    await createProvinceAdmin(first.ctx, { login: 'so.key', fullName: 'Sở', password: 'mat-khau-khoa-2026' });
    const signedIn = await first.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { login: 'so.key', password: 'mat-khau-khoa-2026' },
    });
    const { accessToken } = signedIn.json<{ accessToken: string }>();
    await first.app.close();
    const me = {
      method: 'GET',
      url: '/api/v1/me',
      headers: { authorization: `Bearer ${accessToken}` },
    } as const;
    const restarted = await buildServer({ db: database.db, argon2: testArgon2Params });
    expect((await restarted.app.inject(me)).statusCode).toBe(200);
    await restarted.app.close();
    const otherKey = await buildServer({
      db: database.db,
      argon2: testArgon2Params,
      tokenSecret: 'z'.repeat(40),
    });
    expect((await otherKey.app.inject(me)).statusCode).toBe(401);
    await otherKey.app.close();
  });
});
