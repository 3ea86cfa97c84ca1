import { useState, type SyntheticEvent } from 'react';
import { accountSessionOf, type Session } from '../../app/session';
import type { HocbaDatabase } from '../../data/database';
import { openLocalDatabase } from '../../data/openLocalDatabase';
import { useIpc } from '../../ipc/IpcContext';
import { NewPasswordFields, newPasswordMismatch, type NewPassword } from './NewPasswordFields';
import { setPasswordStrings as text } from './strings';

type Props = {
  readonly onSignedIn: (session: Session, database: HocbaDatabase, connection: 'online' | 'offline') => void;
  readonly onBack: () => void;
};

/**
 * Đặt mật khẩu bằng mã: a new staff member (or one whose password the principal reset) types the
 * one-time code from the printed slip and chooses a password; main sends it to the province server
 * and signs them in.
 */
export function SetPasswordWithCodeForm({ onSignedIn, onBack }: Props) {
  const ipc = useIpc();
  const [login, setLogin] = useState('');
  const [code, setCode] = useState('');
  const [fresh, setFresh] = useState<NewPassword>({ next: '', again: '' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    setError(undefined);
    const mismatch = newPasswordMismatch(fresh);
    if (mismatch !== undefined) {
      setError(mismatch);
      return;
    }
    setBusy(true);
    try {
      const answer = await ipc.invoke('session:resetPassword', {
        login: login.trim().toLowerCase(),
        resetCode: code,
        newPassword: fresh.next,
      });
      if (!answer.ok) {
        setError(answer.error.issues?.[0]?.message ?? answer.error.message);
        return;
      }
      if (answer.value.kind !== 'account') return;
      const session = accountSessionOf(answer.value);
      onSignedIn(session, await openLocalDatabase(ipc, session.databaseName), answer.value.connection);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="signin-form" aria-label={text.title} onSubmit={(event) => void submit(event)}>
      <p className="hint">{text.intro}</p>
      <label>
        {text.login}
        <input
          name="login"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          value={login}
          onChange={(event) => setLogin(event.target.value)}
        />
      </label>
      <label>
        {text.code}
        <input
          name="resetCode"
          autoComplete="one-time-code"
          autoCapitalize="characters"
          spellCheck={false}
          required
          placeholder="XXXX-XXXX-XXXX"
          value={code}
          onChange={(event) => setCode(event.target.value)}
        />
      </label>
      <NewPasswordFields value={fresh} onChange={setFresh} />
      <button type="submit" className="button button-primary" disabled={busy}>
        {text.save}
      </button>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <button type="button" className="link-button" onClick={onBack}>
        {text.back}
      </button>
    </form>
  );
}
