import { useState } from 'react';
import { staffRoleNames, staffRoles, type StaffMember, type StaffRole } from '../../../shared/domain/staff';
import type { StaffChanges } from '../../data/writes/setupWrites';
import { setupStrings } from './strings';

const strings = setupStrings.staff;

type Props = {
  readonly member: StaffMember;
  /** What they teach this year, one line per class. */
  readonly lines: readonly string[];
  readonly readOnly: boolean;
  /** The person using the app, who cannot make themself inactive. */
  readonly isSelf: boolean;
  readonly busy: boolean;
  readonly onChange: (member: StaffMember, changes: StaffChanges, success: string) => Promise<boolean>;
};

/** One staff member: shown, or edited in place (name, role); made inactive rather than deleted. */
export function StaffRow({ member, lines, readOnly, isSelf, busy, onChange }: Props) {
  const [editing, setEditing] = useState(false);
  const [fullName, setFullName] = useState(member.fullName);
  const [role, setRole] = useState<StaffRole>(member.role);

  const save = async () => {
    if (await onChange(member, { fullName, role }, strings.saved(fullName.trim()))) setEditing(false);
  };
  const startEditing = () => {
    setFullName(member.fullName);
    setRole(member.role);
    setEditing(true);
  };

  return (
    <tr className={member.active ? undefined : 'setup-inactive'}>
      <td>
        {editing ? (
          <input
            className="setup-cell-input"
            value={fullName}
            maxLength={120}
            aria-label={strings.editNameLabel(member.fullName)}
            onChange={(event) => setFullName(event.target.value)}
          />
        ) : (
          member.fullName
        )}
      </td>
      <td className="setup-login">{member.login}</td>
      <td>
        {editing ? (
          <select
            className="setup-cell-input"
            value={role}
            aria-label={strings.editRoleLabel(member.fullName)}
            onChange={(event) => setRole(event.target.value as StaffRole)}
          >
            {staffRoles.map((candidate) => (
              <option key={candidate} value={candidate}>
                {staffRoleNames[candidate]}
              </option>
            ))}
          </select>
        ) : (
          staffRoleNames[member.role]
        )}
      </td>
      <td>{member.active ? strings.active : strings.inactive}</td>
      <td>
        {lines.length === 0 ? (
          <span className="muted">{strings.noAssignment}</span>
        ) : (
          <ul className="setup-lines">
            {lines.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        )}
      </td>
      {!readOnly && (
        <td>
          <div className="setup-row-actions">
            {editing ? (
              <>
                <button
                  type="button"
                  className="button button-primary setup-small"
                  aria-label={strings.saveLabel(member.fullName)}
                  disabled={busy}
                  onClick={() => void save()}
                >
                  {strings.save}
                </button>
                <button
                  type="button"
                  className="button setup-small"
                  disabled={busy}
                  onClick={() => setEditing(false)}
                >
                  {setupStrings.cancel}
                </button>
              </>
            ) : (
              <button
                type="button"
                className="button setup-small"
                aria-label={strings.editLabel(member.fullName)}
                disabled={busy}
                onClick={startEditing}
              >
                {strings.edit}
              </button>
            )}
            {!editing && member.active && !isSelf && (
              <button
                type="button"
                className="button setup-small"
                aria-label={strings.deactivateLabel(member.fullName)}
                disabled={busy}
                onClick={() => void onChange(member, { active: false }, strings.deactivated(member.fullName))}
              >
                {strings.deactivate}
              </button>
            )}
            {!editing && !member.active && (
              <button
                type="button"
                className="button setup-small"
                aria-label={strings.reactivateLabel(member.fullName)}
                disabled={busy}
                onClick={() => void onChange(member, { active: true }, strings.reactivated(member.fullName))}
              >
                {strings.reactivate}
              </button>
            )}
          </div>
        </td>
      )}
    </tr>
  );
}
