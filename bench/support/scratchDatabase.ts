import { randomBytes } from 'node:crypto';
import type { Database } from '../../server/db/database';
import { openPostgresDatabase } from '../../server/db/postgresDatabase';

/**
 * A throw-away PostgreSQL database for a benchmark, made on the server at DATABASE_URL (or the
 * machine's, trust auth) and dropped by `drop`, whatever the benchmark did.
 */
export async function scratchDatabase(): Promise<{
  readonly db: Database;
  readonly drop: () => Promise<void>;
}> {
  const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `hocba_bench_${String(process.pid)}_${randomBytes(3).toString('hex')}`;
  const admin = openPostgresDatabase(adminUrl);
  await admin.query(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = openPostgresDatabase(url.toString());
  return {
    db,
    drop: async () => {
      await db.close().catch(() => undefined);
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.close();
    },
  };
}
