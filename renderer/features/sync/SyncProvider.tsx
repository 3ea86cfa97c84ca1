import { createContext, useContext, useEffect, useState } from 'react';
import { auditTime, fromEvent, interval, merge, type Subscription } from 'rxjs';
import { useDatabase } from '../../data/DatabaseContext';
import {
  startSchoolReplication,
  type CollectionSyncState,
  type SchoolReplication,
} from '../../data/sync/schoolReplication';
import { syncTransportThroughMain } from '../../data/sync/syncTransport';
import { useIpc } from '../../ipc/IpcContext';
import type { Session } from '../../app/session';
import { useRecordHandIn, type RecordHandIn } from './recordHandIn';

/** How often a running app looks for the server's changes without being asked (and on `online`). */
export const liveResyncMs = 60_000;

export type SyncStatus =
  | { readonly kind: 'trial' }
  | { readonly kind: 'starting' }
  | { readonly kind: 'unavailable'; readonly message: string }
  | {
      readonly kind: 'running';
      readonly replication: SchoolReplication;
      readonly states: readonly CollectionSyncState[];
    };

const SyncContext = createContext<SyncStatus>({ kind: 'trial' });
const RecordHandInContext = createContext<RecordHandIn | undefined>(undefined);

export function useSync(): SyncStatus {
  return useContext(SyncContext);
}

/** Handing the signed records in to the province (undefined outside a real account's session). */
export function useRecordHandInStatus(): RecordHandIn | undefined {
  return useContext(RecordHandInContext);
}

/**
 * Sync for a real account's session: starts the school's replication with the province server as
 * soon as the database is open (it backs off by itself while the server cannot be reached), looks
 * for the server's changes every minute and when the network comes back, and stops on sign-out.
 * After the first pull and on each of those moments, main hands in the signed records not yet
 * on the server. The trial's sample school never leaves this desktop.
 */
export function SyncProvider({
  session,
  deviceId,
  children,
}: {
  readonly session: Session;
  readonly deviceId: string | undefined;
  readonly children: React.ReactNode;
}) {
  const database = useDatabase();
  const ipc = useIpc();
  const handIn = useRecordHandIn(ipc);
  const { handInNow } = handIn;
  const [status, setStatus] = useState<SyncStatus>(
    session.mode === 'account' ? { kind: 'starting' } : { kind: 'trial' },
  );

  useEffect(() => {
    if (session.mode !== 'account' || deviceId === undefined) return;
    let live = true;
    /** Read after each await: the session may have ended meanwhile. */
    const ended = () => !live;
    let replication: SchoolReplication | undefined;
    let handInTicks: Subscription | undefined;
    void (async () => {
      const [current, setting] = await Promise.all([
        ipc.invoke('session:current', {}),
        ipc.invoke('session:serverSetting', {}),
      ]);
      if (ended()) return;
      if (!current.ok || !setting.ok) {
        const failed = !current.ok ? current : setting.ok ? undefined : setting;
        setStatus({ kind: 'unavailable', message: failed?.error.message ?? '' });
        return;
      }
      const schoolId = current.value.kind === 'account' ? current.value.account.schoolId : null;
      const serverUrl = setting.value.serverUrl;
      if (schoolId === null || serverUrl === null) return;
      const resync$ = merge(interval(liveResyncMs), fromEvent(window, 'online'));
      replication = startSchoolReplication({
        database,
        transport: syncTransportThroughMain(ipc),
        schoolId,
        deviceId,
        serverUrl,
        resync$,
      });
      const running = replication;
      void running.awaitInitialPull().then(() => {
        if (live) void handInNow();
      });
      handInTicks = resync$.subscribe(() => {
        if (live) void handInNow();
      });
      // Counters move with every document: the screen follows at most twice a second.
      running.states$.pipe(auditTime(500)).subscribe((states) => {
        if (live) setStatus({ kind: 'running', replication: running, states });
      });
    })();
    return () => {
      live = false;
      handInTicks?.unsubscribe();
      void replication?.stop();
    };
  }, [session.mode, session.databaseName, deviceId, database, ipc, handInNow]);

  return (
    <SyncContext.Provider value={status}>
      <RecordHandInContext.Provider value={session.mode === 'account' ? handIn : undefined}>
        {children}
      </RecordHandInContext.Provider>
    </SyncContext.Provider>
  );
}
