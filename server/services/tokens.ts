import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { accountRoles } from '../../shared/auth/accountRoles';
import { schoolIdSchema, userIdSchema } from '../../shared/domain/ids';
import type { Clock } from './clock';

/**
 * Access tokens: a compact HMAC-SHA256 token (`header.payload.signature`, base64url, JWT layout)
 * naming its key (`kid`). Only `HS256` with a known kid verifies: `none`, other algorithms and
 * other keys are refused before any signature is compared.
 */
export type SigningKey = { readonly kid: string; readonly secret: string };

export const accessClaimsSchema = z.object({
  sub: userIdSchema,
  sch: schoolIdSchema.nullable(),
  role: z.enum(accountRoles),
  /** The account's token_version when issued: a password change or disabling moves it on. */
  ver: z.number().int(),
  fam: z.string().min(1),
  iat: z.number().int(),
  exp: z.number().int(),
});
export type AccessClaims = z.output<typeof accessClaimsSchema>;

const headerSchema = z.object({ alg: z.literal('HS256'), typ: z.literal('JWT'), kid: z.string() }).strict();

export type VerifyResult = { ok: true; claims: AccessClaims } | { ok: false; reason: 'invalid' | 'expired' };

export type TokenService = {
  readonly sign: (claims: Omit<AccessClaims, 'iat' | 'exp'>) => { token: string; expiresAt: Date };
  readonly verify: (token: string) => VerifyResult;
};

const encode = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

function decodeJson(part: string): unknown {
  try {
    return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
}

export function createTokenService(options: {
  readonly keys: readonly SigningKey[];
  readonly clock: Clock;
  readonly accessTtlSeconds: number;
}): TokenService {
  const [current] = options.keys;
  if (current === undefined) throw new Error('no signing key');
  const mac = (key: SigningKey, input: string): Buffer =>
    createHmac('sha256', key.secret).update(input).digest();
  return {
    sign: (claims) => {
      const iat = Math.floor(options.clock().getTime() / 1000);
      const exp = iat + options.accessTtlSeconds;
      const input = `${encode({ alg: 'HS256', typ: 'JWT', kid: current.kid })}.${encode({ ...claims, iat, exp })}`;
      return {
        token: `${input}.${mac(current, input).toString('base64url')}`,
        expiresAt: new Date(exp * 1000),
      };
    },
    verify: (token) => {
      const parts = token.split('.');
      if (parts.length !== 3) return { ok: false, reason: 'invalid' };
      const [headerPart = '', payloadPart = '', signaturePart = ''] = parts;
      const header = headerSchema.safeParse(decodeJson(headerPart));
      if (!header.success) return { ok: false, reason: 'invalid' };
      const key = options.keys.find((candidate) => candidate.kid === header.data.kid);
      if (key === undefined) return { ok: false, reason: 'invalid' };
      const expected = mac(key, `${headerPart}.${payloadPart}`);
      const given = Buffer.from(signaturePart, 'base64url');
      if (given.length !== expected.length || !timingSafeEqual(given, expected))
        return { ok: false, reason: 'invalid' };
      const claims = accessClaimsSchema.safeParse(decodeJson(payloadPart));
      if (!claims.success) return { ok: false, reason: 'invalid' };
      if (claims.data.exp * 1000 <= options.clock().getTime()) return { ok: false, reason: 'expired' };
      return { ok: true, claims: claims.data };
    },
  };
}

/** A key from HOCBA_TOKEN_SECRET (its kid derived from it, so restarts agree), or a fresh random one. */
export function keyFromSecret(secret: string): SigningKey {
  return { kid: `env-${createHash('sha256').update(secret).digest('hex').slice(0, 12)}`, secret };
}

export function randomKey(): SigningKey {
  return { kid: `db-${randomBytes(6).toString('hex')}`, secret: randomBytes(32).toString('base64url') };
}

export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}
