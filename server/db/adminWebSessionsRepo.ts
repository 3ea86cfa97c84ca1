import { z } from 'zod';
import { userIdSchema, type UserId } from '../../shared/domain/ids';
import type { Queryable } from './database';
import { parseRows } from './rows';

/** The admin page's cookie sessions (province admins only; a province-level table). */
export async function insertWebSession(
  db: Queryable,
  session: { sessionHash: string; userId: UserId; csrfToken: string; expiresAt: Date },
  now: Date,
): Promise<void> {
  await db.query(
    'insert into admin_web_sessions (session_hash, user_id, csrf_token, created_at, expires_at) values ($1, $2, $3, $4, $5)',
    [session.sessionHash, session.userId, session.csrfToken, now, session.expiresAt],
  );
}

export async function findWebSession(
  db: Queryable,
  sessionHash: string,
  now: Date,
): Promise<{ userId: UserId; csrfToken: string } | null> {
  const rows = await db.query(
    'select user_id, csrf_token from admin_web_sessions where session_hash = $1 and expires_at > $2',
    [sessionHash, now],
  );
  const row = parseRows(z.object({ user_id: userIdSchema, csrf_token: z.string() }), rows)[0];
  return row === undefined ? null : { userId: row.user_id, csrfToken: row.csrf_token };
}

export async function deleteWebSession(db: Queryable, sessionHash: string): Promise<void> {
  await db.query('delete from admin_web_sessions where session_hash = $1', [sessionHash]);
}
