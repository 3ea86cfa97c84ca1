import { timingSafeEqual } from 'node:crypto';
import { findLogin, getAccount } from '../db/accountsRepo';
import { deleteWebSession, findWebSession, insertWebSession } from '../db/adminWebSessionsRepo';
import { adminPageStrings } from '../strings';
import type { Actor } from './actor';
import { failures } from './apiFailure';
import type { ServiceContext } from './context';
import { checkSignInRate, verifyAccountPassword } from './signIn';
import { randomToken, sha256Hex } from './tokens';

/** The admin page's cookie sessions: province admins only, 8 hours, a CSRF token per session. */
export const webSessionSeconds = 8 * 3600;

export function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(sha256Hex(a));
  const right = Buffer.from(sha256Hex(b));
  return timingSafeEqual(left, right) && a.length > 0;
}

export async function signInToAdminPage(
  ctx: ServiceContext,
  input: { login: string; password: string; ip: string },
): Promise<{ sessionToken: string; csrfToken: string }> {
  checkSignInRate(ctx, input.ip, input.login);
  const key = await findLogin(ctx.db, input.login);
  const account = key === null ? null : await getAccount(ctx.db, key);
  if (account === null) {
    await ctx.passwords.verifyDummy(input.password);
    throw failures.wrongCredentials();
  }
  await verifyAccountPassword(ctx, account, input.password);
  if (account.disabled) throw failures.accountDisabled(403);
  if (account.role !== 'provinceAdmin') throw failures.forbidden(adminPageStrings.notProvinceAdmin);
  const sessionToken = randomToken();
  const csrfToken = randomToken();
  const now = ctx.clock();
  await insertWebSession(
    ctx.db,
    {
      sessionHash: sha256Hex(sessionToken),
      userId: account.userId,
      csrfToken,
      expiresAt: new Date(now.getTime() + webSessionSeconds * 1000),
    },
    now,
  );
  return { sessionToken, csrfToken };
}

/** The province admin a session cookie stands for, checked against the account as it is now. */
export async function adminOfWebSession(
  ctx: ServiceContext,
  sessionToken: string,
): Promise<{ actor: Actor; csrfToken: string; fullName: string } | null> {
  const session = await findWebSession(ctx.db, sha256Hex(sessionToken), ctx.clock());
  if (session === null) return null;
  const account = await getAccount(ctx.db, { schoolId: null, userId: session.userId });
  if (account === null || account.disabled || account.role !== 'provinceAdmin') return null;
  const actor: Actor = {
    userId: account.userId,
    schoolId: null,
    role: 'provinceAdmin',
    familyId: 'web',
    mustChangePassword: false,
  };
  return { actor, csrfToken: session.csrfToken, fullName: account.fullName };
}

export async function signOutOfAdminPage(ctx: ServiceContext, sessionToken: string): Promise<void> {
  await deleteWebSession(ctx.db, sha256Hex(sessionToken));
}
