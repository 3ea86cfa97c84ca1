import { useEffect, useState, type SyntheticEvent } from 'react';
import type { AccountWire } from '../../../shared/auth/authWire';
import { staffRoleOfAccount } from '../../../shared/auth/accountRoles';
import { defaultCompiledCatalogue } from '../../../shared/domain/evaluation/compiledCatalogue';
import { permissionsFor } from '../../../shared/domain/permissions';
import { schoolYearOn } from '../../../shared/domain/schoolYear';
import { isLeadership } from '../../../shared/domain/staff';
import { useDatabase } from '../../data/DatabaseContext';
import { createSchoolOnDesktop } from '../../data/writes/schoolCreation';
import { WriteRefused } from '../../data/writes/writeContext';
import { useIpc } from '../../ipc/IpcContext';
import { newSchoolStrings as text } from './strings';
import './setup.css';

/**
 * What a real account sees on a desktop that holds none of its school's data yet: leadership lays
 * down the school's profile here; a teacher is told where the data will come from.
 */
export function NewSchoolScreen({ deviceId }: { readonly deviceId: string | undefined }) {
  const ipc = useIpc();
  const database = useDatabase();
  const [account, setAccount] = useState<AccountWire | undefined>(undefined);
  const [province, setProvince] = useState('');
  const [commune, setCommune] = useState('');
  const [schoolYear, setSchoolYear] = useState<string>(() => schoolYearOn(new Date()));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);

  useEffect(() => {
    let live = true;
    void ipc.invoke('session:current', {}).then((current) => {
      if (live && current.ok && current.value.kind === 'account') setAccount(current.value.account);
    });
    return () => {
      live = false;
    };
  }, [ipc]);

  if (account === undefined || account.role === 'provinceAdmin' || deviceId === undefined)
    return <p className="status">{text.loading}</p>;
  const role = staffRoleOfAccount(account.role);
  if (!isLeadership(role))
    return (
      <div className="screen">
        <h1>{account.schoolName ?? text.title}</h1>
        <p className="status">{text.teacherWaits}</p>
      </div>
    );

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    setError(undefined);
    setBusy(true);
    const actor = { userId: account.userId, role };
    try {
      await createSchoolOnDesktop(
        database,
        {
          deviceId,
          actor,
          permissions: permissionsFor(actor, []),
          catalogue: defaultCompiledCatalogue(),
          now: () => new Date(),
        },
        account,
        { province, commune, schoolYear: schoolYear as ReturnType<typeof schoolYearOn> },
      );
    } catch (caught) {
      setError(caught instanceof WriteRefused ? caught.message : text.failed);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="screen">
      <div className="screen-header">
        <h1>{text.title}</h1>
      </div>
      <p>{text.intro(account.schoolName ?? '', account.schoolId?.slice('school:'.length) ?? '')}</p>
      <form className="setup-form" aria-label={text.title} onSubmit={(event) => void submit(event)}>
        <div className="setup-form-row">
          <label className="field">
            {text.province}
            <input required value={province} onChange={(event) => setProvince(event.target.value)} />
          </label>
          <label className="field">
            {text.commune}
            <input value={commune} onChange={(event) => setCommune(event.target.value)} />
          </label>
          <label className="field">
            {text.schoolYear}
            <input
              required
              pattern="\d{4}-\d{4}"
              value={schoolYear}
              onChange={(event) => setSchoolYear(event.target.value)}
            />
          </label>
        </div>
        <button type="submit" className="button button-primary" disabled={busy}>
          {text.create}
        </button>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
      </form>
      <p className="hint">{text.syncNote}</p>
    </div>
  );
}
