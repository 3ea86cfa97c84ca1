import { useMemo } from 'react';
import { buildStudyRecord } from '../../../shared/record/buildStudyRecord';
import type { StudyRecord } from '../../../shared/record/studyRecord';
import { studentIdentityOf } from '../../../shared/domain/student';
import { useSchool } from '../../app/SchoolContext';
import type { ClassDoc } from '../../data/collections/classesCollection';
import type { PersonDoc } from '../../data/collections/people/peopleCollection';
import { useClassStudents } from '../../data/queries/classQueries';
import { confirmationStatus, type ConfirmationStatus } from '../summary/confirmationStatus';
import { useClassSummary } from '../summary/useClassSummary';

/** One student's học bạ as the offline data makes it now. */
export type ClassRecordEntry = {
  readonly student: PersonDoc;
  readonly confirmation: ConfirmationStatus;
  /** Undefined when the data cannot make a record yet (the reason is in `problem`). */
  readonly record: StudyRecord | undefined;
  readonly problem: string | undefined;
};

/**
 * The class's học bạ, built from the stored evaluations by the same code as the CLI: final for a
 * year-end result the homeroom teacher confirmed, a draft (watermarked, unsignable) otherwise.
 */
export function useClassRecords(schoolClass: ClassDoc): ClassRecordEntry[] | undefined {
  const { school, schoolYear, writeContext } = useSchool();
  const data = useClassSummary(writeContext.catalogue, schoolClass, 'CN');
  const students = useClassStudents(schoolClass.id);
  return useMemo(() => {
    if (!data || !students) return undefined;
    return students.map((student): ClassRecordEntry => {
      const input = data.inputs.get(student.id);
      const year = data.yearResults.get(student.id);
      const confirmation = confirmationStatus(data, student.id);
      if (!input) return { student, confirmation, record: undefined, problem: undefined };
      try {
        const record = buildStudyRecord(writeContext.catalogue, {
          school: {
            code: school.code,
            name: school.name,
            province: school.province,
            commune: school.commune,
          },
          schoolClass: {
            schoolYear,
            grade: schoolClass.grade,
            name: schoolClass.name,
            homeroomTeacherName: schoolClass.homeroomTeacherName,
          },
          principalName: school.principalName,
          student: studentIdentityOf(student),
          photoSha256: student.photo?.photoId ?? null,
          year: input,
          ...(year?.confirmation
            ? { confirmedAwards: year.awards.map(({ kind, title }) => ({ kind, title })) }
            : {}),
          status: confirmation === 'confirmed' ? 'final' : 'draft',
        });
        return { student, confirmation, record, problem: undefined };
      } catch (error) {
        return {
          student,
          confirmation,
          record: undefined,
          problem: error instanceof Error ? error.message : String(error),
        };
      }
    });
  }, [data, students, school, schoolYear, schoolClass, writeContext.catalogue]);
}
