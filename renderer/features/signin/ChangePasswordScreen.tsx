import { useState, type SyntheticEvent } from 'react';
import { accountSessionOf, type Session } from '../../app/session';
import { useIpc } from '../../ipc/IpcContext';
import { NewPasswordFields, newPasswordMismatch, type NewPassword } from './NewPasswordFields';
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
 * account and answers a fresh session for this desktop; the offline verifier learns the new password.
 */
export function ChangePasswordScreen({ required, onChanged, onCancel }: Props) {
  const ipc = useIpc();
  const [current, setCurrent] = useState('');
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
    const answer = await ipc.invoke('session:changePassword', {
      currentPassword: current,
      newPassword: fresh.next,
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
          <NewPasswordFields value={fresh} onChange={setFresh} />
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
