import { useState } from 'react';
import { useIpc } from '../../ipc/IpcContext';
import { backupScreenStrings as text, documentsIn } from './strings';

type Outcome = { readonly ok: boolean; readonly message: string } | undefined;

/** One backup's check: its passphrase, then whether every part of it is whole (nothing restored). */
export function BackupVerifyRow({ fileName }: { fileName: string }) {
  const ipc = useIpc();
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(undefined);
  const verify = async () => {
    setBusy(true);
    setOutcome(undefined);
    const result = await ipc.invoke('backup:verify', { fileName, passphrase });
    setBusy(false);
    if (!result.ok) {
      setOutcome({ ok: false, message: result.error.message });
      return;
    }
    const documents = documentsIn(result.value);
    setOutcome({ ok: true, message: text.verified(documents, result.value.auditEvents, result.value.files) });
  };
  return (
    <div className="backup-verify">
      <input
        type="password"
        aria-label={text.verifyLabel(fileName)}
        value={passphrase}
        onChange={(event) => setPassphrase(event.target.value)}
      />
      <button
        type="button"
        className="button"
        disabled={busy || passphrase.length < 10}
        onClick={() => void verify()}
      >
        {busy ? text.verifying : text.verify}
      </button>
      {outcome && (
        <p className={outcome.ok ? 'save-state saved' : 'error'} role={outcome.ok ? 'status' : 'alert'}>
          {outcome.message}
        </p>
      )}
    </div>
  );
}
