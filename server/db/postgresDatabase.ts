import pg from 'pg';
import type { Database, Queryable, SqlValue } from './database';

/** PostgreSQL through a connection pool (`DATABASE_URL`). */
export function openPostgresDatabase(connectionString: string): Database {
  const pool = new pg.Pool({ connectionString, max: 10 });
  // An idle client's error (the server restarted) must not crash the process: the next query fails instead.
  pool.on('error', () => undefined);
  const run = async (
    client: pg.Pool | pg.PoolClient,
    sql: string,
    params: readonly SqlValue[] = [],
  ): Promise<readonly Record<string, unknown>[]> => {
    // pg sends a Buffer as bytea; a plain Uint8Array is wrapped (no copy).
    const values = params.map((value) =>
      value instanceof Uint8Array && !Buffer.isBuffer(value)
        ? Buffer.from(value.buffer, value.byteOffset, value.byteLength)
        : value,
    );
    const result = await client.query<Record<string, unknown>>(sql, values);
    return result.rows;
  };
  return {
    engine: 'postgres',
    query: (sql, params) => run(pool, sql, params),
    exec: async (sql) => {
      await pool.query(sql);
    },
    transaction: async (work) => {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const tx: Queryable = {
          query: (sql, params) => run(client, sql, params),
          exec: async (sql) => {
            await client.query(sql);
          },
        };
        const result = await work(tx);
        await client.query('commit');
        return result;
      } catch (error) {
        await client.query('rollback').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
