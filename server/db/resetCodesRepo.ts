import { z } from 'zod';
import { scopeOf, type AccountKey } from './accountsRepo';
import type { Queryable } from './database';
import { nullableTimestamp, parseRows, timestamp } from './rows';

/** The one live reset code per account (a new one replaces the old), stored as SHA-256. */
export async function putResetCode(
  db: Queryable,
  key: AccountKey,
  codeHash: string,
  createdBy: string,
  now: Date,
  expiresAt: Date,
): Promise<void> {
  await db.query(
    `insert into reset_codes (school_id, user_id, code_hash, created_by, created_at, expires_at)
     values ($1, $2, $3, $4, $5, $6)
     on conflict (school_id, user_id) do update set code_hash = excluded.code_hash,
       created_by = excluded.created_by, created_at = excluded.created_at,
       expires_at = excluded.expires_at, used_at = null`,
    [scopeOf(key.schoolId), key.userId, codeHash, createdBy, now, expiresAt],
  );
}

export type StoredResetCode = {
  readonly codeHash: string;
  readonly expiresAt: Date;
  readonly usedAt: Date | null;
};

export async function getResetCode(db: Queryable, key: AccountKey): Promise<StoredResetCode | null> {
  const rows = await db.query(
    'select code_hash, expires_at, used_at from reset_codes where school_id = $1 and user_id = $2',
    [scopeOf(key.schoolId), key.userId],
  );
  const schema = z
    .object({ code_hash: z.string(), expires_at: timestamp, used_at: nullableTimestamp })
    .transform((row) => ({ codeHash: row.code_hash, expiresAt: row.expires_at, usedAt: row.used_at }));
  return parseRows(schema, rows)[0] ?? null;
}

/** Uses the code once; false when it was already used (two requests racing). */
export async function useResetCode(
  db: Queryable,
  key: AccountKey,
  codeHash: string,
  now: Date,
): Promise<boolean> {
  const rows = await db.query(
    `update reset_codes set used_at = $4 where school_id = $1 and user_id = $2 and code_hash = $3 and used_at is null
     returning user_id`,
    [scopeOf(key.schoolId), key.userId, codeHash, now],
  );
  return rows.length === 1;
}
