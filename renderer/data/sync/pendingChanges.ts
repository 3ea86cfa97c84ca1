import { deepEqual, getAssumedMasterState, type RxCollection, type RxDocument } from 'rxdb';
import type { RxReplicationState } from 'rxdb/plugins/replication';

/**
 * A collection's documents on this desktop that differ from the state the province server was last
 * known to hold (RxDB's replication keeps that state per document): changes made here and not yet
 * taken by the server. Deleted documents are not counted. Reads the whole collection: for the
 * sync panel and "Đồng bộ ngay", not for every keystroke.
 */
export async function pendingDocumentsOf<T, Checkpoint>(
  collection: RxCollection<T>,
  replication: RxReplicationState<T, Checkpoint>,
): Promise<RxDocument<T>[]> {
  const state = replication.internalReplicationState;
  const docs = await collection.find().exec();
  if (docs.length === 0 || state === undefined) return docs;
  const assumed = await getAssumedMasterState(
    state,
    docs.map((doc) => doc.primary),
  );
  return docs.filter((doc) => {
    const master = assumed[doc.primary];
    return master === undefined || !deepEqual({ ...doc.toJSON(false), _deleted: false }, master.docData);
  });
}

/**
 * Offers changes the replication left behind to it again: each document written once more exactly
 * as it is (a new revision, the same content), which its push picks up. RxDB's push can pass over
 * a document changed again while its earlier state was being resolved with the server (seen when
 * a refused new result was entered anew); without this, that edit would wait for ever.
 */
export async function offerAgain<T>(documents: readonly RxDocument<T>[]): Promise<void> {
  await Promise.all(documents.map((doc) => doc.incrementalModify((data) => data)));
}
