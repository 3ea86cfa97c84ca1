import { useState, type SyntheticEvent } from 'react';
import type { Session } from '../../app/session';
import type { HocbaDatabase } from '../../data/database';
import { useIpc } from '../../ipc/IpcContext';
import { signInWithAccount } from './signInWithAccount';
import { signInStrings } from './strings';

type Props = {
  readonly disabled: boolean;
  readonly onSignedIn: (session: Session, database: HocbaDatabase, connection: 'online' | 'offline') => void;
};

/** Tên đăng nhập + mật khẩu of an account the province (or the school's principal) created. */
export function AccountSignInForm({ disabled, onSignedIn }: Props) {
  const ipc = useIpc();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    setError(undefined);
    setBusy(true);
    try {
      const result = await signInWithAccount(ipc, { login: login.trim().toLowerCase(), password });
      if (result.ok) onSignedIn(result.session, result.database, result.connection);
      else setError(result.message);
    } catch {
      setError(signInStrings.accountFailed);
    } finally {
      setBusy(false);
      setPassword('');
    }
  };

  return (
    <form className="signin-form" onSubmit={(event) => void submit(event)}>
      <label>
        {signInStrings.userName}
        <input
          type="text"
          name="login"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          value={login}
          disabled={disabled || busy}
          onChange={(event) => setLogin(event.target.value)}
        />
      </label>
      <label>
        {signInStrings.password}
        <input
          type="password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          disabled={disabled || busy}
          onChange={(event) => setPassword(event.target.value)}
        />
      </label>
      <button type="submit" className="button button-primary" disabled={disabled || busy}>
        {busy ? signInStrings.signingIn : signInStrings.signIn}
      </button>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
