import { useId } from 'react';
import { useSchool } from '../../app/SchoolContext';
import type { ClassDoc } from '../../data/collections/classesCollection';
import type { DatedCheck, PersonDoc } from '../../data/collections/people/peopleCollection';
import { useDatabase } from '../../data/DatabaseContext';
import { setCheck, setElectives, type ProfileCheck } from '../../data/writes/profileWrites';
import { FieldStatus } from './FieldStatus';
import { ProfileDateField } from './ProfileFields';
import { profilesStrings } from './strings';
import { useFieldSave } from './useFieldSave';
import { isoDateInVietnam } from '../../../shared/domain/dates';

type CheckProps = {
  readonly student: PersonDoc;
  readonly check: ProfileCheck;
  readonly value: DatedCheck | null;
  readonly label: string;
  readonly dateLabel: string;
  readonly readOnly: boolean;
};

/** One dated check: ticked today by default, the date correctable, and who recorded it. */
function DatedCheckField({ student, check, value, label, dateLabel, readOnly }: CheckProps) {
  const database = useDatabase();
  const { school, writeContext } = useSchool();
  const id = useId();
  const statusId = useId();
  const [state, run] = useFieldSave();
  const byName = value
    ? (school.staff.find((member) => member.userId === value.by)?.fullName ?? value.by)
    : '';
  return (
    <div className="profile-check">
      <div className="profile-check-box">
        <input
          id={id}
          type="checkbox"
          checked={value !== null}
          disabled={readOnly}
          aria-describedby={statusId}
          onChange={(event) => {
            const date = event.target.checked ? isoDateInVietnam(new Date()) : null;
            void run(() => setCheck(database, writeContext, student.id, check, date));
          }}
        />
        <label htmlFor={id}>{label}</label>
        <FieldStatus id={statusId} state={state} />
      </div>
      {value && (
        <div className="profile-check-detail">
          <ProfileDateField
            label={dateLabel}
            value={value.date}
            readOnly={readOnly}
            onSave={(date) => setCheck(database, writeContext, student.id, check, date)}
          />
          <span className="hint">{profilesStrings.checkedBy(byName)}</span>
        </div>
      )}
    </div>
  );
}

/** "Đã đối chiếu giấy khai sinh" and "Cha mẹ học sinh đã xác nhận", each with its date. */
export function ProfileChecks({ student, readOnly }: { student: PersonDoc; readOnly: boolean }) {
  return (
    <fieldset className="profile-group">
      <legend>{profilesStrings.checksLegend}</legend>
      <DatedCheckField
        student={student}
        check="birthCertificate"
        value={student.birthCertificateCheck}
        label={profilesStrings.birthCertificateCheck}
        dateLabel={profilesStrings.birthCertificateDate}
        readOnly={readOnly}
      />
      <DatedCheckField
        student={student}
        check="parents"
        value={student.parentsConfirmation}
        label={profilesStrings.parentsConfirmation}
        dateLabel={profilesStrings.parentsConfirmationDate}
        readOnly={readOnly}
      />
    </fieldset>
  );
}

/** The grade's elective subjects (catalogue), ticked for those the student takes this year. */
export function ElectivesField({
  student,
  schoolClass,
  readOnly,
}: {
  student: PersonDoc;
  schoolClass: ClassDoc;
  readOnly: boolean;
}) {
  const database = useDatabase();
  const { writeContext } = useSchool();
  const statusId = useId();
  const [state, run] = useFieldSave();
  const electives = writeContext.catalogue
    .plan(schoolClass.grade)
    .rows.filter((row) => row.status === 'elective');
  const subjects = [...new Map(electives.map((row) => [row.subject.code, row.subject.name])).entries()];
  return (
    <fieldset className="profile-group" aria-describedby={statusId}>
      <legend>{profilesStrings.electivesLegend}</legend>
      {subjects.length === 0 && <p className="hint">{profilesStrings.noElectives(schoolClass.grade)}</p>}
      {subjects.map(([code, name]) => (
        <label key={code} className="checkbox">
          <input
            type="checkbox"
            checked={student.electives.includes(code)}
            disabled={readOnly}
            onChange={(event) => {
              const next = event.target.checked
                ? [...student.electives, code]
                : student.electives.filter((chosen) => chosen !== code);
              void run(() => setElectives(database, writeContext, student.id, next));
            }}
          />
          {name}
        </label>
      ))}
      <FieldStatus id={statusId} state={state} />
    </fieldset>
  );
}
