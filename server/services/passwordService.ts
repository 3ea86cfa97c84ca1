import { randomInt, timingSafeEqual } from 'node:crypto';
import type { TokenPair } from '../../shared/auth/authWire';
import { resetCodeAlphabet } from '../../shared/auth/passwordRules';
import type { ResetCodeIssued } from '../../shared/auth/schoolAdminWire';
import {
  findLogin,
  getAccount,
  requirePasswordChange,
  setPassword,
  type AccountKey,
} from '../db/accountsRepo';
import type { Queryable } from '../db/database';
import { getResetCode, putResetCode, useResetCode } from '../db/resetCodesRepo';
import { revokeAllFamilies } from '../db/sessionsRepo';
import { serverStrings } from '../strings';
import type { Actor } from './actor';
import { failures } from './apiFailure';
import type { ServiceContext } from './context';
import { openSession } from './sessions';
import { checkSignInRate, verifyAccountPassword } from './signIn';
import { sha256Hex } from './tokens';

/** A new password ends every session of the account: token_version moves on, families are revoked. */
async function replacePassword(ctx: ServiceContext, key: AccountKey, newPassword: string): Promise<void> {
  const passwordHash = await ctx.passwords.hash(newPassword);
  const now = ctx.clock();
  await ctx.db.transaction(async (tx) => {
    await setPassword(tx, key, passwordHash, false, now);
    await revokeAllFamilies(tx, key, 'passwordChanged', now);
  });
}

/** POST /auth/password: answers a fresh session for the device that changed it. */
export async function changePassword(
  ctx: ServiceContext,
  actor: Actor,
  currentPassword: string,
  newPassword: string,
): Promise<TokenPair> {
  const account = await getAccount(ctx.db, actor);
  if (account === null) throw failures.unauthenticated();
  await verifyAccountPassword(ctx, account, currentPassword, serverStrings.wrongCurrentPassword);
  await replacePassword(ctx, account, newPassword);
  const changed = await getAccount(ctx.db, actor);
  if (changed === null) throw failures.unauthenticated();
  return openSession(ctx, changed, { deviceId: null, deviceName: null });
}

/** 12 characters from the printed alphabet: about 59 bits, beyond guessing within the rate limits. */
export function newResetCode(): string {
  return Array.from({ length: 12 }, () => resetCodeAlphabet[randomInt(resetCodeAlphabet.length)]).join('');
}

/** Issues the account's one live reset code (replacing an earlier one); the account must then change its password. */
export async function issueResetCode(
  ctx: ServiceContext,
  tx: Queryable,
  key: AccountKey,
  issuedBy: string,
): Promise<ResetCodeIssued> {
  const resetCode = newResetCode();
  const now = ctx.clock();
  const expiresAt = new Date(now.getTime() + ctx.policy.resetCodeTtlSeconds * 1000);
  await putResetCode(tx, key, sha256Hex(resetCode), issuedBy, now, expiresAt);
  await requirePasswordChange(tx, key, now);
  return { resetCode, expiresAt: expiresAt.toISOString() };
}

/** POST /auth/reset: a new password with the printed code; single use, expires. */
export async function resetPassword(
  ctx: ServiceContext,
  input: { login: string; resetCode: string; newPassword: string; ip: string },
): Promise<void> {
  checkSignInRate(ctx, input.ip, input.login);
  const key = await findLogin(ctx.db, input.login);
  const stored = key === null ? null : await getResetCode(ctx.db, key);
  const now = ctx.clock();
  const given = Buffer.from(sha256Hex(input.resetCode));
  const matches =
    stored !== null &&
    stored.usedAt === null &&
    stored.expiresAt.getTime() > now.getTime() &&
    timingSafeEqual(given, Buffer.from(stored.codeHash));
  if (key === null || stored === null || !matches)
    throw failures.wrongCredentials(serverStrings.wrongResetCode);
  const account = await getAccount(ctx.db, key);
  if (account === null) throw failures.wrongCredentials(serverStrings.wrongResetCode);
  if (account.disabled) throw failures.accountDisabled(403);
  if (!(await useResetCode(ctx.db, key, stored.codeHash, now))) {
    throw failures.wrongCredentials(serverStrings.wrongResetCode);
  }
  await replacePassword(ctx, key, input.newPassword);
}
