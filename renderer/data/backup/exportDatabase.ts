import type { DatabaseExport } from '../../../shared/backup/databaseExport';
import type { HocbaDatabase } from '../database';
import { journalsSettled } from '../journal/writeJournal';

/**
 * Everything this desktop's database holds, as JSON for a backup: first the write journal is
 * applied (a saved edit still waiting in it is part of the data), then every collection's
 * documents without RxDB's bookkeeping and its schema version, the audit events exactly as stored.
 */
export async function exportDatabase(database: HocbaDatabase, deviceId: string): Promise<Uint8Array> {
  await journalsSettled();
  const collections: Record<string, Record<string, unknown>[]> = {};
  const schemaVersions: Record<string, number> = {};
  for (const [name, collection] of Object.entries(database.collections)) {
    const docs = await collection.find().exec();
    collections[name] = docs.map((doc) => doc.toMutableJSON(false) as Record<string, unknown>);
    schemaVersions[name] = collection.schema.version;
  }
  const exported: DatabaseExport = {
    format: 'hocba.database',
    version: 2,
    exportedAt: new Date().toISOString(),
    databaseName: database.name,
    deviceId,
    collections,
    schemaVersions,
  };
  return new TextEncoder().encode(JSON.stringify(exported));
}
