import type { RxCollection } from 'rxdb';
import type { JsonValue } from '../../../shared/encoding/canonicalJson';
import type { DocumentMeta } from '../documentMeta';
import type { HocbaCollections, HocbaDatabase } from '../database';
import { appendAuditEvents, chainHead, withAuditLock, type DocumentChanges } from './auditLog';
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

function collectionOf<K extends EditableCollection>(
  database: HocbaDatabase,
  name: K,
): RxCollection<DocOf<K>> {
  return database[name] as unknown as RxCollection<DocOf<K>>;
}

const primaryOf = (doc: unknown): string => (doc as { id: string }).id;

/**
 * Changes documents of one collection and records every changed field in the audit chain, under
 * the device's audit lock: the events are appended first, then the documents are written, so no
 * change reaches the database without its record. A paste or an undo is one call, one lock.
 */
export async function auditedWriteMany<K extends EditableCollection>(
  database: HocbaDatabase,
  context: WriteContext,
  collectionName: K,
  writes: readonly DocumentWrite<K>[],
): Promise<WriteResult> {
  const collection = collectionOf(database, collectionName);
  return withAuditLock(context.deviceId, async () => {
    // The documents and the chain head are read together: one round of IndexedDB reads per save.
    const [found, head] = await Promise.all([
      collection.findByIds([...new Set(writes.map((write) => write.target.docId))]).exec(),
      chainHead(database, context.deviceId),
    ]);
    const working = new Map<string, DocOf<K>>();
    for (const [id, doc] of found) working.set(id, doc.toMutableJSON());
    const documents: DocumentChanges[] = [];
    const allChanges: FieldChange[] = [];
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
    if (documents.length === 0) return { changes: [] };
    const meta: Pick<DocumentMeta, 'updatedAt' | 'updatedBy'> = {
      updatedAt: context.now().toISOString(),
      updatedBy: context.actor.userId,
    };
    await appendAuditEvents(database, context, documents, head);
    const changedIds = new Set(documents.map((document) => document.docId));
    const upserts = [...working]
      .filter(([id]) => changedIds.has(id))
      .map(([, doc]) => ({ ...(doc as object), ...meta }) as DocOf<K>);
    const result = await collection.bulkUpsert(upserts);
    if (result.error.length > 0)
      throw new Error(`${result.error.length} documents refused by ${collectionName}`);
    return { changes: allChanges };
  });
}

/** A new document to insert in bulk, and whom it concerns. */
export type BulkDocument<K extends EditableCollection> = {
  readonly doc: DocOf<K>;
  readonly studentId: string;
  readonly classId: string;
};

/**
 * Inserts many new documents in one step or not at all (a class list, a sample school): if any
 * already exists nothing is written; if the database refuses any, the ones written are removed
 * again. Each document is one audit event (field `*`, its content as the new value).
 */
export async function auditedBulkInsert<K extends EditableCollection>(
  database: HocbaDatabase,
  context: WriteContext,
  collectionName: K,
  documents: readonly BulkDocument<K>[],
): Promise<void> {
  const collection = collectionOf(database, collectionName);
  await withAuditLock(context.deviceId, async () => {
    const existing = await collection.findByIds(documents.map(({ doc }) => primaryOf(doc))).exec();
    if (existing.size > 0) throw new Error(`${existing.size} documents already exist in ${collectionName}`);
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
