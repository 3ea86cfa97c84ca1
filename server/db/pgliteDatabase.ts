import { PGlite } from '@electric-sql/pglite';
import type { Database, Queryable, SqlValue } from './database';

/**
 * Embedded PostgreSQL (WebAssembly) in a data folder, or in memory when `dataDir` is null. One
 * connection: PGlite runs one query at a time, so transactions are serialised by PGlite itself.
 */
export async function openPgliteDatabase(dataDir: string | null): Promise<Database> {
  const db = dataDir === null ? new PGlite() : new PGlite(dataDir);
  await db.waitReady;
  const toParams = (params: readonly SqlValue[] = []): unknown[] => [...params];
  return {
    engine: 'pglite',
    query: async (sql, params) => (await db.query<Record<string, unknown>>(sql, toParams(params))).rows,
    exec: async (sql) => {
      await db.exec(sql);
    },
    transaction: (work) =>
      db.transaction(async (inner) => {
        const tx: Queryable = {
          query: async (sql, params) =>
            (await inner.query<Record<string, unknown>>(sql, toParams(params))).rows,
          exec: async (sql) => {
            await inner.exec(sql);
          },
        };
        return work(tx);
      }),
    close: async () => {
      // Closing twice (a test's cleanup after the server's) is not an error.
      if (!db.closed) await db.close();
    },
  };
}
