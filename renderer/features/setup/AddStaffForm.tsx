import { useState, type SubmitEvent } from 'react';
import { staffRoleNames, staffRoles, type StaffRole } from '../../../shared/domain/staff';
import { useSchool } from '../../app/SchoolContext';
import { useDatabase } from '../../data/DatabaseContext';
import { addStaffMember } from '../../data/writes/setupWrites';
import { SetupFeedback } from './SetupFeedback';
import { setupStrings } from './strings';
import { useSetupAction } from './useSetupAction';

const strings = setupStrings.staff;

/** Thêm giáo viên: full name, login and role of a new staff member. */
export function AddStaffForm() {
  const database = useDatabase();
  const { writeContext } = useSchool();
  const { feedback, busy, run } = useSetupAction();
  const [fullName, setFullName] = useState('');
  const [login, setLogin] = useState('');
  const [role, setRole] = useState<StaffRole>('teacher');

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const done = await run(
      () => addStaffMember(database, writeContext, { fullName, login, role }),
      strings.added(fullName.trim()),
    );
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
    </form>
  );
}
