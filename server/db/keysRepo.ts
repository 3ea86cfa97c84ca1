import { z } from 'zod';
import type { Queryable } from './database';
import { isUniqueViolation, parseRows } from './rows';

/** The token signing key generated once and kept in the database (when no HOCBA_TOKEN_SECRET is set). */
export async function loadOrCreateKey(
  db: Queryable,
  candidate: { readonly kid: string; readonly secret: string },
  now: Date,
): Promise<{ kid: string; secret: string }> {
  const read = async () =>
    parseRows(
      z.object({ kid: z.string(), secret: z.string() }),
      await db.query('select kid, secret from server_keys order by created_at, kid limit 1'),
    )[0];
  const existing = await read();
  if (existing !== undefined) return existing;
  try {
    await db.query('insert into server_keys (kid, secret, created_at) values ($1, $2, $3)', [
      candidate.kid,
      candidate.secret,
      now,
    ]);
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
  const stored = await read();
  if (stored === undefined) throw new Error('server_keys stayed empty');
  return stored;
}
