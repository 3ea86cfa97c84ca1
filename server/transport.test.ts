import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { get } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer, startServer } from './app';
import { openTestDatabase, testArgon2Params, testEngine, type TestDatabase } from './testing/testDatabase';

/** HTTPS with the province's own certificate, and the client address behind a trusted reverse proxy. */
describe(`TLS and reverse proxy (${testEngine})`, () => {
  let database: TestDatabase;
  let dir: string;
  beforeAll(async () => {
    database = await openTestDatabase();
    dir = await mkdtemp(join(tmpdir(), 'hocba-tls-'));
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1',
      '-addext', 'subjectAltName=IP:127.0.0.1',
      '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
    ], { stdio: 'ignore' }); // prettier-ignore
  });
  afterAll(async () => {
    await database.drop();
    await rm(dir, { recursive: true, force: true });
  });

  it('serves HTTPS with HOCBA_TLS_CERT / HOCBA_TLS_KEY', async () => {
    const cert = await readFile(join(dir, 'cert.pem'));
    const key = await readFile(join(dir, 'key.pem'));
    const server = await startServer({
      db: database.db,
      port: 0,
      argon2: testArgon2Params,
      tls: { cert, key },
    });
    expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const body = await new Promise<string>((resolve, reject) => {
      get(`${server.url}/healthz`, { ca: cert }, (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString()));
        response.on('end', () => resolve(text));
      }).on('error', reject);
    });
    expect(JSON.parse(body)).toEqual({ status: 'ok' });
    await server.close();
  });

  it('counts sign-in attempts per client address from X-Forwarded-For only when the proxy is trusted', async () => {
    const limits = { perIp: { limit: 2, windowSeconds: 60 }, perLogin: { limit: 100, windowSeconds: 60 } };
    const attempt = (app: Awaited<ReturnType<typeof buildServer>>['app'], client: string) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        remoteAddress: '10.0.0.1',
        headers: { 'x-forwarded-for': client },
        payload: { login: `ai.do${client.replaceAll('.', '')}`, password: 'sai-mat-khau' },
      });
    const behindProxy = await buildServer({
      db: database.db,
      argon2: testArgon2Params,
      trustProxy: '10.0.0.1',
      signInRateLimits: limits,
    });
    const statuses = [];
    for (const client of ['203.0.113.1', '203.0.113.2', '203.0.113.3', '203.0.113.4']) {
      statuses.push((await attempt(behindProxy.app, client)).statusCode);
    }
    expect(statuses).toEqual([401, 401, 401, 401]);
    await behindProxy.app.close();
    const direct = await buildServer({ db: database.db, argon2: testArgon2Params, signInRateLimits: limits });
    const direct1 = await attempt(direct.app, '203.0.113.5');
    const direct2 = await attempt(direct.app, '203.0.113.6');
    const direct3 = await attempt(direct.app, '203.0.113.7');
    expect([direct1.statusCode, direct2.statusCode, direct3.statusCode]).toEqual([401, 401, 429]);
    await direct.app.close();
  });
});
