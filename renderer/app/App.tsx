import { useCallback, useEffect, useState } from 'react';
import type { StaffMember } from '../../shared/domain/staff';
import { DatabaseProvider } from '../data/DatabaseContext';
import type { HocbaDatabase } from '../data/database';
import { openLocalDatabase } from '../data/openLocalDatabase';
import { AuditStartCheck } from '../features/history/AuditStartCheck';
import { useChainHeadReporting } from '../features/history/auditHeadReporting';
import { SampleLoadStatus } from '../features/signin/SampleLoadStatus';
import { RestoreScreen, type RestoredDesktop } from '../features/backup/RestoreScreen';
import { NewSchoolScreen } from '../features/setup/NewSchoolScreen';
import { ChangePasswordScreen } from '../features/signin/ChangePasswordScreen';
import { SignInScreen } from '../features/signin/SignInScreen';
import { SyncProvider } from '../features/sync/SyncProvider';
import { resumeSampleLoad, type SampleLoadPlan, type SampleTrial } from '../features/signin/startSampleTrial';
import { useSampleLoad } from '../features/signin/useSampleLoad';
import { useIpc } from '../ipc/IpcContext';
import type { IpcClient } from '../ipc/ipcClient';
import { AppShell } from './AppShell';
import { AreaScreen } from './AreaScreen';
import { UnknownRouteScreen } from './UnknownRouteScreen';
import { carriedOver, useRoute } from './hashRoute';
import { RouteProvider } from './RouteContext';
import { SchoolProvider, useSchoolState } from './SchoolContext';
import {
  clearSession,
  readSession,
  restoredSession,
  sampleSessionAs,
  writeSession,
  type Session,
} from './session';
import { shellStrings } from './strings';
import { declareTrialActor } from './trialActor';
import { TrialActorSync } from './TrialActorSync';
import { useAppInfo } from './useAppInfo';

type AppState =
  | { readonly kind: 'restoring' }
  | { readonly kind: 'signedOut' }
  | { readonly kind: 'restoringBackup' }
  | {
      readonly kind: 'signedIn';
      readonly session: Session;
      readonly database: HocbaDatabase;
      /** The sample trial's students and results still loading behind the screens. */
      readonly load: SampleLoadPlan | undefined;
      /** How a real account signed in this time. */
      readonly connection?: 'online' | 'offline';
      /** Đổi mật khẩu open (a real account). */
      readonly changingPassword?: boolean;
    }
  | { readonly kind: 'failed'; readonly message: string };

function SchoolGate({
  session,
  deviceId,
  children,
}: {
  session: Session;
  deviceId: string | undefined;
  children: React.ReactNode;
}) {
  const state = useSchoolState();
  if (state === undefined) return <p className="status">{shellStrings.loading}</p>;
  if (state === null)
    return session.mode === 'account' ? (
      <NewSchoolScreen deviceId={deviceId} />
    ) : (
      <p className="status">{shellStrings.noSchool}</p>
    );
  return children;
}

/** How main holds this account's session, or undefined when it does not (it ends when the app restarts). */
async function connectionHeld(ipc: IpcClient, session: Session): Promise<'online' | 'offline' | undefined> {
  const current = await ipc.invoke('session:current', {});
  if (!current.ok || current.value.kind !== 'account') return undefined;
  const held = current.value;
  return held.databaseName === session.databaseName && held.account.userId === session.userId
    ? held.connection
    : undefined;
}

/** Restores the last session on this desktop (its own local database), or shows sign-in. */
export function App() {
  const [savedSession] = useState(() => readSession(window.localStorage));
  const [state, setState] = useState<AppState>(savedSession ? { kind: 'restoring' } : { kind: 'signedOut' });
  const [route, navigate] = useRoute();
  const info = useAppInfo();
  const ipc = useIpc();
  const loadPlan = state.kind === 'signedIn' ? state.load : undefined;
  const sampleLoad = useSampleLoad(loadPlan, window.localStorage);
  // Every audited write of this page tells main its new chain head (from the sample import on).
  useChainHeadReporting();

  useEffect(() => {
    const session = savedSession;
    if (!session) return;
    let live = true;
    let opened: HocbaDatabase | undefined;
    const reopen = async (): Promise<AppState> => {
      // A real account's session is main's: after a restart of the app it signs in again.
      const connection = session.mode === 'account' ? await connectionHeld(ipc, session) : undefined;
      if (session.mode === 'account' && connection === undefined) {
        clearSession(window.localStorage);
        return { kind: 'signedOut' };
      }
      const database = await openLocalDatabase(ipc, session.databaseName);
      opened = database;
      if (session.mode === 'sample') {
        const declared = await declareTrialActor(ipc, database, session);
        if (!declared.ok) return { kind: 'failed', message: declared.message };
      }
      // An unfinished sample load (the window closed while it ran) goes on where it stopped.
      const load = await resumeSampleLoad(ipc, window.localStorage, database).catch(() => undefined);
      return {
        kind: 'signedIn',
        session,
        database,
        load,
        ...(connection === undefined ? {} : { connection }),
      };
    };
    reopen().then(
      (next) => {
        if (live) setState(next);
        else void opened?.close();
      },
      () => {
        if (live) setState({ kind: 'failed', message: shellStrings.databaseFailed });
      },
    );
    return () => {
      live = false;
      void opened?.close();
    };
  }, [savedSession, ipc]);

  const onSignedIn = useCallback((trial: SampleTrial) => {
    writeSession(window.localStorage, trial.session);
    setState({ kind: 'signedIn', session: trial.session, database: trial.database, load: trial.load });
  }, []);

  const onAccountSignedIn = useCallback(
    (session: Session, database: HocbaDatabase, connection: 'online' | 'offline') => {
      writeSession(window.localStorage, session);
      window.location.hash = '';
      setState({ kind: 'signedIn', session, database, load: undefined, connection });
    },
    [],
  );

  const onRestored = useCallback(
    (restored: RestoredDesktop) => {
      const session = restoredSession(restored.databaseName, restored.principal);
      void declareTrialActor(ipc, restored.database, session).then((declared) => {
        if (!declared.ok) {
          setState({ kind: 'failed', message: declared.message });
          return;
        }
        writeSession(window.localStorage, session);
        window.location.hash = '';
        setState({ kind: 'signedIn', session, database: restored.database, load: undefined });
      });
    },
    [ipc],
  );

  const onSwitchUser = useCallback(
    (member: StaffMember) => {
      if (state.kind !== 'signedIn' || state.session.mode !== 'sample') return;
      const session = sampleSessionAs(member);
      // Main learns who acts before any screen of theirs asks it for something.
      void declareTrialActor(ipc, state.database, session).then((declared) => {
        if (!declared.ok) return;
        writeSession(window.localStorage, session);
        setState({ ...state, session });
      });
    },
    [state, ipc],
  );

  const onSignOut = useCallback(() => {
    if (state.kind === 'signedIn') void state.database.close();
    void ipc.invoke('session:signOut', {});
    clearSession(window.localStorage);
    window.location.hash = '';
    setState({ kind: 'signedOut' });
  }, [state, ipc]);

  switch (state.kind) {
    case 'restoring':
      return <p className="status centered">{shellStrings.loading}</p>;
    case 'failed':
      return (
        <p className="error centered" role="alert">
          {state.message}
        </p>
      );
    case 'signedOut':
      return (
        <SignInScreen
          onSignedIn={onSignedIn}
          onAccountSignedIn={onAccountSignedIn}
          onRestore={() => setState({ kind: 'restoringBackup' })}
        />
      );
    case 'restoringBackup':
      return <RestoreScreen onRestored={onRestored} onBack={() => setState({ kind: 'signedOut' })} />;
    case 'signedIn': {
      // The audit chain this session writes: an account's own on this desktop, else the desktop's.
      const chainDeviceId = state.session.chainDeviceId ?? info?.deviceId;
      if (
        state.session.mode === 'account' &&
        (state.session.mustChangePassword === true || state.changingPassword)
      )
        return (
          <ChangePasswordScreen
            required={state.session.mustChangePassword === true}
            onChanged={(session) => {
              writeSession(window.localStorage, session);
              setState({ ...state, session, connection: 'online', changingPassword: false });
            }}
            onCancel={
              state.session.mustChangePassword === true
                ? onSignOut
                : () => setState({ ...state, changingPassword: false })
            }
          />
        );
      return (
        <DatabaseProvider database={state.database}>
          <SchoolProvider session={state.session} deviceId={chainDeviceId}>
            <SyncProvider session={state.session} deviceId={chainDeviceId}>
              <RouteProvider value={{ route, navigate }}>
                <AppShell
                  session={state.session}
                  info={info}
                  currentArea={route.area}
                  onNavigate={(area) => navigate({ area, params: carriedOver(route.params) })}
                  onSwitchUser={onSwitchUser}
                  onSignOut={onSignOut}
                  onChangePassword={() => setState({ ...state, changingPassword: true })}
                  onStartedAfreshUnderstood={() => {
                    const { startedAfresh: _said, ...session } = state.session;
                    writeSession(window.localStorage, session);
                    setState({ ...state, session });
                  }}
                  {...(state.connection === undefined ? {} : { connection: state.connection })}
                >
                  {state.session.mode === 'sample' && <TrialActorSync session={state.session} />}
                  <AuditStartCheck deviceId={chainDeviceId} />
                  <SampleLoadStatus state={sampleLoad} />
                  <SchoolGate session={state.session} deviceId={chainDeviceId}>
                    {route.unknownPath === undefined ? (
                      <AreaScreen area={route.area} />
                    ) : (
                      <UnknownRouteScreen
                        path={route.unknownPath}
                        onHome={() => navigate({ area: 'home', params: {} })}
                      />
                    )}
                  </SchoolGate>
                </AppShell>
              </RouteProvider>
            </SyncProvider>
          </SchoolProvider>
        </DatabaseProvider>
      );
    }
  }
}
