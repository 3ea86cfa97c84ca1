import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiBasePath, type ApiErrorCode } from '../../shared/auth/authWire';
import { schoolIdOf, userIdOf } from '../../shared/domain/ids';
import { provisionSchool } from '../services/provisioning';
import { createTokenService } from '../services/tokens';
import {
  call,
  defaultPassword,
  encode,
  expectRefusal,
  signIn,
  snapshot,
  startHarness,
  type Harness,
} from '../testing/harness';
import { testEngine } from '../testing/testDatabase';

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const fromB64 = (part: string): Record<string, unknown> =>
  JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;

/** Forged, expired and replayed tokens, oversize and malformed bodies: a 4xx in the shared shape, no state change. */
describe(`hostile requests (${testEngine})`, () => {
  let h: Harness;
  let principalToken = '';
  const classes = `${apiBasePath}/schools/${encode('school:A001')}/classes`;
  const validBody = { schoolYear: '2025-2026', grade: 1, name: '1B' };

  beforeAll(async () => {
    h = await startHarness();
    await provisionSchool(h.ctx, {
      school: { code: 'A001', name: 'Trường A', district: 'Huyện' },
      principal: { login: 'ht.a', fullName: 'Hiệu trưởng', password: defaultPassword },
      staff: [
        { login: 'gv.off', fullName: 'Giáo viên', role: 'teacher', password: defaultPassword },
        { login: 'gv.two', fullName: 'Giáo viên hai', role: 'teacher', password: defaultPassword },
      ],
    });
    principalToken = (await signIn(h.app, 'ht.a')).accessToken;
  });
  afterAll(async () => h.close());

  const attempt = async (token: string | undefined, status: number, code: ApiErrorCode) => {
    const before = await snapshot(h.db);
    const response = await call(h.app, { method: 'POST', url: classes, token, body: validBody });
    expectRefusal(response, status, code);
    expect(await snapshot(h.db)).toBe(before);
  };

  it('refuses tokens signed with another key, altered, alg none or alg-confused', async () => {
    const [header = '', payload = '', signature = ''] = principalToken.split('.');
    const kid = String(fromB64(header).kid);
    const other = createTokenService({
      keys: [{ kid, secret: 'not-the-server-secret-0000000000000000' }],
      clock: h.clock.now,
      accessTtlSeconds: 900,
    });
    const claims = fromB64(payload);
    await attempt(
      other.sign({
        sub: userIdOf('ht.a'),
        sch: schoolIdOf('A001'),
        role: 'principal',
        ver: 1,
        fam: String(claims.fam),
      }).token,
      401,
      'unauthenticated',
    );
    await attempt(
      `${header}.${b64({ ...claims, role: 'provinceAdmin', sch: null })}.${signature}`,
      401,
      'unauthenticated',
    );
    await attempt(`${b64({ alg: 'none', typ: 'JWT', kid })}.${payload}.`, 401, 'unauthenticated');
    const hs512 = b64({ alg: 'HS512', typ: 'JWT', kid });
    const keyed = createHmac('sha256', 'test-secret-that-is-long-enough-0123456789').update(
      `${hs512}.${payload}`,
    );
    await attempt(`${hs512}.${payload}.${keyed.digest('base64url')}`, 401, 'unauthenticated');
    await attempt('garbage', 401, 'unauthenticated');
    await attempt(undefined, 401, 'unauthenticated');
  });

  it('refuses a token for an account that does not exist or was disabled', async () => {
    const ghost = h.ctx.tokens.sign({
      sub: userIdOf('khong.co'),
      sch: schoolIdOf('A001'),
      role: 'principal',
      ver: 1,
      fam: 'x',
    });
    await attempt(ghost.token, 401, 'unauthenticated');
    const teacher = await signIn(h.app, 'gv.off');
    const disable = await call(h.app, {
      method: 'POST',
      url: `${apiBasePath}/schools/${encode('school:A001')}/staff/${encode('user:gv.off')}/disable`,
      token: principalToken,
    });
    expect(disable.statusCode).toBe(200);
    await attempt(teacher.accessToken, 401, 'accountDisabled');
  });

  it('refuses an oversize body (413) and malformed JSON (400)', async () => {
    const before = await snapshot(h.db);
    const huge = await call(h.app, {
      method: 'POST',
      url: classes,
      token: principalToken,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...validBody, padding: 'x'.repeat(1024 * 1024) }),
    });
    expectRefusal(huge, 413, 'payloadTooLarge');
    const signInHuge = await call(h.app, {
      method: 'POST',
      url: `${apiBasePath}/auth/sign-in`,
      headers: { 'content-type': 'application/json' },
      body: `{"login":"ht.a","password":"${'y'.repeat(1024 * 1024 + 10)}"}`,
    });
    expectRefusal(signInHuge, 413, 'payloadTooLarge');
    for (const body of ['{"schoolYear":', 'null', '[1,2', '']) {
      const response = await call(h.app, {
        method: 'POST',
        url: classes,
        token: principalToken,
        headers: { 'content-type': 'application/json' },
        body,
      });
      expectRefusal(response, 400, 'badRequest');
    }
    const text = await call(h.app, {
      method: 'POST',
      url: classes,
      token: principalToken,
      headers: { 'content-type': 'text/plain' },
      body: 'hello',
    });
    expect(text.statusCode).toBeGreaterThanOrEqual(400);
    expect(text.statusCode).toBeLessThan(500);
    expectRefusal(await call(h.app, { method: 'GET', url: '/api/v1/nothing-here' }), 404, 'notFound');
    expect(await snapshot(h.db)).toBe(before);
  });

  it('refuses an expired token (injected clock), with no change', async () => {
    const fresh = (await signIn(h.app, 'ht.a')).accessToken;
    h.clock.advance(15 * 60);
    await attempt(fresh, 401, 'tokenExpired');
  });

  it('a replayed refresh token is refused in the shared shape and ends its family', async () => {
    const pair = await signIn(h.app, 'ht.a');
    const refresh = (refreshToken: string) =>
      call(h.app, { method: 'POST', url: `${apiBasePath}/auth/refresh`, body: { refreshToken } });
    const next = await refresh(pair.refreshToken);
    expect(next.statusCode).toBe(200);
    expectRefusal(await refresh(pair.refreshToken), 401, 'unauthenticated');
    const families = await h.db.query(
      "select revoked_reason from session_families where school_id = 'school:A001' and revoked_reason = 'replay'",
    );
    expect(families.length).toBe(1);
    const before = await snapshot(h.db);
    expectRefusal(await refresh(`school:A001.${'A'.repeat(43)}`), 401, 'unauthenticated');
    expectRefusal(await refresh(`school:B999.${'A'.repeat(43)}`), 401, 'unauthenticated');
    expect(await snapshot(h.db)).toBe(before);
  });

  it('answers a caller without the right 403 before looking at the body', async () => {
    const teacher = await signIn(h.app, 'gv.two');
    const before = await snapshot(h.db);
    for (const [method, url] of [
      ['POST', `${apiBasePath}/schools`],
      ['POST', `${apiBasePath}/schools/${encode('school:A001')}/principal`],
      ['POST', `${apiBasePath}/schools/${encode('school:A001')}/staff`],
      ['POST', classes],
      ['PATCH', `${classes}/${encode('class:A001:2025-2026:1A')}`],
      ['PUT', `${classes}/${encode('class:A001:2025-2026:1A')}/assignments/${encode('user:gv.two')}`],
    ] as const) {
      expectRefusal(
        await call(h.app, { method, url, token: teacher.accessToken, body: { bad: true } }),
        403,
        'forbidden',
      );
    }
    expect(await snapshot(h.db)).toBe(before);
  });
});
