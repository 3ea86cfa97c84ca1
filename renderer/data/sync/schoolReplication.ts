import { BehaviorSubject, Subject, type Observable } from 'rxjs';
import { replicateRxCollection, type RxReplicationState } from 'rxdb/plugins/replication';
import type { RxCollection, RxReplicationWriteToMasterRow, WithDeleted } from 'rxdb';
import { mergeDocumentStates, type DocumentState } from '../../../shared/sync/mergeDocuments';
import {
  syncedCollections,
  syncedDocumentSchemas,
  type PushConflict,
  type SyncCheckpoint,
  type SyncedCollection,
  type WireDocument,
} from '../../../shared/sync/syncWire';
import type { HocbaDatabase } from '../database';
import { appendConflicts, type NewConflictLogEntry } from './conflictLog';
import { offerAgain, pendingDocumentsOf } from './pendingChanges';
import { auditChainUploader } from './auditChainUploader';
import { createRetryGate } from './retryGate';
import { syncStrings } from './syncStrings';
import type { SyncTransport } from './syncTransport';

/** Documents one pull asks for: few round trips on a weak link (the server answers up to 5,000). */
export const pullBatchSize = 2000;
/** Rows one push carries (gzipped on the way: a class's term in a few pushes). */
export const pushBatchSize = 500;
/** The first wait after a failed call; each failure in a row doubles it, up to `maxRetryMs`. */
export const firstRetryMs = 5_000;
export const maxRetryMs = 5 * 60_000;
/** "Đồng bộ ngay" goes round at most this often while changes keep arriving during it. */
const maxSyncRounds = 50;

/** Where one collection's replication stands, for the sync panel. */
export type CollectionSyncState = {
  readonly collection: SyncedCollection;
  readonly active: boolean;
  /** Documents received from and sent to the server since the app started. */
  readonly received: number;
  readonly sent: number;
  /** Documents the server did not take as they were (each in the conflict log). */
  readonly notTaken: number;
  /** The last failure's words (Vietnamese), until a call succeeds again. */
  readonly error: string | undefined;
  readonly lastSuccessAt: string | undefined;
};

export type SchoolReplication = {
  /** Each collection's state, as it changes. */
  readonly states$: Observable<readonly CollectionSyncState[]>;
  /**
   * "Đồng bộ ngay": pulls and pushes everything now (waits cut short); resolves when a pull begun
   * after the call found nothing more and every change made here is taken (or logged).
   */
  readonly syncNow: () => Promise<void>;
  /** Per collection, the changes made here the server has not taken yet. */
  readonly pendingChanges: () => Promise<ReadonlyMap<SyncedCollection, number>>;
  /** Resolves once every collection pulled what the server had when it started. */
  readonly awaitInitialPull: () => Promise<void>;
  /** Resolves once nothing is waiting to go either way. */
  readonly awaitInSync: () => Promise<void>;
  readonly stop: () => Promise<void>;
};

export type SchoolReplicationOptions = {
  readonly database: HocbaDatabase;
  readonly transport: SyncTransport;
  /** The account's school: a document of any other from the server is not taken. */
  readonly schoolId: string;
  /** This desktop's id in the audit chain: its events go up as that chain. */
  readonly deviceId: string;
  /** Names the server (its replication state is kept apart from another server's). */
  readonly serverUrl: string;
  readonly now?: () => Date;
  /** Extra moments to look for the server's changes (the page's `online` event, a timer). */
  readonly resync$?: Observable<unknown>;
  /** The waits between tries (default 5 s doubling to 5 min); tests of faults shorten them. */
  readonly retry?: { readonly firstMs: number; readonly maxMs: number };
};

type AnyCollection = RxCollection<Record<string, unknown>>;
type AnyReplication = RxReplicationState<Record<string, unknown>, SyncCheckpoint>;

const asState = (document: WireDocument | WithDeleted<Record<string, unknown>>): DocumentState =>
  document as unknown as DocumentState;

/**
 * The replication of one account's school with the province server (architecture.md "Sync"):
 * one RxDB replication per synced collection, pulling by the server's checkpoint in large batches
 * and pushing what changed here with the server's state it started from. What the server did not
 * take comes back with its state and reason: the desktop takes the server's state (merging a
 * concurrent writer's change field by field: syncConflictHandler.ts) and keeps its own version in
 * the conflict log. A call that is not answered is tried again after a wait that doubles up to
 * five minutes (retryGate.ts), or at once on "Đồng bộ ngay".
 */
export function startSchoolReplication(options: SchoolReplicationOptions): SchoolReplication {
  const { database, transport, schoolId } = options;
  const now = options.now ?? (() => new Date());
  const states = new Map<SyncedCollection, CollectionSyncState>(
    syncedCollections.map((collection) => [
      collection,
      {
        collection,
        active: false,
        received: 0,
        sent: 0,
        notTaken: 0,
        error: undefined,
        lastSuccessAt: undefined,
      },
    ]),
  );
  const states$ = new BehaviorSubject<readonly CollectionSyncState[]>([...states.values()]);
  const update = (collection: SyncedCollection, change: Partial<CollectionSyncState>) => {
    const current = states.get(collection);
    if (current === undefined) return;
    states.set(collection, { ...current, ...change });
    states$.next([...states.values()]);
  };
  const succeeded = (collection: SyncedCollection) =>
    update(collection, { error: undefined, lastSuccessAt: now().toISOString() });
  const gate = createRetryGate(options.retry ?? { firstMs: firstRetryMs, maxMs: maxRetryMs });
  /** One call to the server, tried again (with backoff) until it is answered. */
  const untilAnswered = <T>(collection: SyncedCollection, call: () => Promise<T>): Promise<T> =>
    gate.run(call, (error) => update(collection, { error: syncStrings.failureOf(error) }));

  const replications = new Map<SyncedCollection, AnyReplication>();
  let stopping = false;
  /** Every pull gets the next ticket when it starts; a pull that ends with less than a batch caught up. */
  let pullTickets = 0;
  const lastCaughtUp = new Map<SyncedCollection, number>();
  const caughtUpWaiters = new Set<{ readonly from: number; readonly check: () => void }>();
  const caughtUp = (collection: SyncedCollection, ticket: number) => {
    lastCaughtUp.set(collection, Math.max(ticket, lastCaughtUp.get(collection) ?? 0));
    for (const waiter of caughtUpWaiters) waiter.check();
  };
  /** Resolves once every collection caught up in a pull that started after ticket `from`. */
  const allCaughtUpAfter = (from: number) =>
    new Promise<void>((resolve) => {
      const waiter = {
        from,
        check: () => {
          if (!stopping && !syncedCollections.every((c) => (lastCaughtUp.get(c) ?? 0) > from)) return;
          caughtUpWaiters.delete(waiter);
          resolve();
        },
      };
      caughtUpWaiters.add(waiter);
      waiter.check();
    });
  const resyncs: Subject<'RESYNC'>[] = [];

  for (const collection of syncedCollections) {
    const rxCollection = database.collections[collection] as unknown as AnyCollection;
    const schema = syncedDocumentSchemas[collection];
    const resync = new Subject<'RESYNC'>();
    resyncs.push(resync);
    /** Every pull takes the next ticket when it goes out (syncNow waits for one begun after it). */
    const fetchPage = async (after: number, limit: number) => {
      pullTickets += 1;
      const ticket = pullTickets;
      return {
        ticket,
        answer: await untilAnswered(collection, () => transport.pull(collection, after, limit)),
      };
    };
    let prefetched:
      | { readonly after: number; readonly page: ReturnType<typeof fetchPage>; readonly pushes: number }
      | undefined;
    /** Pushes this collection made (a page fetched before the last one is stale). */
    let pushes = 0;
    const replication = replicateRxCollection<Record<string, unknown>, SyncCheckpoint>({
      replicationIdentifier: `hocba-province-sync:${options.serverUrl}:${collection}`,
      collection: rxCollection,
      live: true,
      retryTime: firstRetryMs,
      waitForLeadership: false,
      pull: {
        batchSize: pullBatchSize,
        stream$: resync.asObservable(),
        handler: async (checkpoint, batchSize) => {
          const after = checkpoint?.seq ?? 0;
          // A page fetched ahead is used only if this desktop pushed nothing since: it could hold
          // a state of a document older than the one just pushed.
          const ahead = prefetched;
          const fetched =
            ahead?.after === after && ahead.pushes === pushes ? ahead.page : fetchPage(after, batchSize);
          prefetched = undefined;
          const { ticket, answer } = await fetched;
          // A full page: the next one is fetched while RxDB stores this one (a weak link and the
          // storage work at once). Rows stored later have higher numbers: nothing is skipped.
          if (answer.documents.length === batchSize) {
            const page = fetchPage(answer.checkpoint.seq, batchSize);
            page.catch(() => undefined); // a stopped sync; the next call fetches afresh
            prefetched = { after: answer.checkpoint.seq, page, pushes };
          }
          // The server is trusted with its own checks, not with this desktop's storage: a document
          // of another school, or one this version cannot store, is not taken.
          const documents = answer.documents.filter((document) => {
            const { _deleted: _ignored, ...body } = document;
            // Audit events carry no school: their device's is theirs, and the server keeps them so.
            const ownSchool = collection === 'auditEvents' || body.schoolId === schoolId;
            return ownSchool && schema.safeParse(body).success;
          });
          const skipped = answer.documents.length - documents.length;
          succeeded(collection);
          if (answer.documents.length < batchSize) caughtUp(collection, ticket);
          if (skipped > 0) update(collection, { error: syncStrings.documentsNotStored(skipped) });
          return {
            documents: documents as unknown as WithDeleted<Record<string, unknown>>[],
            checkpoint: answer.checkpoint,
          };
        },
      },
      // Audit events go up as a chain from the server's head (auditUpload.ts), not row by row.
      ...(collection === 'auditEvents'
        ? {}
        : {
            push: {
              batchSize: pushBatchSize,
              handler: async (rows: RxReplicationWriteToMasterRow<Record<string, unknown>>[]) => {
                const wireRows = rows.map((row) => ({
                  assumedMasterState: (row.assumedMasterState ?? null) as WireDocument | null,
                  newDocumentState: row.newDocumentState as unknown as WireDocument,
                }));
                // The same rows again after a lost answer are taken once: the server sees they are its state.
                pushes += 1;
                const answer = await untilAnswered(collection, () => transport.push(collection, wireRows));
                pushes += 1;
                succeeded(collection);
                if (answer.conflicts.length === 0) return [];
                const byId = new Map(rows.map((row) => [String(row.newDocumentState.id), row]));
                const entries: NewConflictLogEntry[] = [];
                const masters: WithDeleted<Record<string, unknown>>[] = [];
                for (const conflict of answer.conflicts) {
                  const row = byId.get(conflict.id);
                  if (row === undefined) continue; // not a row of this push: nothing to resolve
                  const mine = asState(row.newDocumentState);
                  const assumed =
                    row.assumedMasterState === undefined ? undefined : asState(row.assumedMasterState);
                  const entry = conflictLogEntry(collection, conflict, mine, assumed);
                  // Another writer's state with nothing of this desktop's lost (the same values,
                  // only who wrote last differs: its own earlier push met again) is no news.
                  const nothingLost =
                    entry.code === 'conflict' && entry.serverKept.length === 0 && entry.mineKept.length === 0;
                  if (!nothingLost) entries.push(entry);
                  // The server has none: the desktop's document goes (as deleted), its version in the log.
                  masters.push(conflict.master ?? { ...row.newDocumentState, _deleted: true });
                }
                await appendConflicts(database, entries, now());
                update(collection, { notTaken: (states.get(collection)?.notTaken ?? 0) + entries.length });
                return masters;
              },
            },
          }),
    });
    replications.set(collection, replication);
    replication.active$.subscribe((active) => update(collection, { active }));
    replication.received$.subscribe(() =>
      update(collection, { received: (states.get(collection)?.received ?? 0) + 1 }),
    );
    replication.sent$.subscribe(() => update(collection, { sent: (states.get(collection)?.sent ?? 0) + 1 }));
    replication.error$.subscribe((error) => {
      if (!stopping) update(collection, { error: syncStrings.failureOf(error) });
    });
  }

  const audit = auditChainUploader({
    database,
    transport,
    deviceId: options.deviceId,
    untilAnswered: (call) => untilAnswered('auditEvents', call),
    onResult: (result) => {
      succeeded('auditEvents');
      const state = states.get('auditEvents');
      update('auditEvents', {
        sent: (state?.sent ?? 0) + result.sent,
        ...(result.refused === undefined ? {} : { error: result.refused.reason }),
      });
    },
    onRefused: async (refused, event) => {
      update('auditEvents', { notTaken: (states.get('auditEvents')?.notTaken ?? 0) + 1 });
      await appendConflicts(
        database,
        [
          {
            collection: 'auditEvents',
            docId: refused.id,
            code: refused.code,
            reason: refused.reason,
            serverKept: [],
            mineKept: [],
            mine: event,
            master: null,
          },
        ],
        now(),
      );
    },
  });
  const resyncAll = () => {
    gate.kick();
    for (const resync of resyncs) resync.next('RESYNC');
    audit.request();
  };
  const subscription = options.resync$?.subscribe(resyncAll);
  const collectionOf = (collection: SyncedCollection) =>
    database.collections[collection] as unknown as AnyCollection;
  const pendingDocuments = async () => {
    const pending = [];
    for (const [collection, replication] of replications)
      if (collection !== 'auditEvents')
        pending.push(...(await pendingDocumentsOf(collectionOf(collection), replication)));
    return pending;
  };
  const all = () => [...replications.values()];

  return {
    states$: states$.asObservable(),
    syncNow: async () => {
      // Caught up: a pull that began after this moment found nothing more on the server…
      const from = pullTickets;
      resyncAll();
      await allCaughtUpAfter(from);
      // …and nothing changed here is left that the server has not taken.
      for (let round = 0; !stopping; round += 1) {
        await Promise.all(all().map((replication) => replication.awaitInSync()));
        const left = await pendingDocuments();
        if (left.length === 0) {
          await audit.uploadNow();
          return;
        }
        if (round >= maxSyncRounds) throw new Error(syncStrings.notSettled);
        await offerAgain(left);
        gate.kick();
      }
    },
    pendingChanges: async () => {
      const counts = await Promise.all(
        syncedCollections.map(async (collection) => {
          if (collection === 'auditEvents') return [collection, await audit.pending()] as const;
          const replication = replications.get(collection);
          const pending =
            replication === undefined ? [] : await pendingDocumentsOf(collectionOf(collection), replication);
          return [collection, pending.length] as const;
        }),
      );
      return new Map(counts);
    },
    awaitInitialPull: async () => {
      await Promise.all(all().map((replication) => replication.awaitInitialReplication()));
    },
    awaitInSync: async () => {
      await Promise.all(all().map((replication) => replication.awaitInSync()));
    },
    stop: async () => {
      stopping = true;
      subscription?.unsubscribe();
      gate.stop();
      await audit.stop();
      for (const waiter of caughtUpWaiters) waiter.check();
      await Promise.all(all().map((replication) => replication.cancel()));
      states$.complete();
    },
  };
}

/** What the log keeps of a document the server did not take, and which fields the merge kept. */
function conflictLogEntry(
  collection: SyncedCollection,
  conflict: PushConflict,
  mine: DocumentState,
  assumed: DocumentState | undefined,
): NewConflictLogEntry {
  const master = conflict.master === null ? null : asState(conflict.master);
  const merged =
    conflict.code === 'conflict' && master !== null
      ? mergeDocumentStates({ assumed, master, mine })
      : { serverKept: [] as string[], mineKept: [] as string[] };
  return {
    collection,
    docId: conflict.id,
    code: conflict.code,
    reason: conflict.reason,
    serverKept: [...merged.serverKept],
    mineKept: [...merged.mineKept],
    mine,
    master,
  };
}
