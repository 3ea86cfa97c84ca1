import type { JsonValue } from '../../../shared/encoding/canonicalJson';
import type { AuditEventDoc } from '../collections/auditEventsCollection';
import { openJson, sealJson, type DatabaseKey } from '../storage/fieldSeal';

/**
 * The write-ahead journal's storage: one plain IndexedDB database beside the RxDB database, with
 * these object stores, written together in one transaction per save:
 * - `entries`: each save's audit events, in order (keyed by the journal version the save made);
 * - `documents`: the newest state of each document a save changed and that is not yet in RxDB;
 * - `heads`: each device's audit chain head (sequence and hash of its last event);
 * - `marks`: how many times applied states were dropped, so a save that read a document from
 *   RxDB can tell whether the journal's newer state of it was dropped meanwhile;
 * - `versions`: the journal's version, one number that every transaction changing the journal
 *   moves on by adding the next one. A save computed from what a page believes (its version)
 *   adds the number after it: if anyone changed the journal since, that number is taken and the
 *   database aborts the transaction by itself, so that save needs no read and no round trip to
 *   the page before it commits (docs/decisions.md, "A typist's save is one write-only
 *   transaction").
 * A save is durable, and complete with its audit events, the moment that one transaction commits.
 *
 * Document states and audit events are kept sealed under the database key, as RxDB keeps them
 * (storage/fieldSeal.ts): each bound to its journal and its key or entry.
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

/**
 * A save the journal holds: what was written, under which entry, moving the journal from
 * version `from` to `entryId` (the next one).
 */
export type CommittedWrite = {
  readonly write: JournalWrite;
  readonly entryId: number;
  readonly from: number;
};

/** All the journal holds at one version: enough to compute the next save without reading it. */
export type KnownJournal = {
  readonly version: number;
  readonly documents: readonly JournalDocument[];
  readonly heads: readonly StoredChainHead[];
};

/** A save made after reading the journal: what it wrote (if anything) and the journal after it. */
export type ReadCommit = { readonly committed: CommittedWrite | undefined; readonly known: KnownJournal };

/** A change that moved the journal from version `from` to `from + 1`. */
export type VersionMove = { readonly from: number };

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

const version = 3;
const entriesStore = 'entries';
const documentsStore = 'documents';
const headsStore = 'heads';
/** `forgotten`: how many times applied states were dropped (a save read RxDB before that?). */
const marksStore = 'marks';
const forgottenMark = 'forgotten';
/** `busy`: 1 while a writer under the audit lock moves the head outside a save (bulk, reconcile). */
const busyMark = 'busy';

/** `versions`: the journal's version is its highest number (0 when empty). */
const versionsStore = 'versions';

const allStores = [entriesStore, documentsStore, headsStore, marksStore, versionsStore];
type Mark = { readonly name: string; readonly count: number };

/** A document state as the `documents` store holds it (`state` in the clear only in journals written before sealing). */
type StoredJournalDocument = Omit<JournalDocument, 'state'> &
  ({ readonly sealedState: string } | { readonly state: JournalDocumentState });
/** An entry as the `entries` store holds it (`events` in the clear only in journals written before sealing). */
type StoredJournalEntry = { readonly id: number } & (
  { readonly sealedEvents: string } | { readonly events: readonly AuditEventDoc[] }
);

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
  private constructor(
    private readonly idb: IDBDatabase,
    private readonly name: string,
    private readonly key: DatabaseKey,
  ) {
    // Another page deleting or upgrading the journal: let it, this connection is done.
    idb.onversionchange = () => idb.close();
  }

  static async open(name: string, key: DatabaseKey): Promise<JournalStore> {
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
      if (!idb.objectStoreNames.contains(versionsStore)) {
        const versions = idb.createObjectStore(versionsStore, { keyPath: 'n' });
        // A journal from before versions: start after its last entry (entries are keyed by version).
        const last = request.transaction?.objectStore(entriesStore).openKeyCursor(null, 'prev');
        if (last)
          last.onsuccess = () => {
            const key = last.result?.key;
            if (typeof key === 'number') versions.put({ n: key });
          };
      }
    };
    return new JournalStore(await requestResult(request), name, key);
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
   * writes nothing; throwing aborts the transaction and rejects with that error. Resolves with
   * the save and all the journal holds after it, so the page can save the next one without
   * reading (`commitAssuming`).
   */
  commit(
    deviceId: string,
    keys: readonly string[],
    compute: (
      states: ReadonlyMap<string, JournalDocumentState>,
      head: StoredChainHead | undefined,
      forgotten: number,
    ) => JournalWrite | undefined,
  ): Promise<ReadCommit> {
    const transaction = this.idb.transaction(allStores, 'readwrite');
    const wanted = new Set(keys);
    let written: CommittedWrite | undefined;
    let failure: unknown;
    const documents = requestResult(
      transaction.objectStore(documentsStore).getAll() as IDBRequest<StoredJournalDocument[]>,
    ).then((stored) => stored.map((document) => this.openDocument(document)));
    const heads = requestResult(
      transaction.objectStore(headsStore).getAll() as IDBRequest<StoredChainHead[]>,
    );
    const known = Promise.all([
      documents,
      heads,
      this.readInto(transaction, deviceId),
      this.versionIn(transaction),
    ]).then(([held, allHeads, { head, forgotten, busy }, from]) => {
      // Called under the audit lock, where no one is inside a busy section: a mark left by a
      // writer that crashed is cleared.
      if (busy > 0) transaction.objectStore(marksStore).put({ name: busyMark, count: 0 });
      const states = new Map(
        held.filter((document) => wanted.has(document.key)).map((document) => [document.key, document.state]),
      );
      let write: JournalWrite | undefined;
      try {
        write = compute(states, head, forgotten);
      } catch (error) {
        failure = error;
        transaction.abort();
        return undefined;
      }
      if (!write) return { version: from, documents: held, heads: allHeads };
      const entryId = this.moveVersionIn(transaction, from);
      const newDocuments = this.writeIn(transaction, write, entryId);
      written = { write, entryId, from };
      const replaced = new Set(newDocuments.map((document) => document.key));
      return {
        version: entryId,
        documents: [...held.filter((document) => !replaced.has(document.key)), ...newDocuments],
        heads: [...allHeads.filter((other) => other.deviceId !== write.head.deviceId), write.head],
      };
    });
    return transactionDone(transaction).then(
      async () => {
        const after = await known;
        if (!after) throw new Error('the journal transaction committed without its reads');
        return { committed: written, known: after };
      },
      (error: unknown) => {
        throw failure ?? error;
      },
    );
  }

  /**
   * The same save, computed beforehand from what this page believes the journal holds at version
   * `assumed`: a write-only transaction, committed at once, that takes version `assumed + 1`. If
   * the journal changed since (another window saved, an apply dropped states, a bulk writer
   * marked itself busy), that version is taken, the database aborts the transaction, and this
   * rejects with `JournalBeliefOutdated`: compute again with `commit`.
   */
  commitAssuming(assumed: number, write: JournalWrite): Promise<CommittedWrite> {
    const transaction = this.idb.transaction(allStores, 'readwrite');
    const entryId = this.moveVersionIn(transaction, assumed);
    this.writeIn(transaction, write, entryId);
    transaction.commit();
    return transactionDone(transaction).then(
      () => ({ write, entryId, from: assumed }),
      (error: unknown) => {
        if (error instanceof DOMException && error.name === 'ConstraintError')
          throw new JournalBeliefOutdated();
        throw error;
      },
    );
  }

  /** The journal's version, read inside `transaction`. */
  private versionIn(transaction: IDBTransaction): Promise<number> {
    const cursor = transaction.objectStore(versionsStore).openKeyCursor(null, 'prev');
    return requestResult(cursor).then((last) => (typeof last?.key === 'number' ? last.key : 0));
  }

  /**
   * Moves the journal from version `from` to the next: adds that number (refused, aborting the
   * transaction, if it is taken) and drops the older ones. Returns the new version.
   */
  private moveVersionIn(transaction: IDBTransaction, from: number): number {
    const versions = transaction.objectStore(versionsStore);
    versions.add({ n: from + 1 });
    versions.delete(IDBKeyRange.upperBound(from));
    return from + 1;
  }

  /** The journal's version now. */
  async version(): Promise<number> {
    const transaction = this.idb.transaction(versionsStore, 'readonly');
    return await this.versionIn(transaction);
  }

  /** Reads the device's head and the two marks; resolves once all answered. */
  private readInto(
    transaction: IDBTransaction,
    deviceId: string,
  ): Promise<{
    readonly head: StoredChainHead | undefined;
    readonly forgotten: number;
    readonly busy: number;
  }> {
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
  async setBusy(busy: boolean): Promise<VersionMove> {
    const transaction = this.idb.transaction([marksStore, versionsStore], 'readwrite');
    const done = transactionDone(transaction);
    transaction.objectStore(marksStore).put({ name: busyMark, count: busy ? 1 : 0 });
    const from = await this.moveVersionAfterReading(transaction);
    await done;
    return { from };
  }

  /** Reads the version inside `transaction` and moves it on; resolves with the version read. */
  private async moveVersionAfterReading(transaction: IDBTransaction): Promise<number> {
    const from = await this.versionIn(transaction);
    this.moveVersionIn(transaction, from);
    return from;
  }

  /** How many times applied states were dropped so far. */
  async forgottenCount(): Promise<number> {
    const transaction = this.idb.transaction(marksStore, 'readonly');
    const read = transaction.objectStore(marksStore).get(forgottenMark) as IDBRequest<Mark | undefined>;
    return (await requestResult(read))?.count ?? 0;
  }

  /** Writes the entry, its documents under the entry's id, and the new head; returns the documents. */
  private writeIn(transaction: IDBTransaction, write: JournalWrite, entryId: number): JournalDocument[] {
    const documents = transaction.objectStore(documentsStore);
    const entry: StoredJournalEntry = {
      id: entryId,
      sealedEvents: sealJson(this.key, write.events, this.entryBinding(entryId)),
    };
    transaction.objectStore(entriesStore).add(entry);
    transaction.objectStore(headsStore).put(write.head);
    return write.documents.map((document) => {
      const written = { ...document, key: journalKeyOf(document.collectionName, document.docId), entryId };
      const { state, ...rest } = written;
      const stored: StoredJournalDocument = {
        ...rest,
        sealedState: sealJson(this.key, state, this.documentBinding(written.key)),
      };
      documents.put(stored);
      return written;
    });
  }

  private entryBinding(entryId: number): string {
    return `${this.name}/entries/${String(entryId)}`;
  }

  private documentBinding(key: string): string {
    return `${this.name}/documents/${key}`;
  }

  private openDocument(stored: StoredJournalDocument): JournalDocument {
    if ('state' in stored) return stored;
    const { sealedState, ...rest } = stored;
    return {
      ...rest,
      state: openJson(this.key, sealedState, this.documentBinding(stored.key)) as JournalDocumentState,
    };
  }

  private openEntry(stored: StoredJournalEntry): JournalEntry {
    if ('events' in stored) return stored;
    return {
      id: stored.id,
      events: openJson(this.key, stored.sealedEvents, this.entryBinding(stored.id)) as AuditEventDoc[],
    };
  }

  /** Everything not yet applied to RxDB: the entries in order and the newest document states. */
  async snapshot(): Promise<JournalSnapshot> {
    const transaction = this.idb.transaction([entriesStore, documentsStore], 'readonly');
    const [entries, documents] = await Promise.all([
      requestResult(transaction.objectStore(entriesStore).getAll() as IDBRequest<StoredJournalEntry[]>),
      requestResult(transaction.objectStore(documentsStore).getAll() as IDBRequest<StoredJournalDocument[]>),
    ]);
    return {
      entries: entries.map((entry) => this.openEntry(entry)),
      documents: documents.map((document) => this.openDocument(document)),
    };
  }

  /**
   * Drops what a snapshot held once it is in RxDB: its entries and the states they wrote, and
   * counts the drop in the `forgotten` mark. Resolves with the new count and the version move.
   */
  async forget(
    snapshot: JournalSnapshot,
  ): Promise<(VersionMove & { readonly forgotten: number }) | undefined> {
    const last = snapshot.entries.at(-1)?.id;
    if (last === undefined) return undefined;
    const transaction = this.idb.transaction(
      [entriesStore, documentsStore, marksStore, versionsStore],
      'readwrite',
    );
    const done = transactionDone(transaction);
    const moved = this.moveVersionAfterReading(transaction);
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
      if ((current.value as StoredJournalDocument).entryId <= last) current.delete();
      current.continue();
    };
    const from = await moved;
    await done;
    return { from, forgotten: count };
  }

  async head(deviceId: string): Promise<StoredChainHead | undefined> {
    const transaction = this.idb.transaction(headsStore, 'readonly');
    return await requestResult(
      transaction.objectStore(headsStore).get(deviceId) as IDBRequest<StoredChainHead | undefined>,
    );
  }

  async setHead(head: StoredChainHead): Promise<VersionMove> {
    const transaction = this.idb.transaction([headsStore, versionsStore], 'readwrite');
    const done = transactionDone(transaction);
    transaction.objectStore(headsStore).put(head);
    const from = await this.moveVersionAfterReading(transaction);
    await done;
    return { from };
  }
}
