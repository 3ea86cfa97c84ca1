import { useEffect, useState } from 'react';
import { useSchoolState } from '../../app/SchoolContext';
import { useDatabase } from '../../data/DatabaseContext';
import { conflictLogChanges$, readConflictLog, type ConflictLogEntry } from '../../data/sync/conflictLog';
import { chooseInConflict, offersMyValue } from '../../data/sync/takeMyValue';
import type { StudentPlace } from '../../data/writes/resultWrites';
import { WriteRefused } from '../../data/writes/writeContext';
import { describeConflict } from './conflictDescription';
import { syncScreenStrings as text, syncTimeOf } from './syncScreenStrings';

type Student = { readonly fullName: string; readonly electives: readonly string[] };

/** Nhật ký xung đột: every change the server did not take as sent, newest first, both versions. */
export function ConflictLogList() {
  const database = useDatabase();
  const [entries, setEntries] = useState<readonly ConflictLogEntry[] | undefined>(undefined);
  const school = useSchoolState();
  const [students, setStudents] = useState<ReadonlyMap<string, Student>>(new Map());
  /** Per entry: a choice being written, or the reason it could not be. */
  const [choosing, setChoosing] = useState<ReadonlyMap<string, 'busy' | { readonly failed: string }>>(
    new Map(),
  );

  useEffect(() => {
    let live = true;
    const subscription = conflictLogChanges$(database).subscribe(() => {
      void readConflictLog(database).then(async (read) => {
        const studentIds = [
          ...new Set(
            read.map((entry) => entry.mine.studentId).filter((id): id is string => typeof id === 'string'),
          ),
        ];
        const people = await database.people.findByIds(studentIds).exec();
        if (!live) return;
        setStudents(
          new Map(
            [...people.values()].map((person) => [
              person.id,
              { fullName: person.fullName, electives: person.electives },
            ]),
          ),
        );
        setEntries(read);
      });
    });
    return () => {
      live = false;
      subscription.unsubscribe();
    };
  }, [database]);

  /** Where a student's results are written: the class the entry's document names, as this desktop knows it. */
  const placeOf = (studentId: string, classId: string): StudentPlace | undefined => {
    const schoolClass = school?.classes.find((candidate) => candidate.id === classId);
    const student = students.get(studentId);
    if (!school || !schoolClass || !student) return undefined;
    return {
      studentId: studentId as StudentPlace['studentId'],
      classId: schoolClass.id,
      schoolId: school.school.id,
      schoolYear: schoolClass.schoolYear,
      grade: schoolClass.grade,
      electives: student.electives,
    };
  };

  const choose = async (entry: ConflictLogEntry, choice: 'mine' | 'server') => {
    if (!school) return;
    setChoosing((before) => new Map(before).set(entry.key, 'busy'));
    try {
      await chooseInConflict(database, school.writeContext, entry, choice, placeOf, new Date());
      setChoosing((before) => {
        const after = new Map(before);
        after.delete(entry.key);
        return after;
      });
    } catch (failure) {
      const message = failure instanceof WriteRefused ? failure.message : text.choiceFailed;
      setChoosing((before) => new Map(before).set(entry.key, { failed: message }));
    }
  };

  return (
    <section className="panel sync-conflicts" aria-labelledby="sync-conflicts-heading">
      <h2 id="sync-conflicts-heading">{text.conflictsHeading}</h2>
      <p className="hint">{text.conflictsIntro}</p>
      {entries?.length === 0 && <p className="status">{text.noConflicts}</p>}
      {entries !== undefined && entries.length > 0 && (
        <ol className="conflict-log">
          {entries.map((entry) => {
            const described = describeConflict(entry);
            const student =
              typeof entry.mine.studentId === 'string'
                ? students.get(entry.mine.studentId)?.fullName
                : undefined;
            const state = choosing.get(entry.key);
            return (
              <li key={entry.key} className="conflict-entry">
                <p className="conflict-head">
                  <time dateTime={entry.at}>{syncTimeOf(entry.at)}</time> ·{' '}
                  {text.collections[entry.collection]}
                  {student === undefined ? '' : ` · ${student}`} ·{' '}
                  <span className="conflict-code">{text.codes[entry.code]}</span>
                </p>
                <p>{described.sentence}</p>
                {described.lines.length > 0 && (
                  <table className="data-table conflict-values">
                    <thead>
                      <tr>
                        <th scope="col">{text.field}</th>
                        <th scope="col">{text.yours}</th>
                        <th scope="col">{text.onServer}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {described.lines.map((line) => (
                        <tr key={line.field}>
                          <th scope="row">{line.field}</th>
                          <td>{line.yours}</td>
                          <td>{line.onServer}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                )}
                {described.kept !== undefined && <p className="hint">{described.kept}</p>}
                {entry.resolved !== undefined && (
                  <p className="status">
                    {entry.resolved.choice === 'mine'
                      ? text.tookMine(syncTimeOf(entry.resolved.at))
                      : text.keptServer(syncTimeOf(entry.resolved.at))}
                  </p>
                )}
                {offersMyValue(entry) && (
                  <div className="conflict-choice" role="group" aria-label={text.choiceLabel}>
                    <button
                      type="button"
                      className="button button-primary"
                      disabled={state === 'busy'}
                      onClick={() => void choose(entry, 'mine')}
                    >
                      {text.takeMine}
                    </button>
                    <button
                      type="button"
                      className="button"
                      disabled={state === 'busy'}
                      onClick={() => void choose(entry, 'server')}
                    >
                      {text.keepServer}
                    </button>
                  </div>
                )}
                {state !== undefined && state !== 'busy' && (
                  <p className="notice error" role="alert">
                    {state.failed}
                  </p>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
