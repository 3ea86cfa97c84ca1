/**
 * Runs inside the benchmark's Chromium page, installed before the app's own scripts (an init
 * script bundled by `pageProbeScript.ts`): it records long tasks from the first moment, and it
 * measures the raw IndexedDB limit on the documents the app stored, in the same page.
 *
 * The raw limit: the documents in the app's RxDB databases (Dexie keeps each collection in its own
 * IndexedDB database, `rxdb-dexie-<database>--<schema version>--<collection>`, documents in the
 * `docs` store) are read as stored, each paired with the audit event that created it, and written
 * with nothing but IndexedDB into one throwaway database with two object stores (documents,
 * audit events; no secondary indexes, default durability): in bulk, 1,000 pairs a transaction,
 * and then one transaction per document+event pair, as one keystroke would write it.
 */
import type {
  LongTask,
  PageProbe,
  ProbeWindow,
  RawBulkResult,
  RawSingleOptions,
  StoredSchool,
} from './pageProbeTypes';

const longTasks: LongTask[] = [];
try {
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
} catch {
  // No long-task timing in this browser: the report says so (`longTasksSupported`).
}

const rawDatabaseName = 'hocba-bench-raw-limit';
const documentsStore = 'documents';
const eventsStore = 'auditEvents';

type Pair = { readonly key: string; readonly doc: unknown; readonly event: AuditEventLike };
type AuditEventLike = {
  readonly id: string;
  readonly field?: unknown;
  readonly old?: unknown;
  readonly collectionName?: unknown;
  readonly docId?: unknown;
};

let pairs: Pair[] = [];
let rawDatabase: IDBDatabase | undefined;

function requestResult<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

function transactionDone(transaction: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB transaction failed'));
    transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB transaction aborted'));
  });
}

function openDatabase(name: string, upgrade?: (database: IDBDatabase) => void): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = upgrade ? indexedDB.open(name, 1) : indexedDB.open(name);
    request.onupgradeneeded = () => upgrade?.(request.result);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error(`cannot open ${name}`));
    request.onblocked = () => reject(new Error(`opening ${name} is blocked`));
  });
}

async function deleteDatabase(name: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error ?? new Error(`cannot delete ${name}`));
  });
}

/** Every live document of one collection's Dexie database, keyed as stored. */
async function readCollection(name: string): Promise<{ keys: IDBValidKey[]; docs: unknown[] }> {
  const database = await openDatabase(name);
  try {
    const store = database.transaction('docs', 'readonly').objectStore('docs');
    const [keys, docs] = await Promise.all([
      requestResult(store.getAllKeys()),
      requestResult(store.getAll() as IDBRequest<unknown[]>),
    ]);
    return { keys, docs };
  } finally {
    database.close();
  }
}

const isDeleted = (doc: unknown): boolean =>
  typeof doc === 'object' && doc !== null && (doc as { _deleted?: unknown })._deleted === true;

async function readStoredSchool(databaseName: string): Promise<StoredSchool> {
  const prefix = `rxdb-dexie-${databaseName}--`;
  const names = (await indexedDB.databases())
    .map((info) => info.name ?? '')
    .filter((name) => name.startsWith(prefix));
  const byCollection = new Map<string, { keys: IDBValidKey[]; docs: unknown[] }>();
  for (const name of names) {
    // `<prefix><schema version>--<collection>`; RxDB's own stores (`_rxdb_internal`, local
    // documents `plugin-local-documents-…`) are no documents of the school.
    const collection = name.slice(prefix.length).split('--').slice(1).join('--');
    if (collection.startsWith('_') || collection.startsWith('plugin-')) continue;
    byCollection.set(collection, await readCollection(name));
  }
  const events = (byCollection.get('auditEvents')?.docs ?? []).filter(
    (doc): doc is AuditEventLike => !isDeleted(doc),
  );
  const creations = new Map<string, AuditEventLike>();
  for (const event of events)
    // A creation: the whole document as one change, from nothing (canonical JSON `null`).
    if (event.field === '*' && (event.old === 'null' || event.old === null)) {
      const key = `${String(event.collectionName)}/${String(event.docId)}`;
      if (!creations.has(key)) creations.set(key, event);
    }
  const collections: Record<string, number> = {};
  const found: Pair[] = [];
  let unpaired = 0;
  for (const [collection, { keys, docs }] of byCollection) {
    if (collection === 'auditEvents') continue;
    let count = 0;
    docs.forEach((doc, index) => {
      if (isDeleted(doc)) return;
      const stored = keys[index];
      const key = `${collection}/${typeof stored === 'string' ? stored : JSON.stringify(stored)}`;
      const event = creations.get(key) ?? events[found.length % Math.max(1, events.length)];
      if (!creations.has(key)) unpaired += 1;
      if (!event) return;
      found.push({ key, doc, event });
      count += 1;
    });
    collections[collection] = count;
  }
  pairs = found;
  return {
    databases: names.length,
    collections,
    documents: found.length,
    auditEvents: events.length,
    unpaired,
  };
}

async function openRaw(): Promise<IDBDatabase> {
  rawDatabase?.close();
  await deleteDatabase(rawDatabaseName);
  rawDatabase = await openDatabase(rawDatabaseName, (database) => {
    database.createObjectStore(documentsStore);
    database.createObjectStore(eventsStore);
  });
  return rawDatabase;
}

async function rawBulk(batchSize: number): Promise<RawBulkResult> {
  const database = await openRaw();
  const started = performance.now();
  let durability = '';
  for (let start = 0; start < pairs.length; start += batchSize) {
    const transaction = database.transaction([documentsStore, eventsStore], 'readwrite');
    durability = transaction.durability;
    const documents = transaction.objectStore(documentsStore);
    const events = transaction.objectStore(eventsStore);
    for (const pair of pairs.slice(start, start + batchSize)) {
      documents.put(pair.doc, pair.key);
      events.put(pair.event, pair.event.id);
    }
    await transactionDone(transaction);
  }
  return { pairs: pairs.length, batchSize, milliseconds: performance.now() - started, durability };
}

/**
 * One transaction per edit on the bulk-filled database: a changed copy of a stored document put
 * over its key, and a new audit event. Prefers subject results, the documents the grade book edits.
 */
async function rawSingles({ count, paceMs, round }: RawSingleOptions): Promise<number[]> {
  const database = rawDatabase;
  if (!database) throw new Error('run the bulk write first: the single writes go to the filled database');
  const edited = pairs.filter((pair) => pair.key.startsWith('subjectResults/'));
  const pool = edited.length > 0 ? edited : pairs;
  const durations: number[] = [];
  for (let index = 0; index < count; index += 1) {
    const pair = pool[(index * 7919) % pool.length];
    if (!pair) throw new Error('no stored documents to write');
    const doc = { ...(pair.doc as Record<string, unknown>), benchEdit: `${round}-${index}` };
    const event = { ...pair.event, id: `bench:${round}:${String(index).padStart(8, '0')}` };
    const started = performance.now();
    const transaction = database.transaction([documentsStore, eventsStore], 'readwrite');
    transaction.objectStore(documentsStore).put(doc, pair.key);
    transaction.objectStore(eventsStore).put(event, event.id);
    await transactionDone(transaction);
    durations.push(performance.now() - started);
    if (paceMs > 0) await new Promise((resolve) => setTimeout(resolve, paceMs));
  }
  return durations;
}

async function dropRaw(): Promise<boolean> {
  rawDatabase?.close();
  rawDatabase = undefined;
  pairs = [];
  await deleteDatabase(rawDatabaseName);
  const left = await indexedDB.databases();
  return !left.some((info) => info.name === rawDatabaseName);
}

const probe: PageProbe = {
  longTasksSupported: PerformanceObserver.supportedEntryTypes.includes('longtask'),
  longTasksBetween: (start, end) =>
    longTasks.filter((task) => task.start + task.duration > start && task.start < end),
  readStoredSchool,
  rawBulk,
  rawSingles,
  dropRaw,
};
(window as ProbeWindow).__hocbaBench = probe;
