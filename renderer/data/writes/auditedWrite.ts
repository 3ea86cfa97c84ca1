import type { RxCollection } from 'rxdb';
import type { JsonValue } from '../../../shared/encoding/canonicalJson';
import type { DocumentMeta } from '../documentMeta';
import type { HocbaCollections, HocbaDatabase } from '../database';
import { genesisHash } from '../../../shared/audit/auditChain';
import { schemaProblemsOf } from '../journal/documentCheck';
import { journalKeyOf } from '../journal/journalStore';
import { applyJournal, applyJournalLocked, journalOf, scheduleJournalApply } from '../journal/writeJournal';
import {
  appendAuditEvents,
  reconcileChainHead,
  sealEventsAfter,
  withAuditLock,
  type DocumentChanges,
} from './auditLog';
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
  const result = await withAuditLock(context.deviceId, async () => {
    await reconcileChainHead(database, context.deviceId);
    const ids = [...new Set(writes.map((write) => write.target.docId))];
    const found = await collection.findByIds(ids).exec();
    const meta: Pick<DocumentMeta, 'updatedAt' | 'updatedBy'> = {
      updatedAt: context.now().toISOString(),
      updatedBy: context.actor.userId,
    };
    let allChanges: FieldChange[] = [];
    await journalOf(database).commit(
      context.deviceId,
      ids.map((id) => journalKeyOf(collectionName, id)),
      (journaled, storedHead) => {
        const working = new Map<string, DocOf<K>>();
        for (const [id, doc] of found) working.set(id, doc.toMutableJSON());
        for (const id of ids) {
          const state = journaled.get(journalKeyOf(collectionName, id));
          if (state) working.set(id, state as unknown as DocOf<K>);
        }
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
            return { collectionName, docId, state };
          });
        const head = storedHead ?? { seq: 0, hash: genesisHash };
        const sealed = sealEventsAfter(context, documents, head);
        return {
          documents: states,
          events: sealed.events,
          head: { deviceId: context.deviceId, ...sealed.head },
        };
      },
    );
    return { changes: allChanges };
  });
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
};

/** A new document to insert in bulk, and whom it concerns. */
export type BulkDocument<K extends EditableCollection> = {
  readonly doc: DocOf<K>;
  readonly studentId: string;
  readonly classId: string;
};

/**
 * Inserts many new documents in one step or not at all (a class list, a sample school), straight
 * into RxDB (events first): if any already exists nothing is written (unless `skipExisting`); if the database refuses any, the ones written are removed
 * again. Each document is one audit event (field `*`, its content as the new value).
 */
export async function auditedBulkInsert<K extends EditableCollection>(
  database: HocbaDatabase,
  context: WriteContext,
  collectionName: K,
  given: readonly BulkDocument<K>[],
  options: BulkInsertOptions = {},
): Promise<void> {
  const collection = collectionOf(database, collectionName);
  await withAuditLock(context.deviceId, async () => {
    // Edits still in the journal come first, so the check below sees them.
    await applyJournalLocked(database);
    const existing = await collection.findByIds(given.map(({ doc }) => primaryOf(doc))).exec();
    if (existing.size > 0 && !options.skipExisting)
      throw new Error(`${existing.size} documents already exist in ${collectionName}`);
    const documents = existing.size > 0 ? given.filter(({ doc }) => !existing.has(primaryOf(doc))) : given;
    if (documents.length === 0) return;
    await appendAuditEvents(
      database,
      context,
      documents.map(({ doc, studentId, classId }) => {
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
      }),
    );
    const result = await collection.bulkInsert([...documents.map(({ doc }) => doc)]);
    if (result.error.length > 0) {
      const written = result.success.map((doc) => primaryOf(doc));
      await collection.bulkRemove(written);
      // The chain already says these were created: record that they were taken back out.
      const byId = new Map(documents.map((document) => [primaryOf(document.doc), document]));
      await appendAuditEvents(
        database,
        context,
        written.map((id) => ({
          collectionName,
          docId: id,
          studentId: byId.get(id)?.studentId ?? '',
          classId: byId.get(id)?.classId ?? '',
          changes: [{ field: '*', old: { id }, new: null }],
        })),
      );
      throw new Error(
        `${result.error.length} documents refused by ${collectionName}; the ${written.length} written were removed`,
      );
    }
  });
}
