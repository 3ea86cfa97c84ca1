import { useState, type SubmitEvent } from 'react';
import { grades, isGrade, type Grade } from '../../../shared/domain/grade';
import { compareVietnameseNames } from '../../../shared/domain/personName';
import { useSchool } from '../../app/SchoolContext';
import { useDatabase } from '../../data/DatabaseContext';
import { addClass } from '../../data/writes/setupWrites';
import { SetupFeedback } from './SetupFeedback';
import { staffChoiceLabel } from '../../../shared/domain/staffChoice';
import { setupStrings } from './strings';
import { useSetupAction } from './useSetupAction';

const strings = setupStrings.classes;

/**
 * Thêm lớp: grade, name ("3A") and the homeroom teacher chosen from the active staff (namesakes
 * told apart by login); the choice is the class's homeroom assignment, as Phân công shows it.
 */
export function AddClassForm() {
  const database = useDatabase();
  const { school, writeContext } = useSchool();
  const { feedback, busy, run } = useSetupAction();
  const [grade, setGrade] = useState<Grade>(1);
  const [name, setName] = useState('');
  const [homeroomTeacherId, setHomeroomTeacherId] = useState('');
  const choices = school.staff
    .filter((member) => member.active)
    .sort((a, b) => compareVietnameseNames(a.fullName, b.fullName));

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const done = await run(
      () =>
        addClass(database, writeContext, {
          grade,
          name,
          homeroomTeacherId: homeroomTeacherId === '' ? null : homeroomTeacherId,
        }),
      strings.added(name.trim()),
    );
    if (done) {
      setName('');
      setHomeroomTeacherId('');
    }
  };

  return (
    <form className="setup-form" aria-label={strings.addHeading} onSubmit={(event) => void submit(event)}>
      <h3>{strings.addHeading}</h3>
      <div className="setup-form-row">
        <label className="field">
          <span>{strings.gradeLabel}</span>
          <select
            value={grade}
            onChange={(event) => {
              const value = Number(event.target.value);
              if (isGrade(value)) setGrade(value);
            }}
          >
            {grades.map((candidate) => (
              <option key={candidate} value={candidate}>
                {strings.grade(candidate)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{strings.nameLabel}</span>
          <input
            value={name}
            required
            maxLength={20}
            placeholder={strings.namePlaceholder}
            onChange={(event) => setName(event.target.value)}
          />
        </label>
        <label className="field setup-wide-field">
          <span>{strings.homeroomLabel}</span>
          <select value={homeroomTeacherId} onChange={(event) => setHomeroomTeacherId(event.target.value)}>
            <option value="">{strings.noHomeroomYet}</option>
            {choices.map((member) => (
              <option key={member.userId} value={member.userId}>
                {staffChoiceLabel(member, school.staff)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="button button-primary" disabled={busy}>
          {strings.add}
        </button>
      </div>
      <SetupFeedback feedback={feedback} />
    </form>
  );
}
