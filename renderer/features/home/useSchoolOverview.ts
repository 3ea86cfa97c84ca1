import { useMemo } from 'react';
import { of } from 'rxjs';
import { compareRosterOrder } from '../../../shared/classList/listNumbers';
import type { ClassDoc } from '../../data/collections/classesCollection';
import type { PersonDoc } from '../../data/collections/people/peopleCollection';
import type { SchoolDoc } from '../../data/collections/schools/schoolsCollection';
import { useDatabase } from '../../data/DatabaseContext';
import { useObservable } from '../../data/useRxQueryResult';

export type SchoolOverview = {
  readonly school: SchoolDoc;
  readonly classes: readonly ClassDoc[];
  readonly students: readonly PersonDoc[];
  readonly studentsByClass: ReadonlyMap<string, readonly PersonDoc[]>;
};

/** The school, its classes and its students, kept live from the local database. */
export function useSchoolOverview(): SchoolOverview | null | undefined {
  const database = useDatabase();
  const schools = useObservable(useMemo(() => database.schools.find().$, [database]));
  const school = schools?.[0]?.toMutableJSON();
  const schoolId = school?.id;
  const schoolYear = school?.schoolYear;
  const classDocs = useObservable(
    useMemo(
      () =>
        schoolId && schoolYear
          ? database.classes.find({ selector: { schoolId, schoolYear } }).$
          : of(undefined),
      [database, schoolId, schoolYear],
    ),
  );
  const peopleDocs = useObservable(
    useMemo(
      () =>
        schoolId && schoolYear
          ? database.people.find({ selector: { schoolId, schoolYear } }).$
          : of(undefined),
      [database, schoolId, schoolYear],
    ),
  );

  return useMemo(() => {
    if (schools === undefined) return undefined;
    if (!school) return null;
    if (!classDocs || !peopleDocs) return undefined;
    const classes = classDocs
      .map((doc) => doc.toMutableJSON())
      .sort((a, b) => a.grade - b.grade || a.name.localeCompare(b.name, 'vi', { numeric: true }));
    const students = peopleDocs.map((doc) => doc.toMutableJSON()).sort(compareRosterOrder);
    const studentsByClass = new Map<string, PersonDoc[]>();
    for (const student of students) {
      const list = studentsByClass.get(student.classId) ?? [];
      list.push(student);
      studentsByClass.set(student.classId, list);
    }
    return { school, classes, students, studentsByClass };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- school is derived from schools
  }, [schools, classDocs, peopleDocs]);
}
