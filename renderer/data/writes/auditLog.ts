import { genesisHash, type AuditEvent } from '../../../shared/audit/auditChain';
import type { HocbaDatabase } from '../database';
import { applyJournalLocked, journalBeliefOf, journalOf, withJournalBusy } from '../journal/writeJournal';
import { noteAppendedEvents } from './chainHeadReporter';
import { sealEventsAfter, sealingOf, type DocumentChanges } from './sealEvents';
import { storedChainHead } from './storedChain';
import type { ChainHead } from './storedChain';
import type { WriteContext } from './writeContext';

export type { DocumentChanges } from './sealEvents';

export { withAuditLock } from './auditLock';
export { storedChainHead } from './storedChain';

export type { ChainHead } from './storedChain';

/** Devices whose journal head was checked against RxDB's chain since this page opened the database. */
const reconciled = new WeakMap<HocbaDatabase, Set<string>>();

/**
 * Makes the journal's head of this device's chain right for this session, once: the journal's
 * head is the authority (a save reads and moves it in its own transaction), but an append
 * written straight to RxDB (a bulk insert) that a crash cut off before it moved the journal's
 * head leaves RxDB ahead; the further of the two is the head. Call inside `withAuditLock`.
 */
export async function reconcileChainHead(database: HocbaDatabase, deviceId: string): Promise<void> {
  const devices = reconciled.get(database) ?? new Set<string>();
  if (devices.has(deviceId)) return;
  const journal = journalOf(database);
  await withJournalBusy(database, async () => {
    await applyJournalLocked(database);
    const [kept, stored] = await Promise.all([journal.head(deviceId), storedChainHead(database, deviceId)]);
    const head = kept && kept.seq >= stored.seq ? { seq: kept.seq, hash: kept.hash } : stored;
    journalBeliefOf(database).noteHead(await journal.setHead({ deviceId, ...head }), { deviceId, ...head });
  });
  devices.add(deviceId);
  reconciled.set(database, devices);
}

/** Whether this page has reconciled the device's head (its saves may then go without the lock). */
export function isChainHeadReconciled(database: HocbaDatabase, deviceId: string): boolean {
  return reconciled.get(database)?.has(deviceId) === true;
}

/** Reads the head of this device's chain (journal included). Call inside `withAuditLock`. */
export async function chainHead(database: HocbaDatabase, deviceId: string): Promise<ChainHead> {
  await reconcileChainHead(database, deviceId);
  const kept = await journalOf(database).head(deviceId);
  return kept ? { seq: kept.seq, hash: kept.hash } : { seq: 0, hash: genesisHash };
}

/**
 * Appends one event per changed field to this device's chain straight into RxDB, after what
 * the journal holds (bulk inserts and removals; edits go through the journal). Call inside
 * `withAuditLock`. Returns the events written.
 */
export async function appendAuditEvents(
  database: HocbaDatabase,
  context: WriteContext,
  documents: readonly DocumentChanges[],
): Promise<AuditEvent[]> {
  return await withJournalBusy(database, () => appendToStoredChain(database, context, documents));
}

async function appendToStoredChain(
  database: HocbaDatabase,
  context: WriteContext,
  documents: readonly DocumentChanges[],
): Promise<AuditEvent[]> {
  // What the journal holds comes first in the chain (and in RxDB) and moves the head.
  await applyJournalLocked(database);
  const { events, head: next } = sealEventsAfter(
    sealingOf(context),
    documents,
    await chainHead(database, context.deviceId),
  );
  if (events.length === 0) return [];
  const written = await database.auditEvents.bulkInsert(events);
  if (written.error.length > 0) {
    reconciled.get(database)?.delete(context.deviceId);
    journalBeliefOf(database).forget();
    throw new Error(`audit chain refused ${written.error.length} events`);
  }
  const head = { deviceId: context.deviceId, ...next };
  journalBeliefOf(database).noteHead(await journalOf(database).setHead(head), head);
  // Main records the new hashes after this write, without the write waiting for it.
  noteAppendedEvents(database, context.deviceId, events);
  return events;
}
