import type { RxCollection } from 'rxdb';
import { genesisHash, sealAuditEvent } from '../../../shared/audit/auditChain';
import { auditEventIdOf, type AuditEventDoc } from '../collections/auditEventsCollection';
import type { HocbaDatabase } from '../database';
import { withAuditLock } from '../writes/auditLock';
import { noteAppendedEvents } from '../writes/chainHeadReporter';
import { storedChainHead, type ChainHead } from '../writes/storedChain';
import { databaseKeyOf } from '../storage/databaseKeys';
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
  /** The queued background apply, if any (saves meanwhile join it). */
  timer: ReturnType<typeof setTimeout> | undefined;
  /** When the first save not yet applied was made (performance.now()). */
  firstWaitingAt: number | undefined;
  /** The background apply under way, if any. */
  applying: Promise<void> | undefined;
  readonly database: HocbaDatabase;
  readonly deviceIdOfWaiting: { value: string | undefined };
  /** The pause before retrying a failed background apply; the journal keeps what it holds. */
  retryDelay: number;
  readonly belief: JournalBelief;
};

const journals = new WeakMap<HocbaDatabase, AttachedJournal>();
/** The journals of the databases open in this page. */
const open = new Set<AttachedJournal>();
const firstRetryMs = 500;
const maxRetryMs = 30_000;
/** A typist's keys come 100–300 ms apart: apply in the pauses, and at least every 2 s. */
const quietMs = 300;
const maxWaitMs = 2_000;

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
  const store = await JournalStore.open(journalDatabaseNameOf(database.name), databaseKeyOf(database));
  journals.set(database, {
    store,
    timer: undefined,
    firstWaitingAt: undefined,
    applying: undefined,
    database,
    deviceIdOfWaiting: { value: undefined },
    retryDelay: firstRetryMs,
    belief: new JournalBelief(),
  });
  const attached = attachedOf(database);
  open.add(attached);
  database.onClose.push(() => {
    open.delete(attached);
    if (attached.timer !== undefined) clearTimeout(attached.timer);
    store.close();
  });
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

const busyDepth = new WeakMap<HocbaDatabase, number>();

/**
 * Runs `work` (which moves the chain head outside a save: a bulk insert, a reconciliation)
 * marked busy in the journal, so saves made without the audit lock step back and wait for it.
 * The caller holds the audit lock; nested sections share one mark.
 */
export async function withJournalBusy<T>(database: HocbaDatabase, work: () => Promise<T>): Promise<T> {
  const { store, belief } = attachedOf(database);
  const depth = busyDepth.get(database) ?? 0;
  busyDepth.set(database, depth + 1);
  try {
    if (depth === 0) {
      // Saves that assume the journal's version are refused from here on (it moved), this
      // page's own included: the head moves outside the journal until the mark is cleared.
      belief.forget();
      await store.setBusy(true);
    }
    return await work();
  } finally {
    busyDepth.set(database, (busyDepth.get(database) ?? 1) - 1);
    if (depth === 0 && !database.closed) {
      await store.setBusy(false);
      belief.forget();
    }
  }
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
  // Saved in one run of the chain, each after the one before (else: placed again, below).
  const linked = events.every(
    (event, index) =>
      index === 0 ||
      (event.seq === (events[index - 1]?.seq ?? 0) + 1 && event.prevHash === events[index - 1]?.hash),
  );
  if (!linked)
    return { events: resealedAfter(events, await storedChainHead(database, deviceId)), moved: true };
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

/** One apply at a time per database, across windows: entries reach RxDB in their order. */
async function withApplyLock<T>(database: HocbaDatabase, work: () => Promise<T>): Promise<T> {
  return await navigator.locks.request(`hocba-journal-apply:${database.name}`, { mode: 'exclusive' }, work);
}

/**
 * Applies what the journal holds to RxDB and drops it, holding the apply lock. Saves may go on
 * meanwhile (they only add entries; one that read a document from RxDB before a drop sees the
 * `forgotten` mark move and reads again). Events that must be sealed again after RxDB's real
 * head need the audit lock too: without it (`mayMoveHead` false) nothing is written and
 * `needsAuditLock` is answered.
 */
async function applyPending(
  database: HocbaDatabase,
  mayMoveHead: boolean,
): Promise<'applied' | 'needsAuditLock'> {
  const { store, belief } = attachedOf(database);
  return await withApplyLock(database, async () => {
    const snapshot: JournalSnapshot = await store.snapshot();
    if (snapshot.entries.length === 0 && snapshot.documents.length === 0) return 'applied';
    const byDevice = new Map<string, AuditEventDoc[]>();
    for (const event of snapshot.entries.flatMap((entry) => entry.events))
      byDevice.set(event.deviceId, [...(byDevice.get(event.deviceId) ?? []), event]);
    const placed: { deviceId: string; events: readonly AuditEventDoc[]; moved: boolean }[] = [];
    for (const [deviceId, events] of byDevice) {
      const where = await placedEvents(database, deviceId, events);
      if (where.moved && !mayMoveHead) return 'needsAuditLock';
      placed.push({ deviceId, ...where });
    }
    for (const { deviceId, events, moved } of placed) {
      await applyEvents(database, events);
      const last = events.at(-1);
      if (moved && last) {
        const head = { deviceId, seq: last.seq, hash: last.hash };
        belief.noteHead(await store.setHead(head), head);
      }
    }
    await applyDocuments(database, snapshot.documents);
    const forgotten = await store.forget(snapshot);
    const lastEntry = snapshot.entries.at(-1);
    if (forgotten && lastEntry) belief.noteForgotten(forgotten, lastEntry.id);
    for (const { deviceId, events } of placed) noteAppendedEvents(database, deviceId, [...events]);
    return 'applied';
  });
}

/**
 * Applies everything the journal holds to RxDB and drops it. The caller holds the audit lock of
 * every device whose events the journal holds (in practice: this desktop's). Idempotent: an
 * apply cut short by a crash is simply done again.
 */
export async function applyJournalLocked(database: HocbaDatabase): Promise<void> {
  await applyPending(database, true);
}

/** Applies the journal now, taking the device's audit lock. */
export async function applyJournal(database: HocbaDatabase, deviceId: string): Promise<void> {
  await withAuditLock(deviceId, () => applyJournalLocked(database));
}

/** Applies the journal without holding up saves; takes the audit lock only when it must. */
async function applyInBackground(database: HocbaDatabase, deviceId: string): Promise<void> {
  if ((await applyPending(database, false)) === 'needsAuditLock') await applyJournal(database, deviceId);
}

/**
 * Applies the journal in the background once the saving pauses (`quietMs` after the last save,
 * at most `maxWaitMs` after the first one not yet applied), so a typist's saves never queue in
 * IndexedDB behind RxDB's writes; saves made meanwhile are applied together. Until then the grade
 * book shows the saved values itself. A failure is reported on the console and retried with a
 * growing pause; what the journal holds stays saved and is applied at the latest when the
 * database next opens.
 */
export function scheduleJournalApply(database: HocbaDatabase, deviceId: string): void {
  const journal = journals.get(database);
  if (!journal) return;
  const now = performance.now();
  journal.firstWaitingAt ??= now;
  if (journal.timer !== undefined) clearTimeout(journal.timer);
  const delay = Math.max(0, Math.min(quietMs, journal.firstWaitingAt + maxWaitMs - now));
  journal.deviceIdOfWaiting.value = deviceId;
  journal.timer = setTimeout(() => void runBackgroundApply(database, deviceId, journal), delay);
}

/**
 * Whether every open database's journal is in RxDB: undefined when it is (nothing to wait for),
 * else a promise that resolves once the waiting saves are applied (started now, not after the
 * pause). A screen that opens waits for it before it queries, so it reads what was just saved.
 */
export function journalsSettled(): Promise<void> | undefined {
  const waits: Promise<void>[] = [];
  for (const journal of open) {
    const deviceId = journal.deviceIdOfWaiting.value;
    if (journal.timer !== undefined && deviceId !== undefined) {
      clearTimeout(journal.timer);
      waits.push(runBackgroundApply(journal.database, deviceId, journal));
    } else if (journal.applying) waits.push(journal.applying);
  }
  return waits.length === 0 ? undefined : Promise.all(waits).then(() => undefined);
}

function runBackgroundApply(
  database: HocbaDatabase,
  deviceId: string,
  journal: AttachedJournal,
): Promise<void> {
  journal.timer = undefined;
  journal.firstWaitingAt = undefined;
  if (database.closed) return Promise.resolve();
  const applying = applyInBackground(database, deviceId).then(
    () => {
      journal.retryDelay = firstRetryMs;
    },
    (error: unknown) => {
      if (database.closed) return;
      console.error('Không ghi được nhật ký thay đổi vào cơ sở dữ liệu; sẽ thử lại.', error);
      journal.retryDelay = Math.min(journal.retryDelay * 2, maxRetryMs);
      journal.timer ??= setTimeout(
        () => void runBackgroundApply(database, deviceId, journal),
        journal.retryDelay,
      );
    },
  );
  journal.applying = applying;
  return applying.finally(() => {
    if (journal.applying === applying) journal.applying = undefined;
  });
}
