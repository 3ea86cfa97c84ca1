import type { RxCollection } from 'rxdb';
import type { JsonValue } from '../../../shared/encoding/canonicalJson';
import type { DocumentMeta } from '../documentMeta';
import type { HocbaCollections, HocbaDatabase } from '../database';
import { genesisHash } from '../../../shared/audit/auditChain';
import { schemaProblemsOf } from '../journal/documentCheck';
import {
  JournalBeliefOutdated,
  journalKeyOf,
  type CommittedWrite,
  type JournalDocumentState,
  type JournalWrite,
  type StoredChainHead,
} from '../journal/journalStore';
import {
  applyJournal,
  applyJournalLocked,
  journalBeliefOf,
  journalOf,
  scheduleJournalApply,
  withJournalBusy,
} from '../journal/writeJournal';
import {
  appendAuditEvents,
  isChainHeadReconciled,
  reconcileChainHead,
  withAuditLock,
  type DocumentChanges,
} from './auditLog';
import { sealEventsAfter, sealingOf } from './sealEvents';
import { refuseUnlessAllowed } from './sharedWriteRules';
import { fieldChanges, type FieldChange } from './fieldChanges';
import type { WriteContext } from './writeContext';

/** The collections whose documents the app edits (audit events are insert-only). */
export type EditableCollection = Exclude<keyof HocbaCollections, 'auditEvents'>;
export type DocOf<K extends EditableCollection> =
  HocbaCollections[K] extends RxCollection<infer D> ? D : never;

export type WriteTarget<K extends EditableCollection> = {
  readonly docId: string;
  readonly studentId: string;
  readonly classId: string;
  /** What a document that does not exist yet starts as (its identity fields, nothing entered). */
  readonly blank: DocOf<K>;
};

/** One document to change: where, and how (`build` may throw WriteRefused to refuse). */
export type DocumentWrite<K extends EditableCollection> = {
  readonly target: WriteTarget<K>;
  readonly build: (current: DocOf<K>) => DocOf<K>;
};

export type WriteResult = { readonly changes: readonly FieldChange[] };

/**
 * When a write resolves: `durable` once its journal transaction committed (the grade book: the
 * cell shows the typed value meanwhile, and RxDB's queries see it a moment later); `visible` once
 * RxDB holds it too, so code that reads right after the write (setup, profiles) reads it back.
 */
export type WriteSettles = 'durable' | 'visible';

function collectionOf<K extends EditableCollection>(
  database: HocbaDatabase,
  name: K,
): RxCollection<DocOf<K>> {
  return database[name] as unknown as RxCollection<DocOf<K>>;
}

const primaryOf = (doc: unknown): string => (doc as { id: string }).id;

/**
 * Changes documents of one collection and records every changed field in the audit chain, in one
 * IndexedDB transaction of the write-ahead journal: when this resolves, the new documents and
 * their events are durable together (journal/writeJournal.ts), and RxDB receives both a moment
 * later. The documents are read under the device's audit lock (RxDB's cache, overlaid with what
 * the journal holds but RxDB does not yet), so the changes are computed from the latest state. A
 * paste or an undo is one call, one transaction.
 */
export async function auditedWriteMany<K extends EditableCollection>(
  database: HocbaDatabase,
  context: WriteContext,
  collectionName: K,
  writes: readonly DocumentWrite<K>[],
  settles: WriteSettles = 'visible',
): Promise<WriteResult> {
  const collection = collectionOf(database, collectionName);
  /**
   * One attempt. Without the lock (this page reconciled the head and knows the journal): the
   * one-round-trip save only, and `locked` is asked for when the journal is not as believed
   * (another window saved, an apply dropped states, a bulk writer is busy). With the lock: that,
   * then reading the journal and RxDB's storage until it holds.
   */
  const attempt = async (locked: boolean): Promise<WriteResult | 'locked'> => {
    if (locked) await reconcileChainHead(database, context.deviceId);
    const ids = [...new Set(writes.map((write) => write.target.docId))];
    const store = journalOf(database);
    const belief = journalBeliefOf(database);
    // Read before the documents: if the journal drops applied states after this, RxDB's copy
    // read below may be older than what was dropped, and the journal's version has moved on.
    const assumed = belief.versionFor(context.deviceId);
    // From RxDB's cache at once when it holds them all: the transaction then leaves inside the
    // key's own handler, before the frame that draws the key.
    let found = cachedDocuments(collection, ids) ?? (await currentDocuments(collection, ids, 'cache'));
    const meta: Pick<DocumentMeta, 'updatedAt' | 'updatedBy'> = {
      updatedAt: context.now().toISOString(),
      updatedBy: context.actor.userId,
    };
    let allChanges: FieldChange[] = [];
    const keys = ids.map((id) => journalKeyOf(collectionName, id));
    const compute = (
      journaled: ReadonlyMap<string, JournalDocumentState>,
      storedHead: StoredChainHead | undefined,
    ): JournalWrite | undefined => {
      const working = new Map<string, DocOf<K>>();
      for (const [id, doc] of found) working.set(id, doc);
      for (const id of ids) {
        const state = journaled.get(journalKeyOf(collectionName, id));
        if (state) working.set(id, state as unknown as DocOf<K>);
      }
      const stored = new Map(working);
      const documents: DocumentChanges[] = [];
      allChanges = [];
      for (const { target, build } of writes) {
        const current = working.get(target.docId) ?? target.blank;
        const next = build(current);
        const changes = fieldChanges(current as unknown as JsonValue, next as unknown as JsonValue);
        if (changes.length === 0) continue;
        working.set(target.docId, next);
        documents.push({
          collectionName,
          docId: target.docId,
          studentId: target.studentId,
          classId: target.classId,
          changes,
        });
        allChanges.push(...changes);
      }
      if (documents.length === 0) return undefined;
      const changedIds = new Set(documents.map((document) => document.docId));
      const states = [...working]
        .filter(([id]) => changedIds.has(id))
        .map(([docId, doc]) => {
          const state = { ...(doc as object), ...meta } as Record<string, JsonValue>;
          const problems = schemaProblemsOf(collection, state);
          if (problems.length > 0)
            throw new Error(`${collectionName} ${docId} breaks its schema: ${problems.join('; ')}`);
          refuseUnlessAllowed(
            context,
            collectionName,
            stored.get(docId) ?? null,
            state as unknown as DocOf<K>,
          );
          return { collectionName, docId, state };
        });
      const head = storedHead ?? { seq: 0, hash: genesisHash };
      const sealed = sealEventsAfter(sealingOf(context), documents, head);
      return {
        documents: states,
        events: sealed.events,
        head: { deviceId: context.deviceId, ...sealed.head },
      };
    };
    let committed: CommittedWrite | undefined;
    // This page usually knows what the journal holds (it wrote it): one write-only transaction.
    const head = belief.headOf(context.deviceId);
    if (assumed !== undefined && head) {
      const write = compute(belief.statesOf(keys), head);
      if (!write) return { changes: [] };
      try {
        committed = await store.commitAssuming(assumed, write);
        belief.noteCommitted(committed);
      } catch (error) {
        if (!(error instanceof JournalBeliefOutdated)) throw error;
        // Someone else moved the journal on (not this page's own save): read it again.
        if (belief.versionFor(context.deviceId) === assumed) belief.forget();
      }
    }
    if (!committed && !locked) return 'locked';
    // Otherwise read what the journal holds, and RxDB again, until no apply came in between.
    for (let attempt = 0; !committed; attempt += 1) {
      if (attempt === maxReadAttempts) throw new Error('the write journal kept changing while saving');
      const before = await store.forgottenCount();
      found = await currentDocuments(collection, ids, 'storage');
      const read = { stale: false };
      const result = await store.commit(context.deviceId, keys, (states, storedHead, forgotten) => {
        read.stale = forgotten !== before;
        return read.stale ? undefined : compute(states, storedHead);
      });
      if (wasStale(read)) continue;
      belief.learn(result.known);
      if (!result.committed) return { changes: [] };
      committed = result.committed;
    }
    return { changes: allChanges };
  };
  // A typist's saves skip the Web Lock: waiting for its grant means waiting behind the frame
  // that draws the key (docs/decisions.md); the journal's transaction checks what was assumed.
  let result =
    isChainHeadReconciled(database, context.deviceId) && settles === 'durable'
      ? await attempt(false)
      : ('locked' as const);
  if (result === 'locked') result = await withAuditLock(context.deviceId, () => attempt(true));
  if (result === 'locked') throw new Error('a save under the audit lock asked for the lock');
  if (result.changes.length === 0) return result;
  if (settles === 'durable') scheduleJournalApply(database, context.deviceId);
  else await applyJournal(database, context.deviceId);
  return result;
}

export type BulkInsertOptions = {
  /**
   * Leave documents that already exist alone instead of refusing the whole step (a sample
   * school's results loading while a teacher already edits some of them).
   */
  readonly skipExisting?: boolean;
  /** Called after each chunk is stored, with how many documents of this call are stored so far. */
  readonly onProgress?: (written: number) => void;
  /**
   * Documents per chunk (default 1,000): smaller chunks let a progress bar move more often and
   * keep each chunk's main-thread work short, at some cost per transaction.
   */
  readonly chunkSize?: number;
};

/** A new document to insert in bulk, and whom it concerns. */
export type BulkDocument<K extends EditableCollection> = {
  readonly doc: DocOf<K>;
  readonly studentId: string;
  readonly classId: string;
};

/** Applies meeting a save between its reads, more than this in a row, is not a busy journal. */
const maxReadAttempts = 8;

const rxdbInternals = new Set(['_rev', '_meta', '_attachments', '_deleted']);

/** A stored document without RxDB's own fields (revision, meta, attachments, deleted flag). */
const withoutInternals = (doc: object): Record<string, unknown> =>
  Object.fromEntries(Object.entries(doc).filter(([key]) => !rxdbInternals.has(key)));

/**
 * The stored documents from RxDB's document cache, synchronously, if it holds every one of them
 * (the documents of an open grade book: its query keeps them); undefined if any is missing (not
 * cached, or not created yet): read them with `currentDocuments`. This is the cache `findByIds`
 * looks in first, kept current by the collection's change events.
 */
function cachedDocuments<K extends EditableCollection>(
  collection: RxCollection<DocOf<K>>,
  ids: readonly string[],
): Map<string, DocOf<K>> | undefined {
  const found = new Map<string, DocOf<K>>();
  for (const id of ids) {
    const data = collection._docCache.getLatestDocumentDataIfExists(id);
    if (!data) return undefined;
    if (!data._deleted) found.set(id, withoutInternals(data) as DocOf<K>);
  }
  return found;
}

/**
 * The stored documents: from RxDB's cache (kept current by its change events, so right unless
 * another window wrote a moment ago), or from storage itself (always right; for the second look
 * after the journal changed under a save).
 */
async function currentDocuments<K extends EditableCollection>(
  collection: RxCollection<DocOf<K>>,
  ids: readonly string[],
  from: 'cache' | 'storage',
): Promise<Map<string, DocOf<K>>> {
  if (from === 'cache') {
    const found = await collection.findByIds([...ids]).exec();
    return new Map([...found].map(([id, doc]) => [id, doc.toMutableJSON()]));
  }
  const stored = await collection.storageInstance.findDocumentsById([...ids], false);
  return new Map(stored.map((doc) => [primaryOf(doc), withoutInternals(doc) as DocOf<K>]));
}

/** Set inside the journal transaction's callback (no narrowing across it). */
const wasStale = (read: { readonly stale: boolean }): boolean => read.stale;

/** Read through a call, since the write that sets it runs concurrently (no narrowing). */
const failedYet = (outcome: { readonly failure?: Error }): boolean => outcome.failure !== undefined;

/** Documents per chunk by default: one RxDB transaction for their events, one for themselves. */
const defaultBulkChunkSize = 1_000;

function creationOf<K extends EditableCollection>(
  collectionName: K,
  { doc, studentId, classId }: BulkDocument<K>,
): DocumentChanges {
  const {
    updatedAt: _at,
    updatedBy: _by,
    rev: _rev,
    ...content
  } = doc as unknown as Record<string, JsonValue>;
  return {
    collectionName,
    docId: primaryOf(doc),
    studentId,
    classId,
    changes: [{ field: '*', old: null, new: content }],
  };
}

function removalOfCreated<K extends EditableCollection>(
  collectionName: K,
  { doc, studentId, classId }: BulkDocument<K>,
): DocumentChanges {
  const id = primaryOf(doc);
  return { collectionName, docId: id, studentId, classId, changes: [{ field: '*', old: { id }, new: null }] };
}

/** The documents of `given` that do not exist yet (none are read when the collection is empty). */
async function notYetStored<K extends EditableCollection>(
  collection: RxCollection<DocOf<K>>,
  given: readonly BulkDocument<K>[],
): Promise<{ readonly fresh: readonly BulkDocument<K>[]; readonly existing: number }> {
  if ((await collection.count().exec()) === 0) return { fresh: given, existing: 0 };
  const existing = await collection.findByIds(given.map(({ doc }) => primaryOf(doc))).exec();
  if (existing.size === 0) return { fresh: given, existing: 0 };
  return { fresh: given.filter(({ doc }) => !existing.has(primaryOf(doc))), existing: existing.size };
}

/**
 * Inserts many new documents in one step or not at all (a class list, a sample school), straight
 * into RxDB: if any already exists nothing is written (unless `skipExisting`); if the database
 * refuses any, every document this call wrote is removed again, and the chain says so. Each
 * document is one audit event (field `*`, its content as the new value).
 *
 * Written in chunks, pipelined: a chunk's events are stored before its documents are written, and
 * the next chunk's events are hashed and stored while the previous chunk's documents are being
 * written, so the chain always leads (no document without its event) and the two RxDB databases
 * work at the same time.
 */
export async function auditedBulkInsert<K extends EditableCollection>(
  database: HocbaDatabase,
  context: WriteContext,
  collectionName: K,
  given: readonly BulkDocument<K>[],
  options: BulkInsertOptions = {},
): Promise<void> {
  const collection = collectionOf(database, collectionName);
  await withAuditLock(context.deviceId, () =>
    withJournalBusy(database, () =>
      insertLocked(database, context, collection, collectionName, given, options),
    ),
  );
}

async function insertLocked<K extends EditableCollection>(
  database: HocbaDatabase,
  context: WriteContext,
  collection: RxCollection<DocOf<K>>,
  collectionName: K,
  given: readonly BulkDocument<K>[],
  options: BulkInsertOptions,
): Promise<void> {
  {
    // Edits still in the journal come first, so the check below sees them.
    await applyJournalLocked(database);
    const { fresh, existing } = await notYetStored(collection, given);
    if (existing > 0 && !options.skipExisting)
      throw new Error(`${existing} documents already exist in ${collectionName}`);
    /** Documents whose creation the chain records, and those of them stored. */
    const announced: BulkDocument<K>[] = [];
    const written: BulkDocument<K>[] = [];
    // Set by a chunk's document write, which runs while the next chunk's events are stored.
    const outcome: { failure?: Error } = {};
    let inFlight: Promise<void> = Promise.resolve();
    const insertChunk = async (chunk: readonly BulkDocument<K>[]) => {
      const result = await collection.bulkInsert(chunk.map(({ doc }) => doc));
      const stored = new Set(result.success.map((doc) => primaryOf(doc)));
      written.push(...chunk.filter(({ doc }) => stored.has(primaryOf(doc))));
      if (result.error.length > 0)
        outcome.failure ??= new Error(`${result.error.length} documents refused by ${collectionName}`);
      options.onProgress?.(written.length);
    };
    const chunkSize = Math.max(1, Math.floor(options.chunkSize ?? defaultBulkChunkSize));
    for (let start = 0; start < fresh.length && !outcome.failure; start += chunkSize) {
      const chunk = fresh.slice(start, start + chunkSize);
      await appendAuditEvents(
        database,
        context,
        chunk.map((document) => creationOf(collectionName, document)),
      );
      announced.push(...chunk);
      await inFlight;
      if (failedYet(outcome)) break;
      inFlight = insertChunk(chunk);
    }
    await inFlight;
    const { failure } = outcome;
    if (!failure) return;
    // The chain already says these were created: take them back out, and record that.
    await collection.bulkRemove(written.map(({ doc }) => primaryOf(doc)));
    await appendAuditEvents(
      database,
      context,
      announced.map((document) => removalOfCreated(collectionName, document)),
    );
    throw new Error(`${failure.message}; the ${written.length} written were removed`);
  }
}
