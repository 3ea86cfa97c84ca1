import type { RxCollection } from 'rxdb';
import { genesisHash, sealAuditEvent } from '../../../shared/audit/auditChain';
import { auditEventIdOf, type AuditEventDoc } from '../collections/auditEventsCollection';
import type { HocbaDatabase } from '../database';
import { withAuditLock } from '../writes/auditLock';
import { noteAppendedEvents } from '../writes/chainHeadReporter';
import { storedChainHead, type ChainHead } from '../writes/storedChain';
import { JournalBelief } from './journalBelief';
import {
  JournalStore,
  journalDatabaseNameOf,
  type JournalDocument,
  type JournalSnapshot,
} from './journalStore';

/**
 * The write-ahead journal of a local database (docs/decisions.md, "A save is one IndexedDB
 * transaction"). An edit is saved when its journal transaction commits: the document's new state
 * and its audit events, together. The journal is then applied to RxDB (events first, then
 * documents) in the background, a few milliseconds later, and what was applied is dropped; when
 * the database opens, whatever a crash left unapplied is applied before anything is read.
 * Applying runs under the device's audit lock, so a save never reads a document RxDB is about to
 * be told something newer about.
 */

type AttachedJournal = {
  readonly store: JournalStore;
  /** A background apply is queued (one at a time; saves meanwhile join it). */
  scheduled: boolean;
  /** The pause before retrying a failed background apply; the journal keeps what it holds. */
  retryDelay: number;
  readonly belief: JournalBelief;
};

const journals = new WeakMap<HocbaDatabase, AttachedJournal>();
const firstRetryMs = 500;
const maxRetryMs = 30_000;

function attachedOf(database: HocbaDatabase): AttachedJournal {
  const journal = journals.get(database);
  if (!journal) throw new Error(`database ${database.name} has no write journal`);
  return journal;
}

export function journalOf(database: HocbaDatabase): JournalStore {
  return attachedOf(database).store;
}

/** What this page believes the journal holds (journalBelief.ts). */
export function journalBeliefOf(database: HocbaDatabase): JournalBelief {
  return attachedOf(database).belief;
}

/** Opens the journal beside an RxDB database and applies whatever a crash left in it. */
export async function attachWriteJournal(database: HocbaDatabase): Promise<void> {
  const store = await JournalStore.open(journalDatabaseNameOf(database.name));
  journals.set(database, { store, scheduled: false, retryDelay: firstRetryMs, belief: new JournalBelief() });
  database.onClose.push(() => store.close());
  const pending = await store.snapshot();
  const devices = [
    ...new Set(pending.entries.flatMap((entry) => entry.events.map((event) => event.deviceId))),
  ];
  if (devices.length === 0 && pending.documents.length === 0) return;
  await withDeviceLocks(devices.sort(), () => applyJournalLocked(database));
}

async function withDeviceLocks<T>(devices: readonly string[], work: () => Promise<T>): Promise<T> {
  const [first, ...rest] = devices;
  if (first === undefined) return await work();
  return await withAuditLock(first, () => withDeviceLocks(rest, work));
}

/** Removes a database's journal (with the database itself, e.g. a trial thrown away). */
export async function removeWriteJournal(rxDatabaseName: string): Promise<void> {
  await JournalStore.remove(journalDatabaseNameOf(rxDatabaseName));
}

function collectionNamed(database: HocbaDatabase, name: string): RxCollection {
  const collection = (database.collections as Record<string, RxCollection | undefined>)[name];
  if (!collection || name === 'auditEvents') throw new Error(`journal names unknown collection ${name}`);
  return collection;
}

/** The device's events with their chain position moved to follow `head` (content unchanged). */
function resealedAfter(events: readonly AuditEventDoc[], head: ChainHead): AuditEventDoc[] {
  let { seq, hash } = head;
  return events.map(({ hash: _old, id: _id, ...body }) => {
    seq += 1;
    const event = sealAuditEvent({ ...body, seq, prevHash: hash });
    hash = event.hash;
    return { ...event, id: auditEventIdOf(body.deviceId, seq) };
  });
}

/**
 * Where one device's journaled events go in RxDB's chain. Normally right after RxDB's last event
 * (or already there, when a crash cut an earlier apply short). If something else put events
 * there in the meantime (an import in another window that crashed before it moved the journal's
 * head), the events are sealed again after RxDB's real head: their content is what was saved,
 * only their place in the chain moves, and main hears of them only once they are in RxDB.
 */
async function placedEvents(
  database: HocbaDatabase,
  deviceId: string,
  events: readonly AuditEventDoc[],
): Promise<{ readonly events: readonly AuditEventDoc[]; readonly moved: boolean }> {
  const [first] = events;
  if (!first) return { events, moved: false };
  const before = auditEventIdOf(deviceId, first.seq - 1);
  const found = await database.auditEvents.findByIds([before, first.id]).exec();
  const there = found.get(first.id);
  if (there) {
    if (there.hash === first.hash) return { events, moved: false };
  } else if (first.seq === 1 ? first.prevHash === genesisHash : found.get(before)?.hash === first.prevHash) {
    return { events, moved: false };
  }
  return { events: resealedAfter(events, await storedChainHead(database, deviceId)), moved: true };
}

async function applyEvents(database: HocbaDatabase, events: readonly AuditEventDoc[]): Promise<void> {
  if (events.length === 0) return;
  const result = await database.auditEvents.bulkInsert([...events]);
  const byId = new Map(events.map((event) => [event.id, event]));
  for (const error of result.error) {
    // Written before a crash cut the apply short: the same event, so nothing to do.
    if (error.status === 409 && error.documentInDb.hash === byId.get(error.documentId)?.hash) continue;
    throw new Error(`the audit chain refused event ${error.documentId} (${error.status})`);
  }
}

async function applyDocuments(database: HocbaDatabase, documents: readonly JournalDocument[]): Promise<void> {
  const byCollection = new Map<string, JournalDocument[]>();
  for (const document of documents)
    byCollection.set(document.collectionName, [
      ...(byCollection.get(document.collectionName) ?? []),
      document,
    ]);
  await Promise.all(
    [...byCollection].map(async ([name, list]) => {
      const result = await collectionNamed(database, name).bulkUpsert(list.map((document) => document.state));
      if (result.error.length > 0)
        throw new Error(
          `${name} refused ${result.error.length} journal documents (${result.error[0]?.status})`,
        );
    }),
  );
}

/**
 * Applies everything the journal holds to RxDB and drops it. The caller holds the audit lock of
 * every device whose events the journal holds (in practice: this desktop's). Idempotent: an
 * apply cut short by a crash is simply done again.
 */
export async function applyJournalLocked(database: HocbaDatabase): Promise<void> {
  const { store, belief } = attachedOf(database);
  const snapshot: JournalSnapshot = await store.snapshot();
  if (snapshot.entries.length === 0 && snapshot.documents.length === 0) return;
  const byDevice = new Map<string, AuditEventDoc[]>();
  for (const event of snapshot.entries.flatMap((entry) => entry.events))
    byDevice.set(event.deviceId, [...(byDevice.get(event.deviceId) ?? []), event]);
  const placed = new Map<string, readonly AuditEventDoc[]>();
  for (const [deviceId, events] of byDevice) {
    const where = await placedEvents(database, deviceId, events);
    await applyEvents(database, where.events);
    placed.set(deviceId, where.events);
    const last = where.events.at(-1);
    if (where.moved && last) {
      const head = { deviceId, seq: last.seq, hash: last.hash };
      await store.setHead(head);
      belief.head = head;
    }
  }
  await applyDocuments(database, snapshot.documents);
  await store.forget(snapshot);
  const lastEntry = snapshot.entries.at(-1);
  if (lastEntry) belief.forgetUpTo(lastEntry.id);
  for (const [deviceId, events] of placed) noteAppendedEvents(database, deviceId, [...events]);
}

/** Applies the journal now, taking the device's audit lock. */
export async function applyJournal(database: HocbaDatabase, deviceId: string): Promise<void> {
  await withAuditLock(deviceId, () => applyJournalLocked(database));
}

/**
 * Applies the journal soon, in the background: saves made meanwhile are applied together. A
 * failure is reported on the console and retried with a growing pause; what the journal holds
 * stays saved and is applied at the latest when the database next opens.
 */
export function scheduleJournalApply(database: HocbaDatabase, deviceId: string): void {
  const journal = journals.get(database);
  if (!journal || journal.scheduled) return;
  journal.scheduled = true;
  const run = (delay: number) =>
    setTimeout(() => {
      if (database.closed) return;
      journal.scheduled = false;
      applyJournal(database, deviceId).then(
        () => {
          journal.retryDelay = firstRetryMs;
        },
        (error: unknown) => {
          if (database.closed) return;
          console.error('Không ghi được nhật ký thay đổi vào cơ sở dữ liệu; sẽ thử lại.', error);
          journal.retryDelay = Math.min(journal.retryDelay * 2, maxRetryMs);
          if (!journal.scheduled) {
            journal.scheduled = true;
            run(journal.retryDelay);
          }
        },
      );
    }, delay);
  run(0);
}
