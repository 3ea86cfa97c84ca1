import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountWireSchema, tokenPairSchema } from '../../shared/auth/authWire';
import { createdAccountSchema, resetCodeIssuedSchema } from '../../shared/auth/schoolAdminWire';
import {
  encode,
  call,
  defaultPassword,
  expectRefusal,
  signIn,
  startHarness,
  type Harness,
} from '../testing/harness';
import { provisionSchool } from '../services/provisioning';
import { testEngine } from '../testing/testDatabase';

const newPassword = 'mot-mat-khau-moi-2026';

describe(`sign-in, sessions and passwords (${testEngine})`, () => {
  let h: Harness;
  const school = 'school:A001';
  beforeAll(async () => {
    h = await startHarness();
    await provisionSchool(h.ctx, {
      school: { code: 'A001', name: 'Trường Tiểu học Hòa Bình', district: 'Huyện Hòa Vang' },
      principal: { login: 'ht.a', fullName: 'Nguyễn Văn Hiệu', password: defaultPassword },
      staff: ['gv.lock', 'gv.rot', 'gv.out', 'gv.pwd', 'gv.reset', 'gv.exp', 'gv.dis', 'gv.must'].map(
        (login) => ({
          login,
          fullName: `Giáo viên ${login}`,
          role: 'teacher' as const,
          password: defaultPassword,
        }),
      ),
    });
  });
  afterAll(async () => h.close());

  const me = (token: string) => call(h.app, { method: 'GET', url: '/api/v1/me', token });
  const refresh = (refreshToken: string) =>
    call(h.app, { method: 'POST', url: '/api/v1/auth/refresh', body: { refreshToken } });
  const wrong = (login: string) =>
    call(h.app, {
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      body: { login, password: 'sai-mat-khau-123' },
    });

  it('signs in with the right password: a token pair and GET /me exactly per the contract', async () => {
    const response = await call(h.app, {
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      body: {
        login: 'ht.a',
        password: defaultPassword,
        device: { deviceId: 'abcdef12-3456', deviceName: 'Máy văn phòng' },
      },
    });
    expect(response.statusCode).toBe(200);
    const pair = tokenPairSchema.strict().parse(response.json());
    expect(pair.account).toMatchObject({ userId: 'user:ht.a', role: 'principal', schoolId: school });
    expect(pair.account.schoolName).toBe('Trường Tiểu học Hòa Bình');
    expect(Date.parse(pair.accessExpiresAt) - h.clock.now().getTime()).toBe(15 * 60 * 1000);
    const mine = await me(pair.accessToken);
    expect(mine.statusCode).toBe(200);
    expect(accountWireSchema.strict().parse(mine.json())).toEqual(pair.account);
    const admin = await signIn(h.app, 'so.admin');
    expect(admin.account).toMatchObject({
      role: 'provinceAdmin',
      schoolId: null,
      schoolName: null,
      assignments: [],
    });
  });

  it('refuses a wrong password and an unknown login alike', async () => {
    expectRefusal(await wrong('ht.a'), 401, 'wrongCredentials');
    const unknown = await wrong('khong.ton.tai');
    expectRefusal(unknown, 401, 'wrongCredentials');
    expect(unknown.json()).toEqual((await wrong('ht.a')).json());
    await signIn(h.app, 'ht.a');
  });

  it('locks after 5 wrong passwords for 15 minutes, even for the right one, then lets in again', async () => {
    for (let attempt = 1; attempt <= 4; attempt += 1)
      expectRefusal(await wrong('gv.lock'), 401, 'wrongCredentials');
    const fifth = await wrong('gv.lock');
    expectRefusal(fifth, 423, 'accountLocked');
    expect(fifth.json()).toMatchObject({ error: { retryAfterSeconds: 900 } });
    expect(fifth.headers['retry-after']).toBe('900');
    h.clock.advance(600);
    const locked = await call(h.app, {
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      body: { login: 'gv.lock', password: defaultPassword },
    });
    expectRefusal(locked, 423, 'accountLocked');
    expect(locked.json()).toMatchObject({ error: { retryAfterSeconds: 300 } });
    h.clock.advance(300);
    await signIn(h.app, 'gv.lock');
  });

  it('rotates refresh tokens; replaying a rotated one revokes the whole family', async () => {
    const first = await signIn(h.app, 'gv.rot');
    const second = tokenPairSchema.parse((await refresh(first.refreshToken)).json());
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect((await me(second.accessToken)).statusCode).toBe(200);
    expectRefusal(await refresh(first.refreshToken), 401, 'unauthenticated');
    // The family is gone: the newest refresh token and its access token stop working too.
    expectRefusal(await refresh(second.refreshToken), 401, 'unauthenticated');
    expectRefusal(await me(second.accessToken), 401, 'unauthenticated');
    // Another device's session of the same account lives on.
    const other = await signIn(h.app, 'gv.rot');
    expect((await refresh(other.refreshToken)).statusCode).toBe(200);
  });

  it('a refresh token expires (injected clock)', async () => {
    const pair = await signIn(h.app, 'gv.exp');
    h.clock.advance(30 * 24 * 3600);
    expectRefusal(await refresh(pair.refreshToken), 401, 'tokenExpired');
    expectRefusal(await me(pair.accessToken), 401, 'tokenExpired');
  });

  it('signs out: the refresh and access tokens stop working', async () => {
    const pair = await signIn(h.app, 'gv.out');
    const out = await call(h.app, {
      method: 'POST',
      url: '/api/v1/auth/sign-out',
      body: { refreshToken: pair.refreshToken },
    });
    expect(out.statusCode).toBe(204);
    expectRefusal(await refresh(pair.refreshToken), 401);
    expectRefusal(await me(pair.accessToken), 401, 'unauthenticated');
  });

  it('changes the password: every earlier session ends, the old password stops working', async () => {
    const a = await signIn(h.app, 'gv.pwd');
    const b = await signIn(h.app, 'gv.pwd');
    const bad = await call(h.app, {
      method: 'POST',
      url: '/api/v1/auth/password',
      token: a.accessToken,
      body: { currentPassword: 'khong-dung-123', newPassword },
    });
    expectRefusal(bad, 401, 'wrongCredentials');
    const tooShort = await call(h.app, {
      method: 'POST',
      url: '/api/v1/auth/password',
      token: a.accessToken,
      body: { currentPassword: defaultPassword, newPassword: 'ngan' },
    });
    expectRefusal(tooShort, 400, 'badRequest');
    expect(tooShort.json()).toMatchObject({ error: { message: 'Mật khẩu cần ít nhất 10 ký tự' } });
    const changed = await call(h.app, {
      method: 'POST',
      url: '/api/v1/auth/password',
      token: a.accessToken,
      body: { currentPassword: defaultPassword, newPassword },
    });
    expect(changed.statusCode).toBe(200);
    const fresh = tokenPairSchema.parse(changed.json());
    for (const old of [a, b]) {
      expectRefusal(await refresh(old.refreshToken), 401);
      expectRefusal(await me(old.accessToken), 401);
    }
    expect((await me(fresh.accessToken)).statusCode).toBe(200);
    expectRefusal(await wrong('gv.pwd'), 401, 'wrongCredentials');
    await signIn(h.app, 'gv.pwd', newPassword);
  });

  it('a new account sets its password with the printed code; the code works once', async () => {
    const principal = await signIn(h.app, 'ht.a');
    const createdResponse = await call(h.app, {
      method: 'POST',
      url: `/api/v1/schools/${encode(school)}/staff`,
      token: principal.accessToken,
      body: { login: 'gv.new', fullName: '  Trần   Thị Mới ', role: 'teacher' },
    });
    expect(createdResponse.statusCode, createdResponse.body).toBe(201);
    const created = createdAccountSchema.parse(createdResponse.json());
    expect(created.account).toMatchObject({ fullName: 'Trần Thị Mới', mustChangePassword: true });
    expect(created.reset.resetCode).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{12}$/);
    const printed = `${created.reset.resetCode.slice(0, 4)}-${created.reset.resetCode.slice(4, 8)} ${created.reset.resetCode.slice(8).toLowerCase()}`;
    const reset = (resetCode: string) =>
      call(h.app, {
        method: 'POST',
        url: '/api/v1/auth/reset',
        body: { login: 'gv.new', resetCode, newPassword },
      });
    expectRefusal(await reset('AAAABBBBCCCC'), 401, 'wrongCredentials');
    expect((await reset(printed)).statusCode).toBe(204);
    expectRefusal(await reset(printed), 401, 'wrongCredentials');
    const pair = await signIn(h.app, 'gv.new', newPassword);
    expect(pair.account.mustChangePassword).toBe(false);
  });

  it("the principal's reset: mustChangePassword until changed, the code expires after 72 hours", async () => {
    const issue = async (login: string) => {
      const principal = await signIn(h.app, 'ht.a');
      const response = await call(h.app, {
        method: 'POST',
        url: `/api/v1/schools/${encode(school)}/staff/${encode(`user:${login}`)}/reset-code`,
        token: principal.accessToken,
      });
      expect(response.statusCode, response.body).toBe(200);
      return resetCodeIssuedSchema.parse(response.json());
    };
    const code = await issue('gv.reset');
    h.clock.advance(72 * 3600 + 1);
    const late = await call(h.app, {
      method: 'POST',
      url: '/api/v1/auth/reset',
      body: { login: 'gv.reset', resetCode: code.resetCode, newPassword },
    });
    expectRefusal(late, 401, 'wrongCredentials');
    // Until a new password is chosen, the old one signs in but only to change it.
    await issue('gv.must');
    const must = await signIn(h.app, 'gv.must');
    expect(must.account.mustChangePassword).toBe(true);
    expect((await me(must.accessToken)).statusCode).toBe(200);
    const blocked = await call(h.app, {
      method: 'GET',
      url: `/api/v1/schools/${encode(school)}/classes`,
      token: must.accessToken,
    });
    expectRefusal(blocked, 403, 'forbidden');
    const changed = await call(h.app, {
      method: 'POST',
      url: '/api/v1/auth/password',
      token: must.accessToken,
      body: { currentPassword: defaultPassword, newPassword },
    });
    expect(tokenPairSchema.parse(changed.json()).account.mustChangePassword).toBe(false);
  });

  it('a disabled account cannot sign in and its tokens stop working', async () => {
    const teacher = await signIn(h.app, 'gv.dis');
    const principal = await signIn(h.app, 'ht.a');
    const disabled = await call(h.app, {
      method: 'POST',
      url: `/api/v1/schools/${encode(school)}/staff/${encode('user:gv.dis')}/disable`,
      token: principal.accessToken,
    });
    expect(disabled.statusCode).toBe(200);
    expectRefusal(await me(teacher.accessToken), 401, 'accountDisabled');
    expectRefusal(await refresh(teacher.refreshToken), 401);
    const again = await call(h.app, {
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      body: { login: 'gv.dis', password: defaultPassword },
    });
    expectRefusal(again, 403, 'accountDisabled');
    expectRefusal(await wrong('gv.dis'), 401, 'wrongCredentials');
  });
});

describe(`sign-in rate limits (${testEngine})`, () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({
      signInRateLimits: { perIp: { limit: 6, windowSeconds: 60 }, perLogin: { limit: 3, windowSeconds: 60 } },
    });
  });
  afterAll(async () => h.close());
  const attempt = (login: string, remoteAddress: string) =>
    call(h.app, {
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      body: { login, password: 'sai-mat-khau' },
      remoteAddress,
    });

  it('answers 429 with retryAfterSeconds per login and per address', async () => {
    for (const ip of ['10.0.0.1', '10.0.0.2', '10.0.0.3'])
      expectRefusal(await attempt('target.login', ip), 401);
    const perLogin = await attempt('target.login', '10.0.0.4');
    expectRefusal(perLogin, 429, 'tooManyRequests');
    expect(perLogin.json()).toMatchObject({ error: { retryAfterSeconds: 60 } });
    for (let i = 0; i < 6; i += 1)
      expectRefusal(await attempt(`spray.${i}`, '10.9.9.9'), 401, 'wrongCredentials');
    expectRefusal(await attempt('spray.other', '10.9.9.9'), 429, 'tooManyRequests');
    h.clock.advance(60);
    expectRefusal(await attempt('target.login', '10.0.0.5'), 401, 'wrongCredentials');
  });
});
