import { useId, useState } from 'react';
import type { StudentId } from '../../../shared/domain/ids';
import { undecidedReasonText } from '../../../shared/rollOver/rollOverStrings';
import type { NewClass, RollOverClass, StudentPlan } from '../../../shared/rollOver/rollOverTypes';
import { destinationOptions, undecidedValue, valueOf, type RollOverDraft } from './rollOverDrafts';
import { setupStrings } from './strings';

const strings = setupStrings.rollOver;

const capitalized = (text: string) => text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);

function standingText(student: StudentPlan): string {
  if (student.standing === 'completed' || student.standing === 'retained')
    return strings.standing[student.standing];
  return capitalized(undecidedReasonText[student.standing]);
}

type RowProps = {
  readonly student: StudentPlan;
  readonly draft: RollOverDraft | undefined;
  readonly nextClasses: readonly (RollOverClass | NewClass)[];
  readonly newNames: ReadonlySet<string>;
  readonly disabled: boolean;
  readonly onDraft: (studentId: StudentId, draft: RollOverDraft | undefined) => void;
};

function StudentRow({ student, draft, nextClasses, newNames, disabled, onDraft }: RowProps) {
  const dateId = useId();
  const detailId = useId();
  const { destination } = student;
  const value = valueOf(student, draft);
  const choose = (chosen: string) => {
    // Back to no choice: the year's outcome decides again.
    if (chosen === undecidedValue) {
      onDraft(student.studentId, undefined);
      return;
    }
    if (chosen === 'transferred' || chosen === 'left') {
      const kept = draft && draft.kind !== 'class' ? draft : { dateText: '', detail: '' };
      onDraft(student.studentId, { kind: chosen, dateText: kept.dateText, detail: kept.detail });
      return;
    }
    // Finishing primary school is the proposal itself; a class is kept as the principal's choice.
    onDraft(student.studentId, toClassDraft(chosen));
  };
  const departure = draft && draft.kind !== 'class' ? draft : undefined;
  const problem =
    destination.kind === 'undecided' && student.chosen
      ? capitalized(undecidedReasonText[destination.reason])
      : '';
  return (
    <tr className={destination.kind === 'undecided' ? 'rollover-undecided' : undefined}>
      <td className="rollover-number">{student.listNumber ?? ''}</td>
      <th scope="row" className="rollover-name">
        {student.fullName}
      </th>
      <td className="rollover-standing">{standingText(student)}</td>
      <td className="rollover-destination">
        <select
          aria-label={strings.destinationLabel(student.fullName)}
          value={value}
          disabled={disabled}
          onChange={(event) => choose(event.target.value)}
        >
          {destinationOptions(student, nextClasses, newNames).map((option) => (
            <option key={option.value} value={option.value} disabled={option.disabled}>
              {option.label}
            </option>
          ))}
        </select>
        {departure && (
          <div className="rollover-departure">
            <label htmlFor={dateId}>{strings.dateLabel}</label>
            <input
              id={dateId}
              type="text"
              inputMode="numeric"
              placeholder={strings.datePlaceholder}
              value={departure.dateText}
              disabled={disabled}
              onChange={(event) => onDraft(student.studentId, { ...departure, dateText: event.target.value })}
            />
            <label htmlFor={detailId}>
              {departure.kind === 'transferred' ? strings.schoolLabel : strings.reasonLabel}
            </label>
            <input
              id={detailId}
              type="text"
              maxLength={300}
              value={departure.detail}
              disabled={disabled}
              onChange={(event) => onDraft(student.studentId, { ...departure, detail: event.target.value })}
            />
          </div>
        )}
        {problem && <p className="rollover-problem">{problem}</p>}
      </td>
    </tr>
  );
}

function toClassDraft(value: string): RollOverDraft | undefined {
  return value.startsWith('class:') ? { kind: 'class', className: value.slice('class:'.length) } : undefined;
}

type TableProps = {
  readonly schoolClass: RollOverClass;
  readonly fromYear: string;
  readonly students: readonly StudentPlan[];
  readonly drafts: ReadonlyMap<StudentId, RollOverDraft>;
  readonly nextClasses: readonly (RollOverClass | NewClass)[];
  readonly newNames: ReadonlySet<string>;
  readonly disabled: boolean;
  readonly onDraft: (studentId: StudentId, draft: RollOverDraft | undefined) => void;
};

/** One of last year's classes: its students, their results and where each goes, opened on demand. */
export function RollOverClassTable({ schoolClass, fromYear, students, drafts, ...rest }: TableProps) {
  const undecided = students.filter((student) => student.destination.kind === 'undecided').length;
  // Closed at first: a school of 2,000 students is 60 classes; the summary says where to look.
  const [open, setOpen] = useState(false);
  return (
    <details className="rollover-class" open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>
        <span className="setup-class-name">{strings.classSummary(schoolClass.name, students.length)}</span>
        {undecided > 0 && <span className="pill rollover-warning">{strings.classUndecided(undecided)}</span>}
      </summary>
      {open && (
        <table className="data-table setup-table rollover-table">
          <caption>{strings.caption(schoolClass.name, fromYear)}</caption>
          <thead>
            <tr>
              <th scope="col">{strings.numberColumn}</th>
              <th scope="col">{strings.nameColumn}</th>
              <th scope="col">{strings.standingColumn}</th>
              <th scope="col">{strings.destinationColumn}</th>
            </tr>
          </thead>
          <tbody>
            {students.map((student) => (
              <StudentRow
                key={student.studentId}
                student={student}
                draft={drafts.get(student.studentId)}
                {...rest}
              />
            ))}
          </tbody>
        </table>
      )}
    </details>
  );
}
