import { useCallback, useEffect, useState } from 'react';
import { DatabaseProvider } from '../data/DatabaseContext';
import { databaseNameFor, openHocbaDatabase, type HocbaDatabase } from '../data/database';
import { HomeScreen } from '../features/home/HomeScreen';
import { SignInScreen } from '../features/signin/SignInScreen';
import type { SampleTrial } from '../features/signin/startSampleTrial';
import { AppShell } from './AppShell';
import { useRoute } from './hashRoute';
import { clearSession, readSession, writeSession, type Session } from './session';
import { shellStrings } from './strings';

type AppState =
  | { readonly kind: 'restoring' }
  | { readonly kind: 'signedOut' }
  | { readonly kind: 'signedIn'; readonly session: Session; readonly database: HocbaDatabase }
  | { readonly kind: 'failed'; readonly message: string };

/** Restores the last session on this desktop (its own local database), or shows sign-in. */
export function App() {
  const [savedSession] = useState(() => readSession(window.localStorage));
  const [state, setState] = useState<AppState>(savedSession ? { kind: 'restoring' } : { kind: 'signedOut' });
  const [route, navigate] = useRoute();

  useEffect(() => {
    const session = savedSession;
    if (!session) return;
    let live = true;
    let opened: HocbaDatabase | undefined;
    openHocbaDatabase({ name: databaseNameFor(session.userId) }).then(
      (database) => {
        opened = database;
        if (live) setState({ kind: 'signedIn', session, database });
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
  }, [savedSession]);

  const onSignedIn = useCallback((trial: SampleTrial) => {
    writeSession(window.localStorage, trial.session);
    setState({ kind: 'signedIn', session: trial.session, database: trial.database });
  }, []);

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
      return <SignInScreen onSignedIn={onSignedIn} />;
    case 'signedIn':
      return (
        <DatabaseProvider database={state.database}>
          <AppShell
            session={state.session}
            currentArea={route.area}
            onNavigate={(area) => navigate({ area, params: {} })}
            onSignOut={onSignOut}
          >
            <HomeScreen
              selectedClassId={route.params.class}
              onSelectClass={(classId) => navigate({ area: 'home', params: { class: classId } })}
            />
          </AppShell>
        </DatabaseProvider>
      );
  }
}
