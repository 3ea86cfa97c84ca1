import { useState, type SubmitEvent } from 'react';
import type { CreatedAccount } from '../../../shared/auth/schoolAdminWire';
import { staffRoleNames, staffRoles, type StaffRole } from '../../../shared/domain/staff';
import { useSchool } from '../../app/SchoolContext';
import { useDatabase } from '../../data/DatabaseContext';
import { addStaffMember } from '../../data/writes/setupWrites';
import { refusedUnlessOk } from '../../data/writes/schoolServer';
import { WriteRefused } from '../../data/writes/writeContext';
import { useIpc } from '../../ipc/IpcContext';
import { SetupFeedback } from './SetupFeedback';
import { setupStrings } from './strings';
import { useSetupAction } from './useSetupAction';

const strings = setupStrings.staff;

/**
 * Thêm giáo viên: full name, login and role of a new staff member. With a real account the
 * account is made on the province server first (online; the server is the source of truth) and
 * its one-time code is shown to hand over; the trial only writes the sample school.
 */
export function AddStaffForm() {
  const database = useDatabase();
  const ipc = useIpc();
  const { writeContext, sessionMode } = useSchool();
  const { feedback, busy, run } = useSetupAction();
  const [fullName, setFullName] = useState('');
  const [login, setLogin] = useState('');
  const [role, setRole] = useState<StaffRole>('teacher');
  const [slip, setSlip] = useState<CreatedAccount | undefined>(undefined);

  const createAccount = async (): Promise<CreatedAccount | undefined> => {
    if (sessionMode !== 'account') return undefined;
    if (role === 'principal') throw new WriteRefused(strings.principalByProvince);
    return refusedUnlessOk(
      await ipc.invoke('session:createStaffAccount', {
        login: login.trim().toLowerCase(),
        fullName: fullName.trim(),
        role,
      }),
    );
  };

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setSlip(undefined);
    let created: CreatedAccount | undefined;
    const done = await run(
      async () => {
        created = await createAccount();
        await addStaffMember(database, writeContext, { fullName, login, role });
      },
      sessionMode === 'account' ? strings.accountCreated(fullName.trim()) : strings.added(fullName.trim()),
    );
    setSlip(created);
    if (done) {
      setFullName('');
      setLogin('');
      setRole('teacher');
    }
  };

  return (
    <form className="setup-form" aria-label={strings.addHeading} onSubmit={(event) => void submit(event)}>
      <h3>{strings.addHeading}</h3>
      <div className="setup-form-row">
        <label className="field setup-wide-field">
          <span>{strings.fullNameLabel}</span>
          <input
            value={fullName}
            required
            maxLength={120}
            onChange={(event) => setFullName(event.target.value)}
          />
        </label>
        <label className="field">
          <span>{strings.loginLabel}</span>
          <input
            value={login}
            required
            maxLength={40}
            autoCapitalize="off"
            spellCheck={false}
            aria-describedby="setup-login-hint"
            onChange={(event) => setLogin(event.target.value)}
          />
        </label>
        <label className="field">
          <span>{strings.roleLabel}</span>
          <select value={role} onChange={(event) => setRole(event.target.value as StaffRole)}>
            {staffRoles.map((candidate) => (
              <option key={candidate} value={candidate}>
                {staffRoleNames[candidate]}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="button button-primary" disabled={busy}>
          {strings.add}
        </button>
      </div>
      <p className="hint" id="setup-login-hint">
        {strings.loginHint}
      </p>
      <SetupFeedback feedback={feedback} />
      {slip && <ResetCodeSlip created={slip} onClose={() => setSlip(undefined)} />}
    </form>
  );
}

/** The code as printed: three groups of four, easy to read aloud and to type. */
function groupedCode(code: string): string {
  return code.replace(/(.{4})(?=.)/g, '$1-');
}

/** Phiếu đặt mật khẩu: what the principal hands to the new staff member. */
function ResetCodeSlip({
  created,
  onClose,
}: {
  readonly created: CreatedAccount;
  readonly onClose: () => void;
}) {
  return (
    <section className="notice reset-slip" aria-label={strings.slipHeading}>
      <h4>{strings.slipHeading}</h4>
      <p>{strings.slipIntro}</p>
      <dl>
        <dt>{strings.slipName}</dt>
        <dd>{created.account.fullName}</dd>
        <dt>{strings.slipLogin}</dt>
        <dd>{created.account.login}</dd>
        <dt>{strings.slipCode}</dt>
        <dd className="reset-code">{groupedCode(created.reset.resetCode)}</dd>
        <dt>{strings.slipExpires}</dt>
        <dd>{new Date(created.reset.expiresAt).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' })}</dd>
      </dl>
      <button type="button" className="button" onClick={onClose}>
        {strings.slipClose}
      </button>
    </section>
  );
}
