import type { TokenPair } from '../../shared/auth/authWire';
import {
  clearFailedAttempts,
  findLogin,
  getAccount,
  recordFailedAttempt,
  type AccountRecord,
} from '../db/accountsRepo';
import { failures } from './apiFailure';
import type { ServiceContext } from './context';
import { openSession } from './sessions';

export type SignInInput = {
  readonly login: string;
  readonly password: string;
  readonly device?: { readonly deviceId: string; readonly deviceName: string } | undefined;
  /** The client's address (the proxy's X-Forwarded-For when trustProxy is set). */
  readonly ip: string;
};

/** Both limits count every attempt: per address (spraying many logins) and per login (one target). */
export function checkSignInRate(ctx: ServiceContext, ip: string, login: string): void {
  for (const result of [ctx.signInLimits.perIp.hit(ip), ctx.signInLimits.perLogin.hit(login)]) {
    if (!result.allowed) throw failures.tooManyRequests(result.retryAfterSeconds);
  }
}

function lockedSeconds(ctx: ServiceContext, account: AccountRecord): number {
  if (account.lockedUntil === null) return 0;
  return Math.max(0, Math.ceil((account.lockedUntil.getTime() - ctx.clock().getTime()) / 1000));
}

/**
 * Checks a password, counting failures: the threshold-th wrong password in a row locks the account
 * for `lockoutSeconds`. A locked account is refused before its hash is even compared.
 */
export async function verifyAccountPassword(
  ctx: ServiceContext,
  account: AccountRecord,
  password: string,
  wrongMessage?: string,
): Promise<void> {
  const locked = lockedSeconds(ctx, account);
  if (locked > 0) throw failures.accountLocked(locked);
  if (await ctx.passwords.verify(account.passwordHash, password)) {
    await clearFailedAttempts(ctx.db, account);
    return;
  }
  const until = new Date(ctx.clock().getTime() + ctx.policy.lockoutSeconds * 1000);
  const { locked: nowLocked } = await recordFailedAttempt(
    ctx.db,
    account,
    ctx.policy.lockoutThreshold,
    until,
  );
  if (nowLocked) throw failures.accountLocked(ctx.policy.lockoutSeconds);
  throw failures.wrongCredentials(wrongMessage);
}

/** POST /auth/sign-in */
export async function signIn(ctx: ServiceContext, input: SignInInput): Promise<TokenPair> {
  checkSignInRate(ctx, input.ip, input.login);
  const key = await findLogin(ctx.db, input.login);
  const account = key === null ? null : await getAccount(ctx.db, key);
  if (account === null) {
    await ctx.passwords.verifyDummy(input.password);
    throw failures.wrongCredentials();
  }
  await verifyAccountPassword(ctx, account, input.password);
  // Told only to whoever knows the password, so a disabled account's existence does not leak.
  if (account.disabled) throw failures.accountDisabled(403);
  return openSession(ctx, account, {
    deviceId: input.device?.deviceId ?? null,
    deviceName: input.device?.deviceName ?? null,
  });
}
