import { useEffect, useMemo, useState } from 'react';
import type { SyncedCollection } from '../../../shared/sync/syncWire';
import { syncStrings } from '../../data/sync/syncStrings';
import { ConflictLogList } from './ConflictLogList';
import { RecordHandInPanel } from './RecordHandInPanel';
import { useRecordHandInStatus, useSync } from './SyncProvider';
import { syncScreenStrings as text, syncTimeOf } from './syncScreenStrings';

const timeOf = (iso: string | undefined) => (iso === undefined ? '—' : syncTimeOf(iso));

type Run =
  | { readonly kind: 'idle' }
  | { readonly kind: 'running' }
  | { readonly kind: 'done' }
  | { readonly kind: 'failed'; readonly message: string };

/**
 * "Đồng bộ": where sync stands (running, what is waiting to go, the last success, the server's
 * words when it failed), each kind of data's counts, "Đồng bộ ngay", and the conflict log.
 */
export function SyncScreen() {
  const sync = useSync();
  const handIn = useRecordHandInStatus();
  const [run, setRun] = useState<Run>({ kind: 'idle' });
  const [pending, setPending] = useState<ReadonlyMap<SyncedCollection, number> | undefined>(undefined);
  const replication = sync.kind === 'running' ? sync.replication : undefined;
  const states = useMemo(() => (sync.kind === 'running' ? sync.states : []), [sync]);
  const active = states.some((state) => state.active) || run.kind === 'running';

  // What is waiting to go, read again whenever sync settles (it reads whole collections).
  useEffect(() => {
    if (replication === undefined || active) return;
    let live = true;
    void replication.pendingChanges().then((counts) => {
      if (live) setPending(counts);
    });
    return () => {
      live = false;
    };
  }, [replication, active, states]);

  if (sync.kind === 'trial' || sync.kind === 'unavailable' || sync.kind === 'starting')
    return (
      <SyncScreenFrame>
        <p className="status" role="status">
          {sync.kind === 'trial' ? text.trial : sync.kind === 'starting' ? text.starting : sync.message}
        </p>
      </SyncScreenFrame>
    );

  const totalPending = [...(pending?.values() ?? [])].reduce((sum, count) => sum + count, 0);
  const error = states.find((state) => state.error !== undefined)?.error;
  const lastSuccess = states
    .map((state) => state.lastSuccessAt)
    .filter((at): at is string => at !== undefined)
    .sort()
    .at(-1);
  const summary = active
    ? text.syncing
    : totalPending > 0
      ? text.pending(totalPending)
      : lastSuccess === undefined
        ? text.neverSynced
        : text.synced(timeOf(lastSuccess));

  const syncNow = () => {
    setRun({ kind: 'running' });
    // The records go up after the data they were made from.
    sync.replication
      .syncNow()
      .then(() => handIn?.handInNow({ retryRefused: true }))
      .then(
        () => setRun({ kind: 'done' }),
        (failure: unknown) => setRun({ kind: 'failed', message: syncStrings.failureOf(failure) }),
      );
  };

  return (
    <SyncScreenFrame>
      <section className="panel sync-state">
        <p className="status" role="status" aria-live="polite">
          {summary}
        </p>
        {error !== undefined && !active && (
          <p className="notice error" role="alert">
            {error}
          </p>
        )}
        <button
          type="button"
          className="button button-primary"
          onClick={syncNow}
          disabled={run.kind === 'running'}
        >
          {run.kind === 'running' ? text.syncing : text.syncNow}
        </button>
        {run.kind === 'done' && (
          <p className="notice" role="status">
            {text.syncNowDone}
          </p>
        )}
        {run.kind === 'failed' && (
          <p className="notice error" role="alert">
            {run.message}
          </p>
        )}
        <table className="data-table sync-table">
          <caption>{text.tableCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{text.columns.collection}</th>
              <th scope="col">{text.columns.pending}</th>
              <th scope="col">{text.columns.received}</th>
              <th scope="col">{text.columns.sent}</th>
              <th scope="col">{text.columns.notTaken}</th>
              <th scope="col">{text.columns.lastSuccess}</th>
            </tr>
          </thead>
          <tbody>
            {states.map((state) => (
              <tr key={state.collection} aria-busy={state.active}>
                <th scope="row">{text.collections[state.collection]}</th>
                <td>{pending?.get(state.collection) ?? '…'}</td>
                <td>{state.received.toLocaleString('vi-VN')}</td>
                <td>{state.sent.toLocaleString('vi-VN')}</td>
                <td>{state.notTaken.toLocaleString('vi-VN')}</td>
                <td>{timeOf(state.lastSuccessAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <RecordHandInPanel />
      <ConflictLogList />
    </SyncScreenFrame>
  );
}

/** The screen's title and what sync is, above whatever state it is in. */
function SyncScreenFrame({ children }: { readonly children: React.ReactNode }) {
  return (
    <div className="screen sync-screen">
      <div className="screen-header">
        <h1>{text.title}</h1>
      </div>
      <p className="intro">{text.intro}</p>
      {children}
    </div>
  );
}
