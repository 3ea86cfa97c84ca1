import type { AccountRole } from '../../shared/auth/accountRoles';
import type {
  CreatedAccount,
  ResetCodeIssued,
  StaffAccountWire,
  UpdateStaffRequest,
} from '../../shared/auth/schoolAdminWire';
import { userIdOf, type SchoolId, type UserId } from '../../shared/domain/ids';
import {
  getAccount,
  insertAccount,
  listSchoolAccounts,
  setDisabled,
  updateStaffDetails,
  type AccountRecord,
} from '../db/accountsRepo';
import { isUniqueViolation } from '../db/rows';
import { getSchool } from '../db/schoolsRepo';
import { revokeAllFamilies } from '../db/sessionsRepo';
import { serverStrings } from '../strings';
import { staffAccountWireOf } from './accountView';
import type { Actor } from './actor';
import { failures } from './apiFailure';
import type { ServiceContext } from './context';
import { issueResetCode } from './passwordService';
import { requireSchoolLeadership, requireSchoolOverview } from './permissions';
import { randomToken } from './tokens';

export type NewAccountInput = {
  readonly schoolId: SchoolId | null;
  readonly login: string;
  readonly fullName: string;
  readonly role: AccountRole;
  /** Given: the account signs in with it (CLI, tests). Absent: a reset code to print is issued. */
  readonly password?: string;
};

/**
 * Creates an account. Without a password its hash is of random bytes nobody knows, and the answer
 * carries the one-time code its holder chooses a password with.
 */
export async function createAccount(
  ctx: ServiceContext,
  input: NewAccountInput,
  createdBy: string,
): Promise<{ account: AccountRecord; reset: ResetCodeIssued | null }> {
  const passwordHash = await ctx.passwords.hash(input.password ?? randomToken());
  const userId = userIdOf(input.login);
  const key = { schoolId: input.schoolId, userId };
  try {
    const reset = await ctx.db.transaction(async (tx) => {
      await insertAccount(
        tx,
        {
          ...key,
          login: input.login,
          fullName: input.fullName,
          role: input.role,
          passwordHash,
          mustChangePassword: false,
        },
        ctx.clock(),
      );
      return input.password === undefined ? issueResetCode(ctx, tx, key, createdBy) : null;
    });
    const account = await getAccount(ctx.db, key);
    if (account === null) throw new Error('account vanished after insert');
    return { account, reset };
  } catch (error) {
    if (isUniqueViolation(error)) throw failures.conflict(serverStrings.loginTaken);
    throw error;
  }
}

async function requireSchool(ctx: ServiceContext, schoolId: SchoolId): Promise<void> {
  if ((await getSchool(ctx.db, schoolId)) === null) throw failures.notFound(serverStrings.schoolNotFound);
}

function created(result: { account: AccountRecord; reset: ResetCodeIssued | null }): CreatedAccount {
  if (result.reset === null) throw new Error('an account created over the API always gets a reset code');
  return { account: staffAccountWireOf(result.account), reset: result.reset };
}

/** POST /schools/:schoolId/principal (province admin). */
export async function createPrincipal(
  ctx: ServiceContext,
  actor: Actor,
  schoolId: SchoolId,
  input: { login: string; fullName: string },
): Promise<CreatedAccount> {
  if (actor.role !== 'provinceAdmin') throw failures.forbidden();
  await requireSchool(ctx, schoolId);
  return created(await createAccount(ctx, { schoolId, ...input, role: 'principal' }, actor.userId));
}

/** POST /schools/:schoolId/staff (the school's leadership). */
export async function createStaff(
  ctx: ServiceContext,
  actor: Actor,
  schoolId: SchoolId,
  input: { login: string; fullName: string; role: 'vicePrincipal' | 'groupHead' | 'teacher' },
): Promise<CreatedAccount> {
  requireSchoolLeadership(actor, schoolId);
  return created(await createAccount(ctx, { schoolId, ...input }, actor.userId));
}

export async function listStaff(
  ctx: ServiceContext,
  actor: Actor,
  schoolId: SchoolId,
): Promise<StaffAccountWire[]> {
  requireSchoolOverview(actor, schoolId);
  await requireSchool(ctx, schoolId);
  return (await listSchoolAccounts(ctx.db, schoolId)).map(staffAccountWireOf);
}

/**
 * The account another may reset or disable: the province admin any school account; a school's
 * leadership its own school's accounts except the principal's; nobody their own.
 */
async function targetAccount(
  ctx: ServiceContext,
  actor: Actor,
  schoolId: SchoolId,
  userId: UserId,
): Promise<AccountRecord> {
  if (actor.role !== 'provinceAdmin') requireSchoolLeadership(actor, schoolId);
  const account = await getAccount(ctx.db, { schoolId, userId });
  if (account === null) throw failures.notFound(serverStrings.accountNotFound);
  if (account.userId === actor.userId) throw failures.forbidden(serverStrings.cannotActOnSelf);
  if (actor.role !== 'provinceAdmin' && account.role === 'principal') throw failures.forbidden();
  return account;
}

/** POST /schools/:schoolId/staff/:userId/reset-code */
export async function resetStaffPassword(
  ctx: ServiceContext,
  actor: Actor,
  schoolId: SchoolId,
  userId: UserId,
): Promise<ResetCodeIssued> {
  const account = await targetAccount(ctx, actor, schoolId, userId);
  return ctx.db.transaction((tx) => issueResetCode(ctx, tx, account, actor.userId));
}

/** POST /schools/:schoolId/staff/:userId/disable: the account cannot sign in and its tokens stop working. */
export async function disableStaff(
  ctx: ServiceContext,
  actor: Actor,
  schoolId: SchoolId,
  userId: UserId,
): Promise<StaffAccountWire> {
  const account = await targetAccount(ctx, actor, schoolId, userId);
  const now = ctx.clock();
  await ctx.db.transaction(async (tx) => {
    await setDisabled(tx, account, true, now);
    await revokeAllFamilies(tx, account, 'disabled', now);
  });
  return staffAccountWireOf({ ...account, disabled: true });
}

/**
 * PATCH /schools/:schoolId/staff/:userId: what the school's setup screen changes of a staff
 * member. Disabling ends every session at once, as POST …/disable does; a principal's role is the
 * province's to give, so it is never changed here.
 */
export async function updateStaff(
  ctx: ServiceContext,
  actor: Actor,
  schoolId: SchoolId,
  userId: UserId,
  changes: UpdateStaffRequest,
): Promise<StaffAccountWire> {
  const account = await targetAccount(ctx, actor, schoolId, userId);
  if (changes.role !== undefined && account.role === 'principal')
    throw failures.badRequest(serverStrings.principalRoleIsProvinces);
  const now = ctx.clock();
  await ctx.db.transaction(async (tx) => {
    await updateStaffDetails(tx, account, changes, now);
    if (changes.disabled !== undefined && changes.disabled !== account.disabled) {
      await setDisabled(tx, account, changes.disabled, now);
      if (changes.disabled) await revokeAllFamilies(tx, account, 'disabled', now);
    }
  });
  const updated = await getAccount(ctx.db, account);
  if (updated === null) throw failures.notFound(serverStrings.accountNotFound);
  return staffAccountWireOf(updated);
}
