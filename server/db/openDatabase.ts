import { mkdir } from 'node:fs/promises';
import type { Database } from './database';
import { openPgliteDatabase } from './pgliteDatabase';
import { openPostgresDatabase } from './postgresDatabase';

export type DatabaseChoice =
  | { readonly kind: 'postgres'; readonly url: string }
  | { readonly kind: 'pglite'; readonly dataDir: string | null };

/** PostgreSQL when a URL is given, else embedded PGlite in a data folder (or in memory). */
export async function openDatabase(choice: DatabaseChoice): Promise<Database> {
  if (choice.kind === 'postgres') return openPostgresDatabase(choice.url);
  if (choice.dataDir !== null) await mkdir(choice.dataDir, { recursive: true });
  return openPgliteDatabase(choice.dataDir);
}
