import { z } from 'zod';
import { userIdSchema, type UserId } from '../../shared/domain/ids';
import { scopeOf, type AccountKey } from './accountsRepo';
import type { Queryable } from './database';
import { nullableTimestamp, parseRows, timestamp } from './rows';

/** Session families (one per sign-in of one device) and their rotating refresh tokens. */
export type NewFamily = {
  readonly familyId: string;
  readonly deviceId: string | null;
  readonly deviceName: string | null;
};

export async function insertFamily(
  tx: Queryable,
  key: AccountKey,
  family: NewFamily,
  now: Date,
): Promise<void> {
  await tx.query(
    `insert into session_families (school_id, family_id, user_id, device_id, device_name, created_at)
     values ($1, $2, $3, $4, $5, $6)`,
    [scopeOf(key.schoolId), family.familyId, key.userId, family.deviceId, family.deviceName, now],
  );
}

export async function insertRefreshToken(
  tx: Queryable,
  key: AccountKey,
  familyId: string,
  tokenHash: string,
  issuedAt: Date,
  expiresAt: Date,
): Promise<void> {
  await tx.query(
    `insert into refresh_tokens (school_id, token_hash, family_id, user_id, issued_at, expires_at)
     values ($1, $2, $3, $4, $5, $6)`,
    [scopeOf(key.schoolId), tokenHash, familyId, key.userId, issuedAt, expiresAt],
  );
}

export type StoredRefreshToken = {
  readonly familyId: string;
  readonly userId: UserId;
  readonly expiresAt: Date;
  readonly rotatedAt: Date | null;
  readonly familyRevokedAt: Date | null;
};

const refreshRow = z
  .object({
    family_id: z.string(),
    user_id: userIdSchema,
    expires_at: timestamp,
    rotated_at: nullableTimestamp,
    revoked_at: nullableTimestamp,
  })
  .transform((row): StoredRefreshToken => ({
    familyId: row.family_id,
    userId: row.user_id,
    expiresAt: row.expires_at,
    rotatedAt: row.rotated_at,
    familyRevokedAt: row.revoked_at,
  }));

export async function findRefreshToken(
  db: Queryable,
  scope: string,
  tokenHash: string,
): Promise<StoredRefreshToken | null> {
  const rows = await db.query(
    `select t.family_id, t.user_id, t.expires_at, t.rotated_at, f.revoked_at
     from refresh_tokens t join session_families f on f.school_id = t.school_id and f.family_id = t.family_id
     where t.school_id = $1 and t.token_hash = $2`,
    [scope, tokenHash],
  );
  return parseRows(refreshRow, rows)[0] ?? null;
}

/** Marks a token used; false when another request rotated it first (a race is a replay too). */
export async function markRotated(
  db: Queryable,
  scope: string,
  tokenHash: string,
  now: Date,
): Promise<boolean> {
  const rows = await db.query(
    `update refresh_tokens set rotated_at = $3 where school_id = $1 and token_hash = $2 and rotated_at is null
     returning token_hash`,
    [scope, tokenHash, now],
  );
  return rows.length === 1;
}

export async function revokeFamily(
  db: Queryable,
  scope: string,
  familyId: string,
  reason: string,
  now: Date,
): Promise<void> {
  await db.query(
    `update session_families set revoked_at = $3, revoked_reason = $4
     where school_id = $1 and family_id = $2 and revoked_at is null`,
    [scope, familyId, now, reason],
  );
}

export async function revokeAllFamilies(
  db: Queryable,
  key: AccountKey,
  reason: string,
  now: Date,
): Promise<void> {
  await db.query(
    `update session_families set revoked_at = $3, revoked_reason = $4
     where school_id = $1 and user_id = $2 and revoked_at is null`,
    [scopeOf(key.schoolId), key.userId, now, reason],
  );
}

export async function isFamilyActive(db: Queryable, key: AccountKey, familyId: string): Promise<boolean> {
  const rows = await db.query(
    `select 1 from session_families where school_id = $1 and family_id = $2 and user_id = $3 and revoked_at is null`,
    [scopeOf(key.schoolId), familyId, key.userId],
  );
  return rows.length === 1;
}
