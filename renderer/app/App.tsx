import { useCallback, useEffect, useState } from 'react';
import type { StaffMember } from '../../shared/domain/staff';
import { DatabaseProvider } from '../data/DatabaseContext';
import { openHocbaDatabase, type HocbaDatabase } from '../data/database';
import { AuditStartCheck } from '../features/history/AuditStartCheck';
import { useChainHeadReporting } from '../features/history/auditHeadReporting';
import { SampleLoadStatus } from '../features/signin/SampleLoadStatus';
import { RestoreScreen, type RestoredDesktop } from '../features/backup/RestoreScreen';
import { SignInScreen } from '../features/signin/SignInScreen';
import { resumeSampleLoad, type SampleLoadPlan, type SampleTrial } from '../features/signin/startSampleTrial';
import { useSampleLoad } from '../features/signin/useSampleLoad';
import { useIpc } from '../ipc/IpcContext';
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
    }
  | { readonly kind: 'failed'; readonly message: string };

function SchoolGate({ children }: { children: React.ReactNode }) {
  const state = useSchoolState();
  if (state === undefined) return <p className="status">{shellStrings.loading}</p>;
  if (state === null) return <p className="status">{shellStrings.noSchool}</p>;
  return children;
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
    openHocbaDatabase({ name: session.databaseName }).then(
      async (database) => {
        opened = database;
        // An unfinished sample load (the window closed while it ran) goes on where it stopped.
        const load = await resumeSampleLoad(ipc, window.localStorage, database).catch(() => undefined);
        if (live) setState({ kind: 'signedIn', session, database, load });
        else void database.close();
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

  const onRestored = useCallback((restored: RestoredDesktop) => {
    const session = restoredSession(restored.databaseName, restored.principal);
    writeSession(window.localStorage, session);
    window.location.hash = '';
    setState({ kind: 'signedIn', session, database: restored.database, load: undefined });
  }, []);

  const onSwitchUser = useCallback(
    (member: StaffMember) => {
      if (state.kind !== 'signedIn') return;
      const session = sampleSessionAs(member);
      writeSession(window.localStorage, session);
      setState({ ...state, session });
    },
    [state],
  );

  const onSignOut = useCallback(() => {
    if (state.kind === 'signedIn') void state.database.close();
    clearSession(window.localStorage);
    window.location.hash = '';
    setState({ kind: 'signedOut' });
  }, [state]);

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
      return <SignInScreen onSignedIn={onSignedIn} onRestore={() => setState({ kind: 'restoringBackup' })} />;
    case 'restoringBackup':
      return <RestoreScreen onRestored={onRestored} onBack={() => setState({ kind: 'signedOut' })} />;
    case 'signedIn':
      return (
        <DatabaseProvider database={state.database}>
          <SchoolProvider session={state.session} deviceId={info?.deviceId}>
            <RouteProvider value={{ route, navigate }}>
              <AppShell
                session={state.session}
                info={info}
                currentArea={route.area}
                onNavigate={(area) => navigate({ area, params: carriedOver(route.params) })}
                onSwitchUser={onSwitchUser}
                onSignOut={onSignOut}
              >
                <AuditStartCheck deviceId={info?.deviceId} />
                <SampleLoadStatus state={sampleLoad} />
                <SchoolGate>
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
          </SchoolProvider>
        </DatabaseProvider>
      );
  }
}
