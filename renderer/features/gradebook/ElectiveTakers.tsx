import { useState } from 'react';
import { useSchool } from '../../app/SchoolContext';
import type { PersonDoc } from '../../data/collections/people/peopleCollection';
import { useDatabase } from '../../data/DatabaseContext';
import { setElectives } from '../../data/writes/profileWrites';
import { WriteRefused } from '../../data/writes/writeContext';
import { gradebookStrings } from './strings';

type Props = {
  readonly students: readonly PersonDoc[];
  /** The elective subject (`tieng-dan-toc`) and its name. */
  readonly subjectCode: string;
  readonly subjectName: string;
  /** The homeroom teacher says who takes it; everyone else sees who does. */
  readonly mayChoose: boolean;
};

/**
 * Who takes an elective subject in this class (Tiếng dân tộc, Ngoại ngữ 1 in grades 1–2), ticked
 * here by the homeroom teacher for the whole class at once; the same choice as each student's
 * profile. A student who does not take it has nothing to enter in the grade book.
 */
export function ElectiveTakers({ students, subjectCode, subjectName, mayChoose }: Props) {
  const database = useDatabase();
  const { writeContext } = useSchool();
  const [problem, setProblem] = useState<string | undefined>(undefined);
  // A tick shows at once; it gives way to the stored choice when its save is visible (or refused).
  const [choosing, setChoosing] = useState<ReadonlyMap<string, boolean>>(new Map());
  const takes = (student: PersonDoc) => choosing.get(student.id) ?? student.electives.includes(subjectCode);
  const takers = students.filter(takes).length;
  const choose = (student: PersonDoc, chosen: boolean) => {
    const next = chosen
      ? [...student.electives, subjectCode]
      : student.electives.filter((code) => code !== subjectCode);
    setProblem(undefined);
    setChoosing((current) => new Map(current).set(student.id, chosen));
    setElectives(database, writeContext, student.id, next)
      .catch((error: unknown) =>
        setProblem(error instanceof WriteRefused ? error.message : gradebookStrings.electiveSaveFailed),
      )
      .finally(() =>
        setChoosing((current) => {
          const left = new Map(current);
          left.delete(student.id);
          return left;
        }),
      );
  };
  return (
    <details className="elective-takers">
      <summary>{gradebookStrings.electiveTakers(subjectName, takers, students.length)}</summary>
      {!mayChoose && <p className="hint">{gradebookStrings.electiveChosenByHomeroom}</p>}
      <ul>
        {students.map((student) => (
          <li key={student.id}>
            <label className="checkbox">
              <input
                type="checkbox"
                checked={takes(student)}
                disabled={!mayChoose}
                onChange={(event) => choose(student, event.target.checked)}
              />
              {student.fullName}
            </label>
          </li>
        ))}
      </ul>
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
    </details>
  );
}
