import { z } from 'zod';
import { accountRoles, type AccountRole } from '../../shared/auth/accountRoles';
import { schoolIdSchema, userIdSchema, type SchoolId, type UserId } from '../../shared/domain/ids';
import type { Queryable } from './database';
import { nullableTimestamp, parseRows, provinceScope } from './rows';

/** An account as the server holds it. `schoolId` is null for a province admin. */
export type AccountRecord = {
  readonly schoolId: SchoolId | null;
  readonly userId: UserId;
  readonly login: string;
  readonly fullName: string;
  readonly role: AccountRole;
  readonly passwordHash: string;
  readonly mustChangePassword: boolean;
  readonly disabled: boolean;
  readonly failedAttempts: number;
  readonly lockedUntil: Date | null;
  readonly tokenVersion: number;
};

export type AccountKey = { readonly schoolId: SchoolId | null; readonly userId: UserId };

export function scopeOf(schoolId: SchoolId | null): string {
  return schoolId ?? provinceScope;
}

const schoolOfScope = z
  .string()
  .transform((value) => (value === provinceScope ? null : schoolIdSchema.parse(value)));

const accountRow = z
  .object({
    school_id: schoolOfScope,
    user_id: userIdSchema,
    login: z.string(),
    full_name: z.string(),
    role: z.enum(accountRoles),
    password_hash: z.string(),
    must_change_password: z.boolean(),
    disabled: z.boolean(),
    failed_attempts: z.number(),
    locked_until: nullableTimestamp,
    token_version: z.number(),
  })
  .transform((row): AccountRecord => ({
    schoolId: row.school_id,
    userId: row.user_id,
    login: row.login,
    fullName: row.full_name,
    role: row.role,
    passwordHash: row.password_hash,
    mustChangePassword: row.must_change_password,
    disabled: row.disabled,
    failedAttempts: row.failed_attempts,
    lockedUntil: row.locked_until,
    tokenVersion: row.token_version,
  }));

const columns =
  'school_id, user_id, login, full_name, role, password_hash, must_change_password, disabled, failed_attempts, locked_until, token_version';

/** Where a login lives (the province-wide directory routes a sign-in to its school's shard). */
export async function findLogin(db: Queryable, login: string): Promise<AccountKey | null> {
  const rows = await db.query('select school_id, user_id from logins where login = $1', [login]);
  const row = parseRows(z.object({ school_id: schoolOfScope, user_id: userIdSchema }), rows)[0];
  return row === undefined ? null : { schoolId: row.school_id, userId: row.user_id };
}

export async function getAccount(db: Queryable, key: AccountKey): Promise<AccountRecord | null> {
  const rows = await db.query(`select ${columns} from accounts where school_id = $1 and user_id = $2`, [
    scopeOf(key.schoolId),
    key.userId,
  ]);
  return parseRows(accountRow, rows)[0] ?? null;
}

export async function listSchoolAccounts(db: Queryable, schoolId: SchoolId): Promise<AccountRecord[]> {
  const rows = await db.query(`select ${columns} from accounts where school_id = $1 order by login`, [
    schoolId,
  ]);
  return parseRows(accountRow, rows);
}

export type NewAccount = {
  readonly schoolId: SchoolId | null;
  readonly userId: UserId;
  readonly login: string;
  readonly fullName: string;
  readonly role: AccountRole;
  readonly passwordHash: string;
  readonly mustChangePassword: boolean;
};

/** Claims the login in the directory and creates the account (a unique violation means taken). */
export async function insertAccount(tx: Queryable, account: NewAccount, now: Date): Promise<void> {
  const scope = scopeOf(account.schoolId);
  await tx.query('insert into logins (login, school_id, user_id) values ($1, $2, $3)', [
    account.login,
    scope,
    account.userId,
  ]);
  await tx.query(
    `insert into accounts (school_id, user_id, login, full_name, role, password_hash, must_change_password, created_at, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $8)`,
    [
      scope,
      account.userId,
      account.login,
      account.fullName,
      account.role,
      account.passwordHash,
      account.mustChangePassword,
      now,
    ],
  );
}

/**
 * Counts one wrong password in the database itself (parallel guesses cannot under-count); at the
 * threshold the account locks until `lockUntil` and the count starts again.
 */
export async function recordFailedAttempt(
  db: Queryable,
  key: AccountKey,
  threshold: number,
  lockUntil: Date,
): Promise<{ locked: boolean }> {
  const rows = await db.query(
    `update accounts set
       failed_attempts = case when failed_attempts + 1 >= $3 then 0 else failed_attempts + 1 end,
       locked_until = case when failed_attempts + 1 >= $3 then $4 else locked_until end
     where school_id = $1 and user_id = $2
     returning failed_attempts, locked_until`,
    [scopeOf(key.schoolId), key.userId, threshold, lockUntil],
  );
  const row = parseRows(z.object({ failed_attempts: z.number(), locked_until: nullableTimestamp }), rows)[0];
  return {
    locked: row?.failed_attempts === 0 && row.locked_until?.getTime() === lockUntil.getTime(),
  };
}

export async function clearFailedAttempts(db: Queryable, key: AccountKey): Promise<void> {
  await db.query(
    'update accounts set failed_attempts = 0, locked_until = null where school_id = $1 and user_id = $2 and (failed_attempts <> 0 or locked_until is not null)',
    [scopeOf(key.schoolId), key.userId],
  );
}

/** A new password ends every token the account holds (token_version moves on). */
export async function setPassword(
  db: Queryable,
  key: AccountKey,
  passwordHash: string,
  mustChangePassword: boolean,
  now: Date,
): Promise<void> {
  await db.query(
    `update accounts set password_hash = $3, must_change_password = $4, token_version = token_version + 1,
       failed_attempts = 0, locked_until = null, updated_at = $5
     where school_id = $1 and user_id = $2`,
    [scopeOf(key.schoolId), key.userId, passwordHash, mustChangePassword, now],
  );
}

export async function setDisabled(
  db: Queryable,
  key: AccountKey,
  disabled: boolean,
  now: Date,
): Promise<void> {
  await db.query(
    'update accounts set disabled = $3, token_version = token_version + 1, updated_at = $4 where school_id = $1 and user_id = $2',
    [scopeOf(key.schoolId), key.userId, disabled, now],
  );
}

/** A staff member's name or role as the school's leadership set it; what is absent stays. */
export async function updateStaffDetails(
  db: Queryable,
  key: AccountKey,
  details: { readonly fullName?: string | undefined; readonly role?: AccountRole | undefined },
  now: Date,
): Promise<void> {
  await db.query(
    `update accounts set full_name = coalesce($3, full_name), role = coalesce($4, role), updated_at = $5
     where school_id = $1 and user_id = $2`,
    [scopeOf(key.schoolId), key.userId, details.fullName ?? null, details.role ?? null, now],
  );
}

export async function requirePasswordChange(db: Queryable, key: AccountKey, now: Date): Promise<void> {
  await db.query(
    'update accounts set must_change_password = true, updated_at = $3 where school_id = $1 and user_id = $2',
    [scopeOf(key.schoolId), key.userId, now],
  );
}
