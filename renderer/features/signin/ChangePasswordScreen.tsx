import { useState, type SyntheticEvent } from 'react';
import { accountSessionOf, type Session } from '../../app/session';
import { useIpc } from '../../ipc/IpcContext';
import { SignInBrand } from './SignInBrand';
import { changePasswordStrings as text } from './strings';

type Props = {
  /** Set after a reset: there is no way around it but signing out. */
  readonly required: boolean;
  readonly onChanged: (session: Session) => void;
  readonly onCancel: () => void;
};

/**
 * Đổi mật khẩu: online, against the province server, which ends every other session of the
 * account; main then signs in again with the new password, which also renews the offline verifier.
 */
export function ChangePasswordScreen({ required, onChanged, onCancel }: Props) {
  const ipc = useIpc();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    setError(undefined);
    if (next !== again) {
      setError(text.mismatch);
      return;
    }
    setBusy(true);
    const answer = await ipc.invoke('session:changePassword', {
      currentPassword: current,
      newPassword: next,
    });
    setBusy(false);
    if (!answer.ok) {
      setError(answer.error.issues?.[0]?.message ?? answer.error.message);
      return;
    }
    if (answer.value.kind === 'account') onChanged(accountSessionOf(answer.value));
  };

  return (
    <main className="signin">
      <section className="signin-card" aria-labelledby="change-password-title">
        <SignInBrand />
        <h1 id="change-password-title">{text.title}</h1>
        {required && <p className="signin-intro">{text.required}</p>}
        <form className="signin-form" onSubmit={(event) => void submit(event)}>
          <label>
            {text.current}
            <input
              type="password"
              autoComplete="current-password"
              required
              value={current}
              onChange={(event) => setCurrent(event.target.value)}
            />
          </label>
          <label>
            {text.next}
            <input
              type="password"
              autoComplete="new-password"
              required
              minLength={10}
              value={next}
              onChange={(event) => setNext(event.target.value)}
            />
          </label>
          <label>
            {text.again}
            <input
              type="password"
              autoComplete="new-password"
              required
              value={again}
              onChange={(event) => setAgain(event.target.value)}
            />
          </label>
          <p className="hint">{text.rule}</p>
          <button type="submit" className="button button-primary" disabled={busy}>
            {text.save}
          </button>
          {error && (
            <p className="error" role="alert">
              {error}
            </p>
          )}
        </form>
        <button type="button" className="link-button signin-restore" onClick={onCancel}>
          {required ? text.signOut : text.back}
        </button>
      </section>
    </main>
  );
}
