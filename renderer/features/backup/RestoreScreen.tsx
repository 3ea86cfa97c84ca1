import { useId, useState } from 'react';
import { formatInstant } from '../../../shared/domain/dates';
import type { BackupSummaryView } from '../../../shared/ipc/backupChannels';
import {
  restoreFromBackup,
  type RestoredPrincipal,
  type RestoreProgress,
} from '../../data/backup/restoreFromBackup';
import { stageBytes } from '../../data/backup/stageBytes';
import type { HocbaDatabase } from '../../data/database';
import { useIpc } from '../../ipc/IpcContext';
import { FilePickButton } from '../../ui/FilePickButton';
import { documentsIn, restoreScreenStrings as text, sizeText } from './strings';
import { SignInBrand } from '../signin/SignInBrand';

export type RestoredDesktop = {
  readonly database: HocbaDatabase;
  readonly databaseName: string;
  readonly principal: RestoredPrincipal;
};

type Props = {
  readonly onRestored: (restored: RestoredDesktop) => void;
  readonly onBack: () => void;
};

type Step =
  | { readonly kind: 'choosing' }
  | { readonly kind: 'working'; readonly message: string }
  | {
      readonly kind: 'checked';
      readonly uploadId: string;
      readonly databaseName: string;
      readonly summary: BackupSummaryView;
    }
  | { readonly kind: 'restoring'; readonly message: string }
  | { readonly kind: 'restored'; readonly message: string; readonly desktop: RestoredDesktop };

const progressText = (progress: RestoreProgress): string =>
  progress.stage === 'restoringFiles'
    ? text.restoringFiles
    : progress.stage === 'reading'
      ? text.reading(progress.part, progress.parts)
      : text.saving;

/**
 * Khôi phục: a backup from a USB stick into this (fresh) desktop. The file is checked through by
 * main before anything is written; the restore then puts back the data, the photos, the signed
 * records and the history, and opens the app as the school's principal.
 */
export function RestoreScreen({ onRestored, onBack }: Props) {
  const ipc = useIpc();
  const [file, setFile] = useState<File | undefined>(undefined);
  const [passphrase, setPassphrase] = useState('');
  const [step, setStep] = useState<Step>({ kind: 'choosing' });
  const [error, setError] = useState<string | undefined>(undefined);
  const passphraseId = useId();
  const busy = step.kind === 'working' || step.kind === 'restoring';

  const check = async () => {
    if (!file) return;
    setError(undefined);
    setStep({ kind: 'working', message: text.sending(0, 1) });
    const staged = await stageBytes(ipc, file, ({ sent, total }) =>
      setStep({ kind: 'working', message: sent < total ? text.sending(sent, total) : text.checking }),
    );
    if (!staged.ok) {
      setStep({ kind: 'choosing' });
      setError(staged.message);
      return;
    }
    const inspected = await ipc.invoke('backup:inspect', { uploadId: staged.uploadId, passphrase });
    if (!inspected.ok) {
      setStep({ kind: 'choosing' });
      setError(inspected.error.message);
      return;
    }
    setStep({ kind: 'checked', uploadId: staged.uploadId, ...inspected.value });
  };

  const restore = async () => {
    if (step.kind !== 'checked') return;
    setError(undefined);
    const { uploadId, databaseName, summary } = step;
    setStep({ kind: 'restoring', message: text.restoringFiles });
    const outcome = await restoreFromBackup(ipc, { uploadId, passphrase, databaseName }, text, (progress) =>
      setStep({ kind: 'restoring', message: progressText(progress) }),
    );
    if (!outcome.ok) {
      setStep({ kind: 'checked', uploadId, databaseName, summary });
      setError(outcome.message);
      return;
    }
    setPassphrase('');
    setStep({
      kind: 'restored',
      message: text.restored(outcome.documents, summary.fileName),
      desktop: { database: outcome.database, databaseName, principal: outcome.principal },
    });
  };

  const chosen = (picked: File | undefined) => {
    setStep({ kind: 'choosing' });
    setError(picked && !picked.name.toLowerCase().endsWith('.hocbak') ? text.notBackupName : undefined);
    setFile(picked);
  };

  return (
    <main className="signin">
      <section className="signin-card restore-card" aria-labelledby="restore-title">
        <SignInBrand />
        <h1 id="restore-title">{text.title}</h1>
        <p className="signin-intro">{text.intro}</p>
        {step.kind !== 'restored' && (
          <div className="restore-form">
            <div className="field">
              <FilePickButton
                label={text.pickFile}
                accessibleName={text.pickFileLabel}
                accept=".hocbak"
                disabled={busy}
                onChange={(event) => chosen(event.target.files?.[0])}
              />
              <p className="hint">{file ? text.chosen(file.name, sizeText(file.size)) : text.noFile}</p>
            </div>
            <div className="field">
              <label htmlFor={passphraseId}>{text.passphrase}</label>
              <input
                id={passphraseId}
                type="password"
                autoComplete="off"
                value={passphrase}
                disabled={busy}
                onChange={(event) => {
                  setPassphrase(event.target.value);
                  if (step.kind === 'checked') setStep({ kind: 'choosing' });
                }}
              />
            </div>
            {step.kind === 'checked' ? (
              <>
                <p className="notice" role="status">
                  {text.checked(
                    step.summary.school.name,
                    formatInstant(step.summary.createdAt),
                    documentsIn(step.summary),
                    step.summary.auditEvents,
                    step.summary.files,
                  )}
                </p>
                <button
                  type="button"
                  className="button button-primary button-wide"
                  onClick={() => void restore()}
                >
                  {text.restore}
                </button>
              </>
            ) : (
              <button
                type="button"
                className="button button-primary button-wide"
                disabled={
                  busy || !file || passphrase.length < 10 || !file.name.toLowerCase().endsWith('.hocbak')
                }
                onClick={() => void check()}
              >
                {text.check}
              </button>
            )}
          </div>
        )}
        {(step.kind === 'working' || step.kind === 'restoring') && (
          <p className="status" role="status">
            {step.message}
          </p>
        )}
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        {step.kind === 'restored' ? (
          <>
            <p className="notice" role="status">
              {step.message}
            </p>
            <button
              type="button"
              className="button button-primary button-wide"
              onClick={() => onRestored(step.desktop)}
            >
              {text.openApp}
            </button>
          </>
        ) : (
          <button type="button" className="link-button restore-back" disabled={busy} onClick={onBack}>
            {text.back}
          </button>
        )}
      </section>
    </main>
  );
}
