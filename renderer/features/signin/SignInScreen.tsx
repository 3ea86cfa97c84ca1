import { useState } from 'react';
import { ipcStrings } from '../../../shared/ipc/strings';
import { useIpc } from '../../ipc/IpcContext';
import { restoreScreenStrings } from '../backup/strings';
import { sampleTrialRequest, sampleTrialSizes } from './sampleTrialRequest';
import { startSampleTrial, type SampleTrial, type SampleTrialProgress } from './startSampleTrial';
import { setPasswordStrings, signInStrings } from './strings';
import { SetPasswordWithCodeForm } from './SetPasswordWithCodeForm';
import { SignInBrand } from './SignInBrand';
import { AccountSignInForm } from './AccountSignInForm';
import { ServerSetting } from './ServerSetting';
import type { Session } from '../../app/session';
import type { HocbaDatabase } from '../../data/database';

type Props = {
  readonly onSignedIn: (trial: SampleTrial) => void;
  /** A real account signed in (main holds its session; its own database is open). */
  readonly onAccountSignedIn: (
    session: Session,
    database: HocbaDatabase,
    connection: 'online' | 'offline',
  ) => void;
  /** Khôi phục: a fresh desktop restores a backup instead of signing in. */
  readonly onRestore: () => void;
};

function progressText(progress: SampleTrialProgress): string {
  if (progress.stage === 'generating') return signInStrings.preparing;
  return signInStrings.saving;
}

/** Sign-in: a real account (online the first time, offline afterwards) or the sample-data trial. */
export function SignInScreen({ onSignedIn, onAccountSignedIn, onRestore }: Props) {
  const ipc = useIpc();
  const [progress, setProgress] = useState<SampleTrialProgress | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const [students, setStudents] = useState<number>(sampleTrialRequest.students);
  const [withResults, setWithResults] = useState(true);
  const [settingPassword, setSettingPassword] = useState(false);
  const shownError = error ?? (ipc.transportKind === 'none' ? ipcStrings.unavailable : undefined);

  const trySample = async (): Promise<void> => {
    setError(undefined);
    try {
      const result = await startSampleTrial(ipc, window.localStorage, { students, withResults }, setProgress);
      if (result.ok) onSignedIn(result.trial);
      else setError(result.message);
    } catch {
      setError(signInStrings.failed);
    } finally {
      setProgress(undefined);
    }
  };

  return (
    <main className="signin">
      <section className="signin-card" aria-labelledby="signin-title">
        <SignInBrand />
        <p className="signin-intro">{signInStrings.intro}</p>
        <h1 id="signin-title">{settingPassword ? setPasswordStrings.title : signInStrings.title}</h1>
        {settingPassword ? (
          <SetPasswordWithCodeForm onSignedIn={onAccountSignedIn} onBack={() => setSettingPassword(false)} />
        ) : (
          <>
            <AccountSignInForm
              disabled={ipc.transportKind === 'none' || progress !== undefined}
              onSignedIn={onAccountSignedIn}
            />
            <button
              type="button"
              className="link-button signin-set-password"
              disabled={ipc.transportKind === 'none' || progress !== undefined}
              onClick={() => setSettingPassword(true)}
            >
              {setPasswordStrings.open}
            </button>
          </>
        )}
        <ServerSetting disabled={ipc.transportKind === 'none' || progress !== undefined} />
        <div className="divider">
          <span>{signInStrings.or}</span>
        </div>
        <div className="sample-options">
          <label>
            {signInStrings.sizeLabel}
            <select
              value={students}
              onChange={(event) => setStudents(Number(event.target.value))}
              disabled={progress !== undefined}
            >
              {sampleTrialSizes.map((size) => (
                <option key={size} value={size}>
                  {signInStrings.sizeOption(size)}
                </option>
              ))}
            </select>
          </label>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={withResults}
              onChange={(event) => setWithResults(event.target.checked)}
              disabled={progress !== undefined}
            />
            {signInStrings.withResults}
          </label>
        </div>
        <button
          type="button"
          className="button button-primary button-wide"
          disabled={progress !== undefined || ipc.transportKind === 'none'}
          onClick={() => void trySample()}
        >
          {signInStrings.trySample}
        </button>
        <p className="hint">{signInStrings.trySampleHint}</p>
        {progress && (
          <p className="status" role="status">
            {progressText(progress)}
          </p>
        )}
        {shownError && (
          <p className="error" role="alert">
            {shownError}
          </p>
        )}
        <button
          type="button"
          className="link-button signin-restore"
          title={restoreScreenStrings.openHint}
          disabled={progress !== undefined || ipc.transportKind === 'none'}
          onClick={onRestore}
        >
          {restoreScreenStrings.open}
        </button>
      </section>
    </main>
  );
}
