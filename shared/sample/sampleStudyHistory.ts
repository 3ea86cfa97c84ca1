import type { StudyHistoryEntry } from '../record/buildStudyRecord';
import type { SampleSchoolFile } from './sampleSchoolFile';

/** What the school's register (sổ đăng bộ) and class lists say of a sample student. */
export type SampleEnrolment = {
  /** STT in the class list, as the school's file numbers it. */
  readonly listNumber: number;
  /** Số đăng bộ: the entry's number in the register of the year the student entered. */
  readonly registerNumber: string;
  /** The day the student entered the school (the first school day of grade 1). */
  readonly entryDate: string;
  /** The years at this school before this one, grade 1 first. */
  readonly priorYears: readonly StudyHistoryEntry[];
};

const yearStarting = (start: number) => `${start}-${start + 1}`;

/**
 * The enrolment of every sample student, derived from the file so the app's trial and the CLI's
 * records agree: each entered this school in grade 1 and moved up a grade each year, in a class
 * with the same letter; register numbers count the entrants of each year in file order.
 */
export function sampleEnrolments(file: SampleSchoolFile): ReadonlyMap<string, SampleEnrolment> {
  const classes = new Map(file.classes.map((schoolClass) => [schoolClass.id, schoolClass]));
  const currentStart = Number(file.schoolYear.slice(0, 4));
  const inClass = new Map<string, number>();
  const entrantsOf = new Map<number, number>();
  const enrolments = new Map<string, SampleEnrolment>();
  for (const student of file.students) {
    const schoolClass = classes.get(student.classId);
    if (!schoolClass) throw new RangeError(`student ${student.id} has no class`);
    const listNumber = (inClass.get(schoolClass.id) ?? 0) + 1;
    inClass.set(schoolClass.id, listNumber);
    const entryStart = currentStart - (schoolClass.grade - 1);
    const entrant = (entrantsOf.get(entryStart) ?? 0) + 1;
    entrantsOf.set(entryStart, entrant);
    const registerNumber = `${String(entrant).padStart(3, '0')}/${entryStart}`;
    const entryDate = `${entryStart}-09-05`;
    const letter = schoolClass.name.slice(1);
    const priorYears = Array.from({ length: schoolClass.grade - 1 }, (_, index) => ({
      schoolYear: yearStarting(entryStart + index),
      grade: index + 1,
      className: `${index + 1}${letter}`,
      schoolName: file.school.name,
      schoolCode: file.school.code,
      registerNumber,
      entryDate: index === 0 ? entryDate : null,
    }));
    enrolments.set(student.id, { listNumber, registerNumber, entryDate, priorYears });
  }
  return enrolments;
}
