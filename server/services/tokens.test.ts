import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { schoolIdOf, userIdOf } from '../../shared/domain/ids';
import { createTokenService, keyFromSecret } from './tokens';

const claims = {
  sub: userIdOf('gv.a'),
  sch: schoolIdOf('A001'),
  role: 'teacher',
  ver: 1,
  fam: 'f-1',
} as const;
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('access tokens', () => {
  let now = Date.parse('2026-09-05T01:00:00Z');
  const clock = () => new Date(now);
  const key = keyFromSecret('a-secret-long-enough-for-hmac-sha256-0001');
  const service = createTokenService({ keys: [key], clock, accessTtlSeconds: 900 });

  it('round-trips and expires after its lifetime (injected clock)', () => {
    const { token, expiresAt } = service.sign(claims);
    expect(expiresAt.toISOString()).toBe('2026-09-05T01:15:00.000Z');
    const verified = service.verify(token);
    expect(verified.ok && verified.claims.sub).toBe('user:gv.a');
    now += 899_000;
    expect(service.verify(token).ok).toBe(true);
    now += 1_000;
    expect(service.verify(token)).toEqual({ ok: false, reason: 'expired' });
    now -= 900_000;
  });

  it('refuses a token signed with another key, an altered payload, alg none and alg confusion', () => {
    const { token } = service.sign(claims);
    const [header = '', payload = '', signature = ''] = token.split('.');
    const other = createTokenService({
      keys: [{ kid: key.kid, secret: 'another-secret-long-enough-0000000000' }],
      clock,
      accessTtlSeconds: 900,
    });
    expect(service.verify(other.sign(claims).token).ok).toBe(false);
    const altered = b64({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), role: 'principal' });
    expect(service.verify(`${header}.${altered}.${signature}`).ok).toBe(false);
    const none = b64({ alg: 'none', typ: 'JWT', kid: key.kid });
    expect(service.verify(`${none}.${payload}.`).ok).toBe(false);
    for (const alg of ['HS512', 'RS256', 'hs256']) {
      const forgedHeader = b64({ alg, typ: 'JWT', kid: key.kid });
      const sig = createHmac('sha256', key.secret).update(`${forgedHeader}.${payload}`).digest('base64url');
      expect(service.verify(`${forgedHeader}.${payload}.${sig}`).ok).toBe(false);
    }
    const unknownKid = b64({ alg: 'HS256', typ: 'JWT', kid: 'other' });
    expect(service.verify(`${unknownKid}.${payload}.${signature}`).ok).toBe(false);
    expect(service.verify('not-a-token').ok).toBe(false);
    expect(service.verify(`${header}.${payload}`).ok).toBe(false);
  });
});
