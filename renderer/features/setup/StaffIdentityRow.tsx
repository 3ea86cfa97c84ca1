import { useState } from 'react';
import type { PickedCertificate } from '../../../shared/domain/certificateFile';
import { maskedIdNumber, staffRoleNames, type StaffMember } from '../../../shared/domain/staff';
import type { StaffIdentityInput } from '../../data/writes/signingIdentityWrites';
import { certificateLine } from './certificateLabels';
import { CertificatePicker } from './CertificatePicker';
import { setupStrings } from './strings';

const strings = setupStrings.identities;

type Props = {
  readonly member: StaffMember;
  readonly readOnly: boolean;
  readonly busy: boolean;
  readonly onSaveIds: (member: StaffMember, input: StaffIdentityInput) => Promise<boolean>;
  readonly onPin: (member: StaffMember, picked: PickedCertificate | null) => Promise<boolean>;
};

function Masked({ value }: { readonly value: string | null | undefined }) {
  return value ? (
    <span className="setup-id">{maskedIdNumber(value)}</span>
  ) : (
    <span className="muted">{strings.notRecorded}</span>
  );
}

/**
 * One staff member's signing identity: the personal ID and older CMND (shown masked, typed in
 * full only while editing) and the pinned certificate, with picking and unpinning.
 */
export function StaffIdentityRow({ member, readOnly, busy, onSaveIds, onPin }: Props) {
  const [editing, setEditing] = useState(false);
  const [personalId, setPersonalId] = useState('');
  const [formerIdNumber, setFormerIdNumber] = useState('');
  const name = member.fullName;

  const startEditing = () => {
    setPersonalId(member.personalId ?? '');
    setFormerIdNumber(member.formerIdNumber ?? '');
    setEditing(true);
  };
  const save = async () => {
    if (await onSaveIds(member, { personalId, formerIdNumber })) {
      setEditing(false);
      setPersonalId('');
      setFormerIdNumber('');
    }
  };

  return (
    <tr className={member.active ? undefined : 'setup-inactive'}>
      <td>
        {name}
        <div className="muted setup-role">{staffRoleNames[member.role]}</div>
      </td>
      <td>
        {editing ? (
          <input
            className="setup-cell-input setup-id-input"
            value={personalId}
            inputMode="numeric"
            autoComplete="off"
            maxLength={20}
            aria-label={strings.personalIdLabel(name)}
            onChange={(event) => setPersonalId(event.target.value)}
          />
        ) : (
          <Masked value={member.personalId} />
        )}
      </td>
      <td>
        {editing ? (
          <input
            className="setup-cell-input setup-id-input"
            value={formerIdNumber}
            inputMode="numeric"
            autoComplete="off"
            maxLength={20}
            aria-label={strings.formerIdLabel(name)}
            onChange={(event) => setFormerIdNumber(event.target.value)}
          />
        ) : (
          <Masked value={member.formerIdNumber} />
        )}
      </td>
      <td>
        <div className="setup-certificate">
          {member.certificate ? (
            <>
              <div>{certificateLine(member.certificate)}</div>
              <div className="hint">{strings.serial(member.certificate.serialNumberHex)}</div>
            </>
          ) : (
            <span className="muted">{strings.noPin}</span>
          )}
          {!readOnly && !editing && (
            <CertificatePicker
              label={strings.chooseFileLabel(name)}
              confirmLabel={strings.confirmPinLabel(name)}
              busy={busy}
              onPin={(picked) => onPin(member, picked)}
            />
          )}
        </div>
      </td>
      {!readOnly && (
        <td>
          <div className="setup-row-actions">
            {editing ? (
              <>
                <button
                  type="button"
                  className="button button-primary setup-small"
                  aria-label={strings.saveIdsLabel(name)}
                  disabled={busy}
                  onClick={() => void save()}
                >
                  {strings.saveIds}
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
                aria-label={strings.editIdsLabel(name)}
                disabled={busy}
                onClick={startEditing}
              >
                {strings.editIds}
              </button>
            )}
            {!editing && member.certificate && (
              <button
                type="button"
                className="button setup-small"
                aria-label={strings.unpinLabel(name)}
                disabled={busy}
                onClick={() => void onPin(member, null)}
              >
                {strings.unpin}
              </button>
            )}
          </div>
        </td>
      )}
    </tr>
  );
}
