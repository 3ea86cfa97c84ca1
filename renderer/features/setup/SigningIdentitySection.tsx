import { useState, type SubmitEvent } from 'react';
import type { PickedCertificate } from '../../../shared/domain/certificateFile';
import { compareVietnameseNames } from '../../../shared/domain/personName';
import { staffRoles, type StaffMember } from '../../../shared/domain/staff';
import { useSchool } from '../../app/SchoolContext';
import { useDatabase } from '../../data/DatabaseContext';
import {
  pinSealCertificate,
  pinStaffCertificate,
  setSchoolCodes,
  setStaffIdentity,
  type StaffIdentityInput,
} from '../../data/writes/signingIdentityWrites';
import { certificateLine } from './certificateLabels';
import { CertificatePicker } from './CertificatePicker';
import { SetupFeedback } from './SetupFeedback';
import { StaffIdentityRow } from './StaffIdentityRow';
import { setupStrings } from './strings';
import { useSetupAction } from './useSetupAction';

const strings = setupStrings.identities;

/** Active first, leadership first, then by name as a class list sorts it. */
function staffOrder(a: StaffMember, b: StaffMember): number {
  return (
    Number(b.active) - Number(a.active) ||
    staffRoles.indexOf(a.role) - staffRoles.indexOf(b.role) ||
    compareVietnameseNames(a.fullName, b.fullName)
  );
}

/** The school's MST and MNS, and its pinned seal certificate. */
function SchoolSeal({ readOnly }: { readonly readOnly: boolean }) {
  const database = useDatabase();
  const { school, writeContext } = useSchool();
  const { feedback, busy, run } = useSetupAction();
  const [taxCode, setTaxCode] = useState(school.taxCode ?? '');
  const [budgetCode, setBudgetCode] = useState(school.budgetCode ?? '');

  const save = async (event: SubmitEvent) => {
    event.preventDefault();
    await run(() => setSchoolCodes(database, writeContext, { taxCode, budgetCode }), strings.codesSaved);
  };
  const pin = (picked: PickedCertificate | null) =>
    run(
      () => pinSealCertificate(database, writeContext, picked),
      picked ? strings.pinnedDone(school.name) : strings.unpinned(school.name),
    );

  return (
    <div className="setup-seal">
      <h3>{strings.schoolHeading}</h3>
      {readOnly ? (
        <dl className="setup-facts">
          <div>
            <dt>{strings.taxCodeLabel}</dt>
            <dd>{school.taxCode ?? <span className="muted">{strings.notRecorded}</span>}</dd>
          </div>
          <div>
            <dt>{strings.budgetCodeLabel}</dt>
            <dd>{school.budgetCode ?? <span className="muted">{strings.notRecorded}</span>}</dd>
          </div>
        </dl>
      ) : (
        <form
          className="setup-form-row"
          aria-label={strings.schoolHeading}
          onSubmit={(event) => void save(event)}
        >
          <label className="field">
            <span>{strings.taxCodeLabel}</span>
            <input
              value={taxCode}
              inputMode="numeric"
              maxLength={20}
              onChange={(event) => setTaxCode(event.target.value)}
            />
          </label>
          <label className="field">
            <span>{strings.budgetCodeLabel}</span>
            <input
              value={budgetCode}
              inputMode="numeric"
              maxLength={12}
              onChange={(event) => setBudgetCode(event.target.value)}
            />
          </label>
          <button type="submit" className="button" disabled={busy}>
            {strings.saveCodes}
          </button>
        </form>
      )}
      <div className="setup-certificate">
        {school.sealCertificate ? (
          <>
            <div>{certificateLine(school.sealCertificate)}</div>
            <div className="hint">{strings.serial(school.sealCertificate.serialNumberHex)}</div>
          </>
        ) : (
          <span className="muted">{strings.noSealPin}</span>
        )}
        {!readOnly && (
          <div className="setup-row-actions">
            <CertificatePicker
              label={strings.chooseSealLabel}
              confirmLabel={strings.confirmPinLabel(school.name)}
              busy={busy}
              onPin={(picked) => pin(picked)}
            />
            {school.sealCertificate && (
              <button
                type="button"
                className="button setup-small"
                aria-label={strings.unpinLabel(school.name)}
                disabled={busy}
                onClick={() => void pin(null)}
              >
                {strings.unpin}
              </button>
            )}
          </div>
        )}
      </div>
      <SetupFeedback feedback={feedback} />
    </div>
  );
}

/**
 * Chữ ký số: what tells the signers' certificates from namesakes' — the staff's personal IDs
 * (CCCD, older CMND) and the school's tax and budget codes — and the certificates pinned for them.
 * Personal IDs are shown masked.
 */
export function SigningIdentitySection({ readOnly }: { readonly readOnly: boolean }) {
  const database = useDatabase();
  const { school, writeContext } = useSchool();
  const { feedback, busy, run } = useSetupAction();
  const staff = [...school.staff].sort(staffOrder);

  const saveIds = (member: StaffMember, input: StaffIdentityInput) =>
    run(
      () => setStaffIdentity(database, writeContext, member.userId, input),
      strings.idsSaved(member.fullName),
    );
  const pin = (member: StaffMember, picked: PickedCertificate | null) =>
    run(
      () => pinStaffCertificate(database, writeContext, member.userId, picked),
      picked ? strings.pinnedDone(member.fullName) : strings.unpinned(member.fullName),
    );

  return (
    <section className="panel setup-section" aria-labelledby="setup-identities-heading">
      <h2 id="setup-identities-heading">{strings.heading}</h2>
      <div className="setup-notes">
        <p className="hint">{strings.intro}</p>
        <p className="hint">{strings.produceAgain}</p>
      </div>
      <SchoolSeal readOnly={readOnly} />
      <div className="setup-scroll">
        <table className="data-table setup-table setup-identities">
          <caption>{strings.staffCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{strings.nameColumn}</th>
              <th scope="col">{strings.personalIdColumn}</th>
              <th scope="col">{strings.formerIdColumn}</th>
              <th scope="col">{strings.certificateColumn}</th>
              {!readOnly && <th scope="col">{strings.actionsColumn}</th>}
            </tr>
          </thead>
          <tbody>
            {staff.map((member) => (
              <StaffIdentityRow
                key={member.userId}
                member={member}
                readOnly={readOnly}
                busy={busy}
                onSaveIds={saveIds}
                onPin={pin}
              />
            ))}
          </tbody>
        </table>
      </div>
      <SetupFeedback feedback={feedback} />
    </section>
  );
}
