import type { RxCollection } from 'rxdb';
import { schemaVersionsOf, type DatabaseExport } from '../../../shared/backup/databaseExport';
import type { HocbaDatabase } from '../database';

/** Inserted in slices so a school's 25,000 documents never make one giant transaction. */
const slice = 1000;

type Migration = (doc: Record<string, unknown>, collection: RxCollection) => unknown;

/** Why a backup's database cannot go into this database (English: logged and tested, not shown). */
export class ImportRefused extends Error {}

/**
 * Brings a document written at `from` up to the collection's version with the collection's own
 * migration strategies, as RxDB does when it opens an older database. A strategy that drops the
 * document (returns null) drops it here too.
 */
async function migrated(
  collection: RxCollection,
  doc: Record<string, unknown>,
  from: number,
): Promise<Record<string, unknown> | null> {
  const strategies = collection.migrationStrategies as Readonly<Record<number, Migration | undefined>>;
  let current: Record<string, unknown> | null = doc;
  for (let version = from + 1; version <= collection.schema.version && current; version += 1) {
    const strategy = strategies[version];
    if (!strategy)
      throw new ImportRefused(`no migration of ${collection.name} to version ${String(version)}`);
    current = (await strategy(current, collection)) as Record<string, unknown> | null;
  }
  return current;
}

/**
 * Puts a backup's documents into a fresh, empty database of this version: every collection's
 * documents as they were (migrated first when the backup was made by an older version), the audit
 * events untouched, so the restored history verifies exactly as it did. Refuses a database that
 * already holds documents, a collection this version does not have, and documents newer than it.
 */
export async function importDatabase(database: HocbaDatabase, exported: DatabaseExport): Promise<number> {
  const collections = database.collections as unknown as Record<string, RxCollection | undefined>;
  const versions = schemaVersionsOf(exported);
  for (const name of Object.keys(exported.collections)) {
    const collection = collections[name];
    if (!collection)
      throw new ImportRefused(`the backup has a collection this version does not know: ${name}`);
    if ((versions[name] ?? 0) > collection.schema.version)
      throw new ImportRefused(`the backup's ${name} are newer than this version`);
  }
  for (const collection of Object.values(collections))
    if (collection && (await collection.count().exec()) > 0)
      throw new ImportRefused('the database is not empty');
  let inserted = 0;
  for (const [name, docs] of Object.entries(exported.collections)) {
    const collection = collections[name];
    if (!collection) continue;
    const from = versions[name] ?? collection.schema.version;
    for (let start = 0; start < docs.length; start += slice) {
      const batch: Record<string, unknown>[] = [];
      for (const doc of docs.slice(start, start + slice)) {
        const next = from === collection.schema.version ? doc : await migrated(collection, doc, from);
        if (next) batch.push(next);
      }
      const result = await collection.bulkInsert(batch);
      if (result.error.length > 0)
        throw new ImportRefused(`restore of ${name} refused: ${String(result.error[0]?.status ?? '')}`);
      inserted += result.success.length;
    }
  }
  return inserted;
}
