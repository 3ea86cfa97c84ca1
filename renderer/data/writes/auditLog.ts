import { canonicalJson } from '../../../shared/encoding/canonicalJson';
import { genesisHash, sealAuditEvent, type AuditEvent } from '../../../shared/audit/auditChain';
import { auditEventIdOf, type AuditEventDoc } from '../collections/auditEventsCollection';
import type { HocbaDatabase } from '../database';
import type { FieldChange } from './fieldChanges';
import type { WriteContext } from './writeContext';

/** The changes of one document, and whom they concern (for the history views). */
export type DocumentChanges = {
  readonly collectionName: string;
  readonly docId: string;
  readonly studentId: string;
  readonly classId: string;
  readonly changes: readonly FieldChange[];
};

/**
 * Runs `work` holding this device's audit lock (Web Locks: also across windows and tabs), so the
 * chain's sequence has one writer at a time and events are written in the order they happen.
 */
export async function withAuditLock<T>(deviceId: string, work: () => Promise<T>): Promise<T> {
  return await navigator.locks.request(`hocba-audit:${deviceId}`, { mode: 'exclusive' }, work);
}

async function chainHead(database: HocbaDatabase, deviceId: string): Promise<{ seq: number; hash: string }> {
  const last = await database.auditEvents.findOne({ selector: { deviceId }, sort: [{ seq: 'desc' }] }).exec();
  return last ? { seq: last.seq, hash: last.hash } : { seq: 0, hash: genesisHash };
}

/**
 * Appends one event per changed field to this device's chain. Call inside `withAuditLock`.
 * Returns the events written.
 */
export async function appendAuditEvents(
  database: HocbaDatabase,
  context: WriteContext,
  documents: readonly DocumentChanges[],
): Promise<AuditEvent[]> {
  const head = await chainHead(database, context.deviceId);
  const at = context.now().toISOString();
  const events: AuditEventDoc[] = [];
  let { seq, hash } = head;
  for (const document of documents) {
    for (const change of document.changes) {
      seq += 1;
      const event = sealAuditEvent({
        deviceId: context.deviceId,
        seq,
        prevHash: hash,
        actor: context.actor.userId,
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
      events.push({ ...event, id: auditEventIdOf(context.deviceId, seq) });
    }
  }
  if (events.length === 0) return [];
  const written = await database.auditEvents.bulkInsert(events);
  if (written.error.length > 0) throw new Error(`audit chain refused ${written.error.length} events`);
  return events;
}
