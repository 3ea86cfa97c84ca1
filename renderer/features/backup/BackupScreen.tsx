import { useCallback, useEffect, useId, useState } from 'react';
import { formatInstant } from '../../../shared/domain/dates';
import type { BackupListEntry } from '../../../shared/ipc/backupChannels';
import { useSchool } from '../../app/SchoolContext';
import { useAppInfo } from '../../app/useAppInfo';
import { exportDatabase } from '../../data/backup/exportDatabase';
import { sendBackup } from '../../data/backup/sendBackup';
import { useDatabase } from '../../data/DatabaseContext';
import { useIpc } from '../../ipc/IpcContext';
import { BackupVerifyRow } from './BackupVerifyRow';
import { backupScreenStrings as text, documentsIn, sizeText } from './strings';

type Step =
  | { readonly kind: 'idle' }
  | { readonly kind: 'working'; readonly message: string }
  | { readonly kind: 'done'; readonly message: string }
  | { readonly kind: 'failed'; readonly message: string };

const minimumLength = 10;

/** Sao lưu: seal this desktop's data into an encrypted file, and check the backups kept here. */
export function BackupScreen() {
  const ipc = useIpc();
  const database = useDatabase();
  const info = useAppInfo();
  const { school, writeContext, permissions } = useSchool();
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const [backups, setBackups] = useState<BackupListEntry[] | undefined>(undefined);
  const firstId = useId();
  const secondId = useId();
  const hintId = useId();

  const refresh = useCallback(() => {
    void ipc.invoke('backup:list', {}).then((result) => setBackups(result.ok ? result.value : []));
  }, [ipc]);
  useEffect(refresh, [refresh]);

  const problem =
    passphrase.length > 0 && passphrase.length < minimumLength
      ? text.tooShort
      : again.length > 0 && again !== passphrase
        ? text.notSame
        : undefined;
  const ready = permissions.canMakeBackup && passphrase.length >= minimumLength && again === passphrase;

  const create = async () => {
    setStep({ kind: 'working', message: text.preparing });
    try {
      const exported = await exportDatabase(database, writeContext.deviceId);
      const result = await sendBackup(
        ipc,
        exported,
        { passphrase, school: { code: school.code, name: school.name } },
        ({ sent, total }) =>
          setStep({ kind: 'working', message: sent < total ? text.sending(sent, total) : text.sealing }),
      );
      if (!result.ok) {
        setStep({ kind: 'failed', message: result.message });
        return;
      }
      const { summary } = result;
      const documents = documentsIn(summary);
      setStep({
        kind: 'done',
        message: text.created(
          summary.fileName,
          sizeText(summary.bytes),
          documents,
          summary.auditEvents,
          summary.files,
        ),
      });
      setPassphrase('');
      setAgain('');
      refresh();
    } catch {
      setStep({ kind: 'failed', message: text.unexpected });
    }
  };

  return (
    <div className="screen backup-screen">
      <div className="screen-header">
        <h1>{text.title}</h1>
      </div>
      <p className="intro">{text.intro}</p>
      <section className="panel backup-create">
        <div className="field">
          <label htmlFor={firstId}>{text.passphrase}</label>
          <input
            id={firstId}
            type="password"
            autoComplete="new-password"
            value={passphrase}
            aria-describedby={hintId}
            onChange={(event) => setPassphrase(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={secondId}>{text.passphraseAgain}</label>
          <input
            id={secondId}
            type="password"
            autoComplete="new-password"
            value={again}
            onChange={(event) => setAgain(event.target.value)}
          />
        </div>
        <p id={hintId} className="hint">
          {text.passphraseHint}
        </p>
        {problem && (
          <p className="error" role="alert">
            {problem}
          </p>
        )}
        <button
          type="button"
          className="button button-primary"
          disabled={!ready || step.kind === 'working'}
          onClick={() => void create()}
        >
          {text.create}
        </button>
        {step.kind === 'working' && (
          <p className="status" role="status">
            {step.message}
          </p>
        )}
        {step.kind === 'done' && (
          <div className="notice" role="status">
            <p>{step.message}</p>
            {info && <p>{text.whereKept(`${info.dataDir}/backups`)}</p>}
          </div>
        )}
        {step.kind === 'failed' && (
          <p className="notice error" role="alert">
            {step.message}
          </p>
        )}
      </section>
      <section className="panel">
        <h2>{text.listHeading}</h2>
        {backups?.length === 0 && <p className="status">{text.none}</p>}
        {backups && backups.length > 0 && (
          <table className="data-table backup-table">
            <thead>
              <tr>
                <th scope="col">{text.columns.createdAt}</th>
                <th scope="col">{text.columns.file}</th>
                <th scope="col">{text.columns.size}</th>
                <th scope="col">{text.columns.check}</th>
              </tr>
            </thead>
            <tbody>
              {backups.map((backup) => (
                <tr key={backup.fileName}>
                  <td>{formatInstant(backup.createdAt)}</td>
                  <td>{backup.fileName}</td>
                  <td>{sizeText(backup.bytes)}</td>
                  <td>
                    <BackupVerifyRow fileName={backup.fileName} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
