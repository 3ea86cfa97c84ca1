import { useId } from 'react';
import { formatDate, parseVietnameseDate } from '../../../shared/domain/dates';
import { useSchool } from '../../app/SchoolContext';
import type { PersonDoc } from '../../data/collections/people/peopleCollection';
import { useDatabase } from '../../data/DatabaseContext';
import { setIndividualEducationPlan, updateEnrolment } from '../../data/writes/profileWrites';
import { FieldStatus } from './FieldStatus';
import { ProfileTextField } from './ProfileFields';
import { profilesStrings as strings } from './strings';
import { useFieldSave } from './useFieldSave';

type Props = { readonly student: PersonDoc; readonly readOnly: boolean };

/** An entry date typed dd/mm/yyyy, or emptied when not known. */
const parseEntryDate = (text: string): { value: string } | { problem: string } => {
  if (text.trim() === '') return { value: '' };
  const iso = parseVietnameseDate(text);
  return iso === undefined ? { problem: strings.badDate } : { value: iso };
};

/**
 * The study history (quá trình học tập) as the học bạ prints it: this school's register number
 * and the day the student entered, the years before this one, and whether the student is
 * evaluated against an individual education plan (TT27 Điều 8).
 */
export function EnrolmentFields({ student, readOnly }: Props) {
  const database = useDatabase();
  const { writeContext } = useSchool();
  const planId = useId();
  const planHintId = useId();
  const planStatusId = useId();
  const [planState, runPlan] = useFieldSave();
  return (
    <fieldset className="profile-group profile-enrolment">
      <legend>{strings.enrolmentLegend}</legend>
      <div className="profile-grid">
        <ProfileTextField
          label={strings.registerNumber}
          value={student.registerNumber}
          readOnly={readOnly}
          maxLength={40}
          hint={strings.registerNumberHint}
          onSave={(registerNumber) => updateEnrolment(database, writeContext, student.id, { registerNumber })}
        />
        <ProfileTextField
          label={strings.entryDate}
          value={student.entryDate ?? ''}
          readOnly={readOnly}
          maxLength={10}
          hint={strings.entryDateHint}
          display={(value) => (value === '' ? '' : formatDate(value))}
          parse={parseEntryDate}
          onSave={(value) =>
            updateEnrolment(database, writeContext, student.id, { entryDate: value === '' ? null : value })
          }
        />
      </div>
      {student.priorYears.length === 0 ? (
        <p className="hint">{strings.noPriorYears}</p>
      ) : (
        <table className="data-table prior-years">
          <caption>{strings.priorYearsCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{strings.priorYearsColumns.schoolYear}</th>
              <th scope="col">{strings.priorYearsColumns.className}</th>
              <th scope="col">{strings.priorYearsColumns.school}</th>
            </tr>
          </thead>
          <tbody>
            {student.priorYears.map((year) => (
              <tr key={year.schoolYear}>
                <td>{year.schoolYear}</td>
                <td>{year.className}</td>
                <td>{year.schoolName}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="profile-check-box">
        <input
          id={planId}
          type="checkbox"
          checked={student.individualEducationPlan}
          disabled={readOnly}
          aria-describedby={`${planHintId} ${planStatusId}`}
          onChange={(event) => {
            const onPlan = event.target.checked;
            void runPlan(() => setIndividualEducationPlan(database, writeContext, student.id, onPlan));
          }}
        />
        <label htmlFor={planId}>{strings.individualPlan}</label>
        <FieldStatus id={planStatusId} state={planState} />
      </div>
      <p id={planHintId} className="hint">
        {strings.individualPlanHint}
      </p>
    </fieldset>
  );
}
