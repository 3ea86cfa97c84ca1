import type { JsonValue } from '../../../shared/encoding/canonicalJson';
import type { AuditEventDoc } from '../collections/auditEventsCollection';

/**
 * The write-ahead journal's storage: one plain IndexedDB database beside the RxDB database, with
 * three object stores written together in one transaction per save:
 * - `entries`: each save's audit events, in order (auto-increment key);
 * - `documents`: the newest state of each document a save changed and that is not yet in RxDB;
 * - `heads`: each device's audit chain head (sequence and hash of its last event);
 * - `marks`: how many times applied states were dropped, so a save that read a document from
 *   RxDB can tell whether the journal's newer state of it was dropped meanwhile.
 * A save is durable, and complete with its audit events, the moment that one transaction commits.
 */

/** A document's full state (no RxDB internals), as the last save left it. */
export type JournalDocumentState = Readonly<Record<string, JsonValue>>;

export type JournalDocument = {
  /** `<collection>/<document id>`. */
  readonly key: string;
  readonly collectionName: string;
  readonly docId: string;
  readonly state: JournalDocumentState;
  /** The entry that wrote this state. */
  readonly entryId: number;
};

export type JournalEntry = {
  readonly id: number;
  readonly events: readonly AuditEventDoc[];
};

export type StoredChainHead = { readonly deviceId: string; readonly seq: number; readonly hash: string };

/** What a save writes, computed from what the journal holds at the moment it writes. */
export type JournalWrite = {
  readonly documents: readonly Omit<JournalDocument, 'entryId' | 'key'>[];
  readonly events: readonly AuditEventDoc[];
  readonly head: StoredChainHead;
};

/** A save the journal holds: what was written, under which entry. */
export type CommittedWrite = { readonly write: JournalWrite; readonly entryId: number };

/** What a page believed the journal held no longer holds (another window saved meanwhile). */
export class JournalBeliefOutdated extends Error {
  override name = 'JournalBeliefOutdated';
  constructor() {
    super('the journal changed since this page last read it');
  }
}

export type JournalSnapshot = {
  readonly entries: readonly JournalEntry[];
  readonly documents: readonly JournalDocument[];
};

const version = 2;
const entriesStore = 'entries';
const documentsStore = 'documents';
const headsStore = 'heads';
/** `forgotten`: how many times applied states were dropped (a save read RxDB before that?). */
const marksStore = 'marks';
const forgottenMark = 'forgotten';
/** `busy`: 1 while a writer under the audit lock moves the head outside a save (bulk, reconcile). */
const busyMark = 'busy';

const allStores = [entriesStore, documentsStore, headsStore, marksStore];
type Mark = { readonly name: string; readonly count: number };

export const journalKeyOf = (collectionName: string, docId: string): string => `${collectionName}/${docId}`;

function requestResult<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

function transactionDone(transaction: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB transaction aborted'));
    transaction.onerror = () => undefined;
  });
}

export function journalDatabaseNameOf(rxDatabaseName: string): string {
  return `${rxDatabaseName}--journal`;
}

export class JournalStore {
  private constructor(private readonly idb: IDBDatabase) {
    // Another page deleting or upgrading the journal: let it, this connection is done.
    idb.onversionchange = () => idb.close();
  }

  static async open(name: string): Promise<JournalStore> {
    const request = indexedDB.open(name, version);
    request.onupgradeneeded = () => {
      const idb = request.result;
      if (!idb.objectStoreNames.contains(entriesStore))
        idb.createObjectStore(entriesStore, { keyPath: 'id', autoIncrement: true });
      if (!idb.objectStoreNames.contains(documentsStore))
        idb.createObjectStore(documentsStore, { keyPath: 'key' });
      if (!idb.objectStoreNames.contains(headsStore))
        idb.createObjectStore(headsStore, { keyPath: 'deviceId' });
      if (!idb.objectStoreNames.contains(marksStore)) idb.createObjectStore(marksStore, { keyPath: 'name' });
    };
    return new JournalStore(await requestResult(request));
  }

  static async remove(name: string): Promise<void> {
    await requestResult(indexedDB.deleteDatabase(name));
  }

  close(): void {
    this.idb.close();
  }

  /**
   * One save, in one transaction: reads the journal's states of `keys` and the device's head,
   * calls `compute` with them (synchronously, inside the transaction, so nothing can come
   * between the read and the write), and writes what it returns. `compute` returning undefined
   * writes nothing; throwing aborts the transaction and rejects with that error.
   */
  commit(
    deviceId: string,
    keys: readonly string[],
    compute: (
      states: ReadonlyMap<string, JournalDocumentState>,
      head: StoredChainHead | undefined,
      forgotten: number,
    ) => JournalWrite | undefined,
  ): Promise<CommittedWrite | undefined> {
    const transaction = this.idb.transaction(allStores, 'readwrite');
    const states = new Map<string, JournalDocumentState>();
    let written: JournalWrite | undefined;
    let failure: unknown;
    const reads = this.readInto(transaction, deviceId, keys, (key, document) => {
      if (document) states.set(key, document.state);
    });
    const result = reads.then(({ head, forgotten, busy }) => {
      // Called under the audit lock, where no one is inside a busy section: a mark left by a
      // writer that crashed is cleared.
      if (busy > 0) transaction.objectStore(marksStore).put({ name: busyMark, count: 0 });
      try {
        written = compute(states, head, forgotten);
      } catch (error) {
        failure = error;
        transaction.abort();
        return undefined;
      }
      return written ? this.writeIn(transaction, written) : undefined;
    });
    return this.settle(transaction, result, () => failure);
  }

  /**
   * The same save in one round trip, computed beforehand from what this page believes the journal
   * holds (`assumed`: the device's head, and for each key the entry whose state it holds, or
   * undefined for none). The reads go out with the writes; if any read differs from the belief
   * (another window saved meanwhile), the transaction is aborted and this rejects with
   * `JournalBeliefOutdated`: compute again with `commit`.
   */
  commitAssuming(
    deviceId: string,
    assumed: {
      readonly head: StoredChainHead;
      readonly entries: ReadonlyMap<string, number | undefined>;
      readonly forgotten: number;
    },
    write: JournalWrite,
  ): Promise<CommittedWrite> {
    const transaction = this.idb.transaction(allStores, 'readwrite');
    let outdated = false;
    const check = (holds: boolean) => {
      if (holds || outdated) return;
      outdated = true;
      transaction.abort();
    };
    // Issued first, so their answers arrive before the entry's id and its states are written.
    void this.readInto(transaction, deviceId, [...assumed.entries.keys()], (key, document) =>
      check(document?.entryId === assumed.entries.get(key)),
    ).then(({ head, forgotten, busy }) =>
      check(
        head?.seq === assumed.head.seq &&
          head.hash === assumed.head.hash &&
          forgotten === assumed.forgotten &&
          busy === 0,
      ),
    );
    const result = this.writeIn(transaction, write);
    return this.settle(transaction, result, () => (outdated ? new JournalBeliefOutdated() : undefined)).then(
      (committed) => {
        if (!committed) throw new JournalBeliefOutdated();
        return committed;
      },
    );
  }

  /**
   * Reads each key's document, the device's head and the forgotten mark; resolves with the last
   * two once all answered (requests answer in order, so every document read has answered too).
   */
  private readInto(
    transaction: IDBTransaction,
    deviceId: string,
    keys: readonly string[],
    onDocument: (key: string, document: JournalDocument | undefined) => void,
  ): Promise<{
    readonly head: StoredChainHead | undefined;
    readonly forgotten: number;
    readonly busy: number;
  }> {
    const documents = transaction.objectStore(documentsStore);
    for (const key of keys) {
      const read = documents.get(key) as IDBRequest<JournalDocument | undefined>;
      read.onsuccess = () => onDocument(key, read.result);
    }
    const headRead = transaction.objectStore(headsStore).get(deviceId) as IDBRequest<
      StoredChainHead | undefined
    >;
    const markRead = transaction.objectStore(marksStore).get(forgottenMark) as IDBRequest<Mark | undefined>;
    const busyRead = transaction.objectStore(marksStore).get(busyMark) as IDBRequest<Mark | undefined>;
    return new Promise((resolve) => {
      busyRead.onsuccess = () =>
        resolve({
          head: headRead.result,
          forgotten: markRead.result?.count ?? 0,
          busy: busyRead.result?.count ?? 0,
        });
    });
  }

  /** Marks (or unmarks) a writer moving the head outside a save; saves without the lock then wait. */
  async setBusy(busy: boolean): Promise<void> {
    const transaction = this.idb.transaction(marksStore, 'readwrite');
    const done = transactionDone(transaction);
    transaction.objectStore(marksStore).put({ name: busyMark, count: busy ? 1 : 0 });
    await done;
  }

  /** How many times applied states were dropped so far. */
  async forgottenCount(): Promise<number> {
    const transaction = this.idb.transaction(marksStore, 'readonly');
    const read = transaction.objectStore(marksStore).get(forgottenMark) as IDBRequest<Mark | undefined>;
    return (await requestResult(read))?.count ?? 0;
  }

  /** Writes the entry, then its documents under the entry's id, and the new head. */
  private writeIn(transaction: IDBTransaction, write: JournalWrite): Promise<CommittedWrite> {
    const documents = transaction.objectStore(documentsStore);
    const added = transaction.objectStore(entriesStore).add({ events: write.events });
    transaction.objectStore(headsStore).put(write.head);
    return new Promise((resolve) => {
      added.onsuccess = () => {
        const entryId = added.result as number;
        for (const document of write.documents)
          documents.put({ ...document, key: journalKeyOf(document.collectionName, document.docId), entryId });
        resolve({ write, entryId });
      };
    });
  }

  /** The transaction's outcome: what was written once it commits, or the reason it aborted. */
  private settle<T>(
    transaction: IDBTransaction,
    written: Promise<T>,
    reason: () => unknown,
  ): Promise<T | undefined> {
    return transactionDone(transaction).then(
      async () => {
        // Resolved before commit (its writes were part of it), or never (nothing was written).
        return await Promise.race([written, Promise.resolve(undefined)]);
      },
      (error: unknown) => {
        throw reason() ?? error;
      },
    );
  }

  /** Everything not yet applied to RxDB: the entries in order and the newest document states. */
  async snapshot(): Promise<JournalSnapshot> {
    const transaction = this.idb.transaction([entriesStore, documentsStore], 'readonly');
    const [entries, documents] = await Promise.all([
      requestResult(transaction.objectStore(entriesStore).getAll() as IDBRequest<JournalEntry[]>),
      requestResult(transaction.objectStore(documentsStore).getAll() as IDBRequest<JournalDocument[]>),
    ]);
    return { entries, documents };
  }

  /**
   * Drops what a snapshot held once it is in RxDB: its entries and the states they wrote, and
   * counts the drop in the `forgotten` mark. Resolves with the new count.
   */
  async forget(snapshot: JournalSnapshot): Promise<number | undefined> {
    const last = snapshot.entries.at(-1)?.id;
    if (last === undefined) return undefined;
    const transaction = this.idb.transaction([entriesStore, documentsStore, marksStore], 'readwrite');
    const done = transactionDone(transaction);
    const marks = transaction.objectStore(marksStore);
    let count = 0;
    const markRead = marks.get(forgottenMark) as IDBRequest<Mark | undefined>;
    markRead.onsuccess = () => {
      count = (markRead.result?.count ?? 0) + 1;
      marks.put({ name: forgottenMark, count });
    };
    transaction.objectStore(entriesStore).delete(IDBKeyRange.upperBound(last));
    // A state written after the snapshot (by a later entry) stays until it is applied too.
    const cursor = transaction.objectStore(documentsStore).openCursor();
    cursor.onsuccess = () => {
      const current = cursor.result;
      if (!current) return;
      if ((current.value as JournalDocument).entryId <= last) current.delete();
      current.continue();
    };
    await done;
    return count;
  }

  async head(deviceId: string): Promise<StoredChainHead | undefined> {
    const transaction = this.idb.transaction(headsStore, 'readonly');
    return await requestResult(
      transaction.objectStore(headsStore).get(deviceId) as IDBRequest<StoredChainHead | undefined>,
    );
  }

  async setHead(head: StoredChainHead): Promise<void> {
    const transaction = this.idb.transaction(headsStore, 'readwrite');
    const done = transactionDone(transaction);
    transaction.objectStore(headsStore).put(head);
    await done;
  }
}
