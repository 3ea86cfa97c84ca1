import type { PushConflict } from '../../../shared/sync/syncWire';
import type { HocbaDatabase } from '../database';
import type { SyncTransport } from './syncTransport';

/** Events one push carries: a term's entry of a class in a few pushes. */
export const auditUploadBatch = 500;

export type AuditUploadResult = {
  /** Events the server took in this round. */
  readonly sent: number;
  /** Events of this desktop the server does not hold yet (after this round). */
  readonly pending: number;
  /** Where the server's copy of this desktop's chain ends now. */
  readonly head: number;
  /** Why the server stopped taking this desktop's chain, when it did (first event refused). */
  readonly refused: PushConflict | undefined;
};

/**
 * Sends this desktop's audit events to the province server as what they are, the continuation
 * of its hash chain (architecture.md "Audit"): asks where the server's copy of the chain ends,
 * then sends the events after that head in order, a batch at a time. A lost answer or a cut only
 * means asking for the head again; nothing is marked sent that the server does not hold. An event
 * the server refuses (a chain changed on this desktop) stops the upload there, with the reason.
 */
export async function uploadAuditChain(
  database: HocbaDatabase,
  transport: SyncTransport,
  deviceId: string,
): Promise<AuditUploadResult> {
  const heads = await transport.auditHeads();
  let head = heads.heads.find((candidate) => candidate.deviceId === deviceId)?.seq ?? 0;
  let sent = 0;
  for (;;) {
    const batch = await database.auditEvents
      .find({
        selector: { deviceId, seq: { $gt: head } },
        sort: [{ deviceId: 'asc' }, { seq: 'asc' }],
        limit: auditUploadBatch,
      })
      .exec();
    if (batch.length === 0) return { sent, pending: 0, head, refused: undefined };
    const rows = batch.map((event) => ({
      assumedMasterState: null,
      newDocumentState: { ...event.toJSON(false), _deleted: false },
    }));
    const answer = await transport.push('auditEvents', rows);
    const refused = answer.conflicts
      .map((conflict) => ({ conflict, seq: batch.find((event) => event.id === conflict.id)?.seq ?? 0 }))
      .sort((a, b) => a.seq - b.seq)[0];
    const taken =
      refused === undefined ? batch.length : batch.filter((event) => event.seq < refused.seq).length;
    sent += taken;
    head += taken;
    if (refused !== undefined) {
      const pending = await database.auditEvents.count({ selector: { deviceId, seq: { $gt: head } } }).exec();
      return { sent, pending, head, refused: refused.conflict };
    }
  }
}
