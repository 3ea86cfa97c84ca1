import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Database } from '../db/database';
import { openPgliteDatabase } from '../db/pgliteDatabase';
import { openPostgresDatabase } from '../db/postgresDatabase';
import type { Argon2Params } from '../services/passwords';

/**
 * The database a server test runs against: `HOCBA_TEST_DB=postgres` (a fresh throw-away database
 * on the machine's PostgreSQL, dropped afterwards) or `pglite` (in memory; the default).
 */
export type TestDatabase = {
  readonly db: Database;
  readonly engine: 'postgres' | 'pglite';
  /** The connection string of a PostgreSQL test database (null for in-memory PGlite). */
  readonly url: string | null;
  readonly drop: () => Promise<void>;
};

export const testEngine: 'postgres' | 'pglite' =
  process.env.HOCBA_TEST_DB === 'postgres' ? 'postgres' : 'pglite';

/** Where throw-away databases are created (trust auth on 127.0.0.1 in CI). */
export const adminPostgresUrl =
  process.env.HOCBA_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * argon2id at its floor, for tests only: passed explicitly to the server under test, so the
 * production default (services/passwords.ts) is never weakened behind anyone's back.
 */
export const testArgon2Params: Argon2Params = { memoryCost: 1024, timeCost: 1, parallelism: 1 };

async function onAdmin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminPostgresUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A fresh database on `engine` (HOCBA_TEST_DB's by default; the desktop's tests name both). */
export async function openTestDatabase(engine: 'postgres' | 'pglite' = testEngine): Promise<TestDatabase> {
  if (engine === 'pglite') {
    const db = await openPgliteDatabase(null);
    return { db, engine: 'pglite', url: null, drop: () => db.close() };
  }
  const name = `hocba_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await onAdmin(`create database ${name}`);
  const url = new URL(adminPostgresUrl);
  url.pathname = `/${name}`;
  const db = openPostgresDatabase(url.toString());
  let dropped = false;
  return {
    db,
    engine: 'postgres',
    url: url.toString(),
    drop: async () => {
      if (dropped) return;
      dropped = true;
      await db.close().catch(() => undefined);
      await onAdmin(`drop database if exists ${name} with (force)`);
    },
  };
}
