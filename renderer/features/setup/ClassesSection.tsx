import { useState } from 'react';
import { grades } from '../../../shared/domain/grade';
import { useSchool } from '../../app/SchoolContext';
import type { ClassDoc } from '../../data/collections/classesCollection';
import { useDatabase } from '../../data/DatabaseContext';
import { removeClass } from '../../data/writes/setupWrites';
import { AddClassForm } from './AddClassForm';
import { SetupFeedback } from './SetupFeedback';
import { setupStrings } from './strings';
import { useSetupAction } from './useSetupAction';

const strings = setupStrings.classes;

type RowProps = {
  readonly schoolClass: ClassDoc;
  readonly gradeCell: { readonly grade: number; readonly rows: number } | undefined;
  readonly readOnly: boolean;
  readonly confirming: boolean;
  readonly busy: boolean;
  readonly onAsk: (classId: string | undefined) => void;
  readonly onRemove: (schoolClass: ClassDoc) => void;
};

function ClassRow({ schoolClass, gradeCell, readOnly, confirming, busy, onAsk, onRemove }: RowProps) {
  return (
    <tr>
      {gradeCell && (
        <th scope="rowgroup" rowSpan={gradeCell.rows}>
          {strings.grade(gradeCell.grade)}
        </th>
      )}
      <td className="setup-class-name">{schoolClass.name}</td>
      <td>{schoolClass.homeroomTeacherName || <span className="muted">{strings.noHomeroom}</span>}</td>
      {!readOnly && (
        <td>
          {confirming ? (
            <div className="setup-row-actions">
              <button
                type="button"
                className="button setup-danger"
                disabled={busy}
                onClick={() => onRemove(schoolClass)}
              >
                {strings.confirmRemove(schoolClass.name)}
              </button>
              <button type="button" className="button" disabled={busy} onClick={() => onAsk(undefined)}>
                {setupStrings.cancel}
              </button>
            </div>
          ) : (
            <button
              type="button"
              className="button setup-small"
              aria-label={strings.removeLabel(schoolClass.name)}
              disabled={busy}
              onClick={() => onAsk(schoolClass.id)}
            >
              {strings.remove}
            </button>
          )}
        </td>
      )}
    </tr>
  );
}

/** Lớp học: the classes of the current year by grade; adding, and removing an empty class. */
export function ClassesSection({ readOnly }: { readonly readOnly: boolean }) {
  const database = useDatabase();
  const { classes, schoolYear, writeContext } = useSchool();
  const { feedback, busy, run } = useSetupAction();
  const [confirming, setConfirming] = useState<string | undefined>(undefined);

  const remove = async (schoolClass: ClassDoc) => {
    await run(() => removeClass(database, writeContext, schoolClass.id), strings.removed(schoolClass.name));
    setConfirming(undefined);
  };

  return (
    <section className="panel setup-section" aria-labelledby="setup-classes-heading">
      <h2 id="setup-classes-heading">{strings.heading}</h2>
      {classes.length === 0 ? (
        <p className="status">{strings.none}</p>
      ) : (
        <table className="data-table setup-table">
          <caption>{strings.caption(schoolYear)}</caption>
          <thead>
            <tr>
              <th scope="col">{strings.gradeColumn}</th>
              <th scope="col">{strings.nameColumn}</th>
              <th scope="col">{strings.homeroomColumn}</th>
              {!readOnly && <th scope="col">{strings.actionsColumn}</th>}
            </tr>
          </thead>
          {grades.map((grade) => {
            const inGrade = classes.filter((schoolClass) => schoolClass.grade === grade);
            if (inGrade.length === 0) return null;
            return (
              <tbody key={grade}>
                {inGrade.map((schoolClass, index) => (
                  <ClassRow
                    key={schoolClass.id}
                    schoolClass={schoolClass}
                    gradeCell={index === 0 ? { grade, rows: inGrade.length } : undefined}
                    readOnly={readOnly}
                    confirming={confirming === schoolClass.id}
                    busy={busy}
                    onAsk={setConfirming}
                    onRemove={(target) => void remove(target)}
                  />
                ))}
              </tbody>
            );
          })}
        </table>
      )}
      {!readOnly && <p className="hint">{strings.removeHint}</p>}
      <SetupFeedback feedback={feedback} />
      {!readOnly && <AddClassForm />}
    </section>
  );
}
