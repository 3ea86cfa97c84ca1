import { useState, type SubmitEvent } from 'react';
import { coversRow } from '../../../shared/domain/assignment';
import type { GradePlan } from '../../../shared/domain/evaluation/compiledCatalogue';
import { compareVietnameseNames } from '../../../shared/domain/personName';
import type { StaffMember } from '../../../shared/domain/staff';
import { useSchool } from '../../app/SchoolContext';
import type { AssignmentDoc } from '../../data/collections/assignmentsCollection';
import type { ClassDoc } from '../../data/collections/classesCollection';
import { useDatabase } from '../../data/DatabaseContext';
import { setClassAssignments } from '../../data/writes/setupWrites';
import { SetupFeedback } from './SetupFeedback';
import { staffChoiceLabel } from '../../../shared/domain/staffChoice';
import { setupStrings } from './strings';
import { useSetupAction } from './useSetupAction';

const strings = setupStrings.assignments;

/** The editor's working copy: the homeroom teacher and one teacher per subject row ('' = none). */
type Draft = { readonly homeroom: string; readonly teachers: Readonly<Record<string, string>> };

function draftOf(plan: GradePlan, assignments: readonly AssignmentDoc[], classId: string): Draft {
  const own = assignments.filter((assignment) => assignment.classId === classId);
  return {
    homeroom: own.find((assignment) => assignment.homeroom)?.teacherId ?? '',
    teachers: Object.fromEntries(
      plan.rows.map((row) => [row.key, own.find((a) => coversRow(a.subjects, row.key))?.teacherId ?? '']),
    ),
  };
}

type SelectProps = {
  readonly label: string;
  readonly value: string;
  readonly staff: readonly StaffMember[];
  readonly disabled: boolean;
  readonly onChange: (teacherId: string) => void;
};

/** Active staff to choose from; someone inactive stays visible while still assigned. */
function TeacherSelect({ label, value, staff, disabled, onChange }: SelectProps) {
  const current = staff.find((member) => member.userId === value);
  const choices = staff.filter((member) => member.active);
  return (
    <select
      aria-label={label}
      value={value}
      disabled={disabled}
      onChange={(event) => onChange(event.target.value)}
    >
      <option value="">{strings.unassigned}</option>
      {current && !current.active && (
        <option value={current.userId}>{strings.inactiveTeacher(current.fullName)}</option>
      )}
      {value !== '' && !current && <option value={value}>{value}</option>}
      {choices.map((member) => (
        <option key={member.userId} value={member.userId}>
          {staffChoiceLabel(member, staff)}
        </option>
      ))}
    </select>
  );
}

/** Phân công of one class: its homeroom teacher and a teacher for each subject row of its grade. */
export function AssignmentEditor({
  schoolClass,
  readOnly,
}: {
  readonly schoolClass: ClassDoc;
  readonly readOnly: boolean;
}) {
  const database = useDatabase();
  const { school, assignments, writeContext } = useSchool();
  const plan = writeContext.catalogue.plan(schoolClass.grade);
  const [draft, setDraft] = useState<Draft>(() => draftOf(plan, assignments, schoolClass.id));
  const { feedback, busy, run } = useSetupAction();
  const staff = [...school.staff].sort((a, b) => compareVietnameseNames(a.fullName, b.fullName));
  const locked = readOnly || busy;

  const setTeacher = (rowKey: string, teacherId: string) =>
    setDraft({ ...draft, teachers: { ...draft.teachers, [rowKey]: teacherId } });
  const fillWithHomeroom = () =>
    setDraft({
      ...draft,
      teachers: Object.fromEntries(
        Object.entries(draft.teachers).map(([key, id]) => [key, id || draft.homeroom]),
      ),
    });
  const save = async (event: SubmitEvent) => {
    event.preventDefault();
    await run(
      () =>
        setClassAssignments(database, writeContext, schoolClass.id, {
          homeroomTeacherId: draft.homeroom === '' ? null : draft.homeroom,
          subjectTeachers: draft.teachers,
        }),
      strings.saved(schoolClass.name),
    );
  };

  return (
    <form className="setup-form" aria-label={strings.heading} onSubmit={(event) => void save(event)}>
      <label className="field setup-homeroom">
        <span>{strings.homeroomLabel(schoolClass.name)}</span>
        <TeacherSelect
          label={strings.homeroomLabel(schoolClass.name)}
          value={draft.homeroom}
          staff={staff}
          disabled={locked}
          onChange={(homeroom) => setDraft({ ...draft, homeroom })}
        />
      </label>
      <table className="data-table setup-table">
        <thead>
          <tr>
            <th scope="col">{strings.subjectColumn}</th>
            <th scope="col">{strings.teacherColumn}</th>
          </tr>
        </thead>
        <tbody>
          {plan.rows.map((row) => (
            <tr key={row.key}>
              <th scope="row" className="setup-subject">
                {row.status === 'elective' ? strings.elective(row.label) : row.label}
              </th>
              <td>
                <TeacherSelect
                  label={strings.teacherLabel(row.label)}
                  value={draft.teachers[row.key] ?? ''}
                  staff={staff}
                  disabled={locked}
                  onChange={(teacherId) => setTeacher(row.key, teacherId)}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {!readOnly && (
        <div className="toolbar">
          <button
            type="button"
            className="button"
            disabled={locked || draft.homeroom === ''}
            onClick={fillWithHomeroom}
          >
            {strings.fillWithHomeroom}
          </button>
          <button type="submit" className="button button-primary" disabled={locked}>
            {strings.save(schoolClass.name)}
          </button>
        </div>
      )}
      <SetupFeedback feedback={feedback} />
    </form>
  );
}
