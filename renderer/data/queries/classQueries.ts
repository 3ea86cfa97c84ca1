import { useMemo, useState } from 'react';
import { NEVER } from 'rxjs';
import { compareRosterOrder } from '../../../shared/classList/listNumbers';
import type { ClassId } from '../../../shared/domain/ids';
import type { CharacterResultDoc } from '../collections/characterResultsCollection';
import type { PersonDoc } from '../collections/people/peopleCollection';
import type { SubjectResultDoc } from '../collections/subjectResultsCollection';
import type { YearResultDoc } from '../collections/yearResultsCollection';
import { useDatabase } from '../DatabaseContext';
import { useObservable } from '../useRxQueryResult';

/** No class: a query for it finds nothing (no document has an empty class id). */
const noClassId = '' as ClassId;

/**
 * The students of a class, in register order (given name, middle names, family name).
 *
 * While `paused` (a class list being written under a modal dialog) the roster last shown stays
 * and the query stops listening, so the write is not slowed by sorting and redrawing the class
 * after every chunk (bench:import); it reads the class again once resumed.
 */
export function useClassStudents(classId: ClassId | undefined, paused = false): PersonDoc[] | undefined {
  const database = useDatabase();
  const docs = useObservable(
    useMemo(
      () => (paused ? NEVER : database.people.find({ selector: { classId: classId ?? noClassId } }).$),
      [database, classId, paused],
    ),
  );
  const students = useMemo(() => docs?.map((doc) => doc.toMutableJSON()).sort(compareRosterOrder), [docs]);
  // The last roster read live, for showing while paused and until the query answers again.
  const [held, setHeld] = useState<{ classId: ClassId | undefined; students: PersonDoc[] | undefined }>({
    classId,
    students: undefined,
  });
  if (students && (held.students !== students || held.classId !== classId)) setHeld({ classId, students });
  const shown = held.classId === classId ? held.students : undefined;
  return paused ? shown : (students ?? shown);
}

/** A class's results in one subject row, by student id. */
export function useSubjectResults(
  classId: ClassId | undefined,
  rowKey: string | undefined,
): Map<string, SubjectResultDoc> | undefined {
  const database = useDatabase();
  const docs = useObservable(
    useMemo(
      () =>
        database.subjectResults.find({ selector: { classId: classId ?? noClassId, rowKey: rowKey ?? '' } }).$,
      [database, classId, rowKey],
    ),
  );
  return useMemo(
    () => (docs ? new Map(docs.map((doc) => [doc.studentId, doc.toMutableJSON()])) : undefined),
    [docs],
  );
}

/** Every subject result of a class (all rows), for the summary table. */
export function useClassSubjectResults(classId: ClassId | undefined): SubjectResultDoc[] | undefined {
  const database = useDatabase();
  const docs = useObservable(
    useMemo(
      () => database.subjectResults.find({ selector: { classId: classId ?? noClassId } }).$,
      [database, classId],
    ),
  );
  return useMemo(() => docs?.map((doc) => doc.toMutableJSON()), [docs]);
}

export function useCharacterResults(
  classId: ClassId | undefined,
): Map<string, CharacterResultDoc> | undefined {
  const database = useDatabase();
  const docs = useObservable(
    useMemo(
      () => database.characterResults.find({ selector: { classId: classId ?? noClassId } }).$,
      [database, classId],
    ),
  );
  return useMemo(
    () => (docs ? new Map(docs.map((doc) => [doc.studentId, doc.toMutableJSON()])) : undefined),
    [docs],
  );
}

export function useYearResults(classId: ClassId | undefined): Map<string, YearResultDoc> | undefined {
  const database = useDatabase();
  const docs = useObservable(
    useMemo(
      () => database.yearResults.find({ selector: { classId: classId ?? noClassId } }).$,
      [database, classId],
    ),
  );
  return useMemo(
    () => (docs ? new Map(docs.map((doc) => [doc.studentId, doc.toMutableJSON()])) : undefined),
    [docs],
  );
}

/** The students of several classes (a whole school year), in register order within each class. */
export function useStudentsOfClasses(classIds: readonly ClassId[]): PersonDoc[] | undefined {
  const database = useDatabase();
  const key = classIds.join('|');
  const docs = useObservable(
    useMemo(
      () => database.people.find({ selector: { classId: { $in: key === '' ? [] : key.split('|') } } }).$,
      [database, key],
    ),
  );
  return useMemo(
    () =>
      docs
        ?.map((doc) => doc.toMutableJSON())
        .sort((a, b) => a.classId.localeCompare(b.classId) || compareRosterOrder(a, b)),
    [docs],
  );
}
