/**
 * The one door to SQL. Two engines stand behind it: PostgreSQL (`pg`, production) and embedded
 * PostgreSQL (`@electric-sql/pglite`, a fresh machine with nothing installed). Only `server/db`
 * writes SQL; services call the repositories in this folder.
 */
/** A parameter; bytes go to `bytea` columns. */
export type SqlValue = string | number | boolean | null | Date | readonly string[] | Uint8Array;

export type Queryable = {
  query: (sql: string, params?: readonly SqlValue[]) => Promise<readonly Record<string, unknown>[]>;
  /** Runs several statements separated by `;`, without parameters (migrations). */
  exec: (sql: string) => Promise<void>;
};

export type Database = Queryable & {
  readonly engine: 'postgres' | 'pglite';
  /** Runs `work` in one transaction; a thrown error rolls it back. Never spans two schools. */
  transaction: <T>(work: (tx: Queryable) => Promise<T>) => Promise<T>;
  close: () => Promise<void>;
};
