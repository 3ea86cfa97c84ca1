import { randomUUID } from 'node:crypto';
import type { TokenPair } from '../../shared/auth/authWire';
import { schoolIdSchema } from '../../shared/domain/ids';
import { getAccount, scopeOf, type AccountRecord } from '../db/accountsRepo';
import type { Queryable } from '../db/database';
import { provinceScope } from '../db/rows';
import {
  findRefreshToken,
  insertFamily,
  insertRefreshToken,
  isFamilyActive,
  markRotated,
  revokeFamily,
  type NewFamily,
} from '../db/sessionsRepo';
import { accountWireOf } from './accountView';
import type { Actor } from './actor';
import { failures } from './apiFailure';
import type { ServiceContext } from './context';
import { randomToken, sha256Hex } from './tokens';

/**
 * Sessions: a sign-in opens a family; each refresh rotates its refresh token; a rotated token shown
 * again is a replay and ends the whole family. A refresh token reads `<scope>.<32 random bytes>`:
 * the scope (the school id, or `province`) routes it to its shard, the bytes make it unguessable.
 */
async function issueRefreshToken(
  ctx: ServiceContext,
  tx: Queryable,
  account: AccountRecord,
  familyId: string,
): Promise<{ token: string; expiresAt: Date }> {
  const now = ctx.clock();
  const token = `${scopeOf(account.schoolId)}.${randomToken()}`;
  const expiresAt = new Date(now.getTime() + ctx.policy.refreshTtlSeconds * 1000);
  await insertRefreshToken(tx, account, familyId, sha256Hex(token), now, expiresAt);
  return { token, expiresAt };
}

async function tokenPairFor(
  ctx: ServiceContext,
  account: AccountRecord,
  familyId: string,
  refresh: { token: string; expiresAt: Date },
): Promise<TokenPair> {
  const access = ctx.tokens.sign({
    sub: account.userId,
    sch: account.schoolId,
    role: account.role,
    ver: account.tokenVersion,
    fam: familyId,
  });
  return {
    accessToken: access.token,
    accessExpiresAt: access.expiresAt.toISOString(),
    refreshToken: refresh.token,
    refreshExpiresAt: refresh.expiresAt.toISOString(),
    account: await accountWireOf(ctx.db, account),
  };
}

/** Opens a new session family for an account that just proved its password. */
export async function openSession(
  ctx: ServiceContext,
  account: AccountRecord,
  device: Omit<NewFamily, 'familyId'>,
): Promise<TokenPair> {
  const familyId = randomUUID();
  const refresh = await ctx.db.transaction(async (tx) => {
    await insertFamily(tx, account, { familyId, ...device }, ctx.clock());
    return issueRefreshToken(ctx, tx, account, familyId);
  });
  return tokenPairFor(ctx, account, familyId, refresh);
}

function scopeOfRefreshToken(token: string): string | null {
  const scope = token.slice(0, Math.max(0, token.lastIndexOf('.')));
  if (scope === provinceScope || schoolIdSchema.safeParse(scope).success) return scope;
  return null;
}

/** POST /auth/refresh */
export async function refreshSession(ctx: ServiceContext, refreshToken: string): Promise<TokenPair> {
  const scope = scopeOfRefreshToken(refreshToken);
  if (scope === null) throw failures.unauthenticated();
  const tokenHash = sha256Hex(refreshToken);
  const stored = await findRefreshToken(ctx.db, scope, tokenHash);
  if (stored?.familyRevokedAt !== null) throw failures.unauthenticated();
  const now = ctx.clock();
  if (stored.rotatedAt !== null) {
    await revokeFamily(ctx.db, scope, stored.familyId, 'replay', now);
    throw failures.unauthenticated();
  }
  if (stored.expiresAt.getTime() <= now.getTime()) throw failures.tokenExpired();
  const schoolId = scope === provinceScope ? null : schoolIdSchema.parse(scope);
  const account = await getAccount(ctx.db, { schoolId, userId: stored.userId });
  if (account === null) throw failures.unauthenticated();
  if (account.disabled) throw failures.accountDisabled(401);
  const refresh = await ctx.db.transaction(async (tx) => {
    // Two requests racing with one token: the loser is treated as a replay.
    if (!(await markRotated(tx, scope, tokenHash, now))) return null;
    return issueRefreshToken(ctx, tx, account, stored.familyId);
  });
  if (refresh === null) {
    await revokeFamily(ctx.db, scope, stored.familyId, 'replay', now);
    throw failures.unauthenticated();
  }
  return tokenPairFor(ctx, account, stored.familyId, refresh);
}

/** POST /auth/sign-out: ends the token's family; unknown tokens are already signed out. */
export async function signOut(ctx: ServiceContext, refreshToken: string): Promise<void> {
  const scope = scopeOfRefreshToken(refreshToken);
  if (scope === null) return;
  const stored = await findRefreshToken(ctx.db, scope, sha256Hex(refreshToken));
  if (stored !== null) await revokeFamily(ctx.db, scope, stored.familyId, 'signOut', ctx.clock());
}

/** Checks a bearer access token against the account as it is now (disabled, password changed, signed out). */
export async function authenticate(ctx: ServiceContext, accessToken: string): Promise<Actor> {
  const verified = ctx.tokens.verify(accessToken);
  if (!verified.ok)
    throw verified.reason === 'expired' ? failures.tokenExpired() : failures.unauthenticated();
  const { claims } = verified;
  const key = { schoolId: claims.sch, userId: claims.sub };
  const account = await getAccount(ctx.db, key);
  if (account === null) throw failures.unauthenticated();
  if (account.disabled) throw failures.accountDisabled(401);
  if (account.tokenVersion !== claims.ver) throw failures.unauthenticated();
  if (!(await isFamilyActive(ctx.db, key, claims.fam))) throw failures.unauthenticated();
  return {
    userId: account.userId,
    schoolId: account.schoolId,
    role: account.role,
    familyId: claims.fam,
    mustChangePassword: account.mustChangePassword,
  };
}
