import type { StudentPlace } from '../../data/writes/resultWrites';
import type { ClassDoc } from '../../data/collections/classesCollection';
import type { PersonDoc } from '../../data/collections/people/peopleCollection';

/** Where a student's values are written: their class, school, year and electives. */
export function studentPlaceOf(student: PersonDoc, schoolClass: ClassDoc): StudentPlace {
  return {
    studentId: student.id,
    classId: schoolClass.id,
    schoolId: schoolClass.schoolId,
    schoolYear: schoolClass.schoolYear,
    grade: schoolClass.grade,
    electives: student.electives,
  };
}
