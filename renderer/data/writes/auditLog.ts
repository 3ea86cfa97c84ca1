import { canonicalJson } from '../../../shared/encoding/canonicalJson';
import { genesisHash, sealAuditEvent, type AuditEvent } from '../../../shared/audit/auditChain';
import { auditEventIdOf, type AuditEventDoc } from '../collections/auditEventsCollection';
import type { HocbaDatabase } from '../database';
import { noteAppendedEvents } from './chainHeadReporter';
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

/** The last event of a device's chain: its sequence number and hash (genesis when there is none). */
export type ChainHead = { readonly seq: number; readonly hash: string };

/**
 * The head this page last wrote or read, per database and device: only a hint. A descending
 * query for the head reads the whole chain (IndexedDB cannot give the last entry of a descending
 * compound index through RxDB); `lastEvent` needs a count and a short index walk, and checking
 * the hint is two primary-key reads.
 */
const headHints = new WeakMap<HocbaDatabase, Map<string, ChainHead>>();

function rememberHead(database: HocbaDatabase, deviceId: string, head: ChainHead): void {
  const hints = headHints.get(database) ?? new Map<string, ChainHead>();
  hints.set(deviceId, head);
  headHints.set(database, hints);
}

/** Whether the hint is still the head: its event is there with its hash, and nothing follows it. */
async function hintHolds(database: HocbaDatabase, deviceId: string, hint: ChainHead): Promise<boolean> {
  const current = auditEventIdOf(deviceId, hint.seq);
  const next = auditEventIdOf(deviceId, hint.seq + 1);
  const found = await database.auditEvents.findByIds(hint.seq > 0 ? [current, next] : [next]).exec();
  if (found.has(next)) return false;
  return hint.seq === 0 || found.get(current)?.hash === hint.hash;
}

/**
 * The last event of a chain without reading the whole chain: IndexedDB counts the device's events
 * on the index, and a chain without holes ends at that count; from there the index is walked
 * upwards (ascending, so each step stops early) past any events a hole pushed beyond it.
 */
async function lastEvent(database: HocbaDatabase, deviceId: string) {
  const count = await database.auditEvents.count({ selector: { deviceId } }).exec();
  if (count === 0) return undefined;
  let from = count;
  let last = await database.auditEvents.findOne(auditEventIdOf(deviceId, count)).exec();
  for (;;) {
    const beyond = await database.auditEvents
      .find({ selector: { deviceId, seq: { $gt: from } }, sort: [{ seq: 'asc' }], limit: 1000 })
      .exec();
    const furthest = beyond.at(-1);
    if (!furthest) break;
    last = furthest;
    from = furthest.seq;
  }
  // Holes and nothing beyond the count: the head is below it (only a damaged chain gets here).
  return (
    last ?? (await database.auditEvents.findOne({ selector: { deviceId }, sort: [{ seq: 'desc' }] }).exec())
  );
}

/** Reads the head of this device's chain. Call inside `withAuditLock`. */
export async function chainHead(database: HocbaDatabase, deviceId: string): Promise<ChainHead> {
  const hint = headHints.get(database)?.get(deviceId);
  if (hint && (await hintHolds(database, deviceId, hint))) return hint;
  const last = await lastEvent(database, deviceId);
  const head = last ? { seq: last.seq, hash: last.hash } : { seq: 0, hash: genesisHash };
  rememberHead(database, deviceId, head);
  return head;
}

/**
 * Appends one event per changed field to this device's chain. Call inside `withAuditLock`.
 * Returns the events written.
 */
export async function appendAuditEvents(
  database: HocbaDatabase,
  context: WriteContext,
  documents: readonly DocumentChanges[],
  /** The chain head when the caller has just read it (inside the same lock). */
  knownHead?: ChainHead,
): Promise<AuditEvent[]> {
  const head = knownHead ?? (await chainHead(database, context.deviceId));
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
  if (written.error.length > 0) {
    headHints.get(database)?.delete(context.deviceId);
    throw new Error(`audit chain refused ${written.error.length} events`);
  }
  rememberHead(database, context.deviceId, { seq, hash });
  // Main records the new hashes after this write, without the write waiting for it.
  noteAppendedEvents(database, context.deviceId, events);
  return events;
}
