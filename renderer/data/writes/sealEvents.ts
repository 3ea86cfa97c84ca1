import { sealAuditEvent } from '../../../shared/audit/auditChain';
import { canonicalJson } from '../../../shared/encoding/canonicalJson';
import { auditEventIdOf, type AuditEventDoc } from '../collections/auditEventsCollection';
import type { FieldChange } from './fieldChanges';
import type { ChainHead } from './storedChain';
import type { WriteContext } from './writeContext';

/** The changes of one document, and whom they concern (for the history views). */
export type DocumentChanges = {
  readonly collectionName: string;
  readonly docId: string;
  readonly studentId: string;
  readonly classId: string;
  readonly changes: readonly FieldChange[];
};

/** Who writes and when: what sealing an event needs besides the change itself (plain data). */
export type SealingContext = { readonly deviceId: string; readonly actorId: string; readonly at: string };

export function sealingOf(context: WriteContext): SealingContext {
  return { deviceId: context.deviceId, actorId: context.actor.userId, at: context.now().toISOString() };
}

/** Seals one event per changed field onto the chain after `head`; returns them and the new head. */
export function sealEventsAfter(
  sealing: SealingContext,
  documents: readonly DocumentChanges[],
  head: ChainHead,
): { readonly events: AuditEventDoc[]; readonly head: ChainHead } {
  const { at } = sealing;
  const events: AuditEventDoc[] = [];
  let { seq, hash } = head;
  for (const document of documents) {
    for (const change of document.changes) {
      seq += 1;
      const event = sealAuditEvent({
        deviceId: sealing.deviceId,
        seq,
        prevHash: hash,
        actor: sealing.actorId,
        at,
        collectionName: document.collectionName,
        docId: document.docId,
        field: change.field,
        old: canonicalJson(change.old),
        new: canonicalJson(change.new),
        studentId: document.studentId,
        classId: document.classId,
        amendmentId: '',
      });
      hash = event.hash;
      events.push({ ...event, id: auditEventIdOf(sealing.deviceId, seq) });
    }
  }
  return { events, head: { seq, hash } };
}
