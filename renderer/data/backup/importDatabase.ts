import type { RxCollection } from 'rxdb';
import type { DatabaseExport } from '../../../shared/backup/databaseExport';
import type { HocbaDatabase } from '../database';

/** Inserted in slices so a school's 25,000 documents never make one giant transaction. */
const slice = 1000;

/**
 * Puts a backup's documents into a fresh, empty database of this version: every collection's
 * documents as they were, the audit events untouched, so the restored history verifies exactly
 * as it did. Refuses a database that already holds documents, and a collection this version does
 * not have.
 */
export async function importDatabase(database: HocbaDatabase, exported: DatabaseExport): Promise<number> {
  const collections = database.collections as unknown as Record<string, RxCollection | undefined>;
  for (const name of Object.keys(exported.collections))
    if (!collections[name])
      throw new Error(`the backup has a collection this version does not know: ${name}`);
  for (const collection of Object.values(collections))
    if (collection && (await collection.count().exec()) > 0) throw new Error('the database is not empty');
  let inserted = 0;
  for (const [name, docs] of Object.entries(exported.collections)) {
    const collection = collections[name];
    if (!collection) continue;
    for (let start = 0; start < docs.length; start += slice) {
      const result = await collection.bulkInsert(docs.slice(start, start + slice));
      if (result.error.length > 0)
        throw new Error(`restore of ${name} refused: ${result.error[0]?.status ?? ''}`);
      inserted += result.success.length;
    }
  }
  return inserted;
}
