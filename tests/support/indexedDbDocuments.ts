import type { Page } from 'playwright-core';
import { databaseKeyFromPage, openedRows } from './sealedRows';

/**
 * Every document the page's RxDB databases hold in IndexedDB (Dexie storage: one IndexedDB
 * database per collection, named `…--<collection>`), read straight from the store, keyed by
 * collection and sorted by id, without RxDB's bookkeeping (`_meta`, `_rev`), which a restore
 * writes anew.
 */
export async function indexedDbDocuments(page: Page): Promise<Record<string, Record<string, unknown>[]>> {
  const stored = await page.evaluate(async () => {
    const result: Record<string, { database: string; rows: Record<string, unknown>[] }> = {};
    for (const info of await indexedDB.databases()) {
      const name = info.name ?? '';
      const match = /^rxdb-dexie-(.+)--\d+--([a-zA-Z]+)$/.exec(name);
      const database = match?.[1];
      const collection = match?.[2];
      if (!database || !collection) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(new Error('open failed'));
      });
      if (!db.objectStoreNames.contains('docs')) {
        db.close();
        continue;
      }
      const rows = await new Promise<Record<string, unknown>[]>((resolve, reject) => {
        const request = db.transaction('docs').objectStore('docs').getAll();
        request.onsuccess = () => resolve(request.result as Record<string, unknown>[]);
        request.onerror = () => reject(new Error('read failed'));
      });
      db.close();
      result[collection] = {
        database,
        rows: rows
          .filter((row) => row._deleted !== true)
          .map(({ _meta: _m, _rev: _r, ...doc }) => doc)
          .sort((a, b) => String(a.id).localeCompare(String(b.id))),
      };
    }
    return result;
  });
  // Sealed at rest under each desktop's own key: compared as the app reads them.
  const opened: Record<string, Record<string, unknown>[]> = {};
  for (const [collection, { database, rows }] of Object.entries(stored))
    opened[collection] = openedRows(await databaseKeyFromPage(page, database), database, collection, rows);
  return opened;
}
