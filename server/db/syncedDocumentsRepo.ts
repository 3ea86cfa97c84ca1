import { z } from 'zod';
import type { SchoolId } from '../../shared/domain/ids';
import type { SyncedCollection } from '../../shared/sync/syncWire';
import type { Queryable } from './database';

/** A synced document as the server holds it: the body the desktop pushed, and whether it is deleted. */
export type StoredSyncedDocument = {
  readonly docId: string;
  readonly seq: number;
  readonly deleted: boolean;
  readonly body: Record<string, unknown>;
};

const storedRow = z.object({
  doc_id: z.string(),
  seq: z.coerce.number().int().positive(),
  deleted: z.boolean(),
  body: z.record(z.string(), z.unknown()),
});
const ofRow = (row: Record<string, unknown>): StoredSyncedDocument => {
  const parsed = storedRow.parse(row);
  return { docId: parsed.doc_id, seq: parsed.seq, deleted: parsed.deleted, body: parsed.body };
};

/**
 * Takes the school's sync head and holds it to the end of the transaction: every push of the
 * school waits here for the one before it to commit, so sequence numbers commit in order and a
 * pull never skips a row (migration 0004). Answers the last sequence number given out.
 */
export async function lockSyncHead(tx: Queryable, schoolId: SchoolId): Promise<number> {
  const rows = await tx.query(
    `insert into sync_heads (school_id, seq) values ($1, 0)
     on conflict (school_id) do update set seq = sync_heads.seq
     returning seq::text as seq`,
    [schoolId],
  );
  return z.coerce.number().int().min(0).parse(rows[0]?.seq);
}

export async function advanceSyncHead(tx: Queryable, schoolId: SchoolId, seq: number): Promise<void> {
  await tx.query('update sync_heads set seq = $2 where school_id = $1', [schoolId, String(seq)]);
}

/** The stored documents of these ids (absent ids are not in the answer). */
export async function getSyncedDocuments(
  db: Queryable,
  schoolId: SchoolId,
  collection: SyncedCollection,
  docIds: readonly string[],
): Promise<Map<string, StoredSyncedDocument>> {
  if (docIds.length === 0) return new Map();
  const rows = await db.query(
    `select doc_id, seq::text as seq, deleted, body from synced_documents
     where school_id = $1 and collection = $2 and doc_id = any($3::text[])`,
    [schoolId, collection, docIds],
  );
  return new Map(rows.map((row) => ofRow(row)).map((doc) => [doc.docId, doc]));
}

/** Stores documents (new or replacing), each under its own new sequence number, in one statement. */
export async function putSyncedDocuments(
  tx: Queryable,
  schoolId: SchoolId,
  collection: SyncedCollection,
  documents: readonly StoredSyncedDocument[],
  writtenBy: string,
  now: Date,
): Promise<void> {
  if (documents.length === 0) return;
  await tx.query(
    `insert into synced_documents (school_id, collection, doc_id, seq, deleted, body, written_by, written_at)
     select $1, $2, d.doc_id, d.seq, d.deleted, d.body, $7, $8
     from unnest($3::text[], $4::bigint[], $5::boolean[], $6::jsonb[]) as d(doc_id, seq, deleted, body)
     on conflict (school_id, collection, doc_id) do update set
       seq = excluded.seq, deleted = excluded.deleted, body = excluded.body,
       written_by = excluded.written_by, written_at = excluded.written_at`,
    [
      schoolId,
      collection,
      documents.map((doc) => doc.docId),
      documents.map((doc) => String(doc.seq)),
      documents.map((doc) => String(doc.deleted)),
      documents.map((doc) => JSON.stringify(doc.body)),
      writtenBy,
      now,
    ],
  );
}

/**
 * The school's documents of a collection stored after sequence `after`, oldest first: ordered by
 * the stored number (a bare `seq` would name the text the answer carries, and 10 sorts before 9).
 */
export async function pullSyncedDocuments(
  db: Queryable,
  schoolId: SchoolId,
  collection: SyncedCollection,
  after: number,
  limit: number,
): Promise<StoredSyncedDocument[]> {
  const rows = await db.query(
    `select doc_id, seq::text as seq, deleted, body from synced_documents
     where school_id = $1 and collection = $2 and seq > $3
     order by synced_documents.seq limit $4`,
    [schoolId, collection, String(after), limit],
  );
  return rows.map((row) => ofRow(row));
}
