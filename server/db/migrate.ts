import { readdir, readFile } from 'node:fs/promises';
import type { Database } from './database';

/** Numbered, append-only migrations: `NNNN_name.sql`, applied in order, each in one transaction. */
export const migrationsDir = new URL('./migrations/', import.meta.url);
const migrationName = /^\d{4}_[a-z0-9_]+\.sql$/;

export type Migration = { readonly name: string; readonly sql: string };

export async function loadMigrations(): Promise<readonly Migration[]> {
  const names = (await readdir(migrationsDir)).filter((name) => migrationName.test(name)).sort();
  return Promise.all(
    names.map(async (name) => ({ name, sql: await readFile(new URL(name, migrationsDir), 'utf8') })),
  );
}

async function appliedNames(db: Database): Promise<ReadonlySet<string>> {
  await db.exec(
    'create table if not exists schema_migrations (name text primary key, applied_at timestamptz not null)',
  );
  const rows = await db.query('select name from schema_migrations');
  return new Set(rows.map((row) => String(row.name)));
}

/** Applies the migrations not yet applied (up to `until`, a migration name, when given). */
export async function migrate(db: Database, until?: string): Promise<readonly string[]> {
  const applied = await appliedNames(db);
  const done: string[] = [];
  for (const migration of await loadMigrations()) {
    if (until !== undefined && migration.name > until) break;
    if (applied.has(migration.name)) continue;
    await db.transaction(async (tx) => {
      await tx.exec(migration.sql);
      await tx.query('insert into schema_migrations (name, applied_at) values ($1, now())', [migration.name]);
    });
    done.push(migration.name);
  }
  return done;
}

/** The migrations on disk that this database has not applied (readiness fails while any are). */
export async function pendingMigrations(db: Database): Promise<readonly string[]> {
  const [table] = await db.query("select to_regclass('schema_migrations') is not null as present");
  const rows = table?.present === true ? await db.query('select name from schema_migrations') : [];
  const applied = new Set(rows.map((row) => String(row.name)));
  return (await loadMigrations()).map((migration) => migration.name).filter((name) => !applied.has(name));
}
