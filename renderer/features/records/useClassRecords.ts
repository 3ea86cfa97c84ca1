import { useMemo } from 'react';
import { buildStudyRecord, type StudyRecordSource } from '../../../shared/record/buildStudyRecord';
import type { StudyRecord } from '../../../shared/record/studyRecord';
import type { CertificatePin, StaffMember } from '../../../shared/domain/staff';
import { studentIdentityOf } from '../../../shared/domain/student';
import { cleanText } from '../../../shared/domain/text';
import { useSchool } from '../../app/SchoolContext';
import type { AssignmentDoc } from '../../data/collections/assignmentsCollection';
import type { ClassDoc } from '../../data/collections/classesCollection';
import type { SchoolDoc } from '../../data/collections/schools/schoolsCollection';
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

const pinned = (pin: CertificatePin | null | undefined) =>
  pin ? { issuer: pin.issuer, serialNumberHex: pin.serialNumberHex } : null;

const identityOf = (member: StaffMember | undefined) => ({
  personalId: member?.personalId ?? null,
  formerIdNumber: member?.formerIdNumber ?? null,
  pinnedCertificate: pinned(member?.certificate),
});

/**
 * What setup knows of the people the class's records name: the homeroom teacher is the one the
 * class's homeroom assignment names (not anyone of the same name: namesakes are the point), the
 * principal the school's principal of the name on the profile; each only when the name printed on
 * the record is theirs, so no one's ID is ever put under someone else's name.
 */
export function signerIdentitiesOf(
  school: SchoolDoc,
  schoolClass: ClassDoc,
  assignments: readonly AssignmentDoc[],
): NonNullable<StudyRecordSource['signerIdentities']> {
  const same = (a: string, b: string) => cleanText(a) === cleanText(b);
  const homeroomId = assignments.find(
    (assignment) => assignment.classId === schoolClass.id && assignment.homeroom,
  )?.teacherId;
  const teacher = school.staff.find(
    (member) => member.userId === homeroomId && same(member.fullName, schoolClass.homeroomTeacherName),
  );
  const principals = school.staff.filter(
    (member) => member.role === 'principal' && member.active && same(member.fullName, school.principalName),
  );
  return {
    homeroomTeacher: identityOf(teacher),
    // Two active principals of the same name: which one is meant cannot be told, so neither.
    principal: identityOf(principals.length === 1 ? principals[0] : undefined),
    schoolSeal: {
      taxCode: school.taxCode ?? null,
      budgetCode: school.budgetCode ?? null,
      pinnedCertificate: pinned(school.sealCertificate),
    },
  };
}

/**
 * The class's học bạ, built from the stored evaluations by the same code as the CLI: final for a
 * year-end result the homeroom teacher confirmed, a draft (watermarked, unsignable) otherwise.
 */
export function useClassRecords(schoolClass: ClassDoc): ClassRecordEntry[] | undefined {
  const { school, schoolYear, assignments, writeContext } = useSchool();
  const data = useClassSummary(writeContext.catalogue, schoolClass, 'CN');
  const students = useClassStudents(schoolClass.id);
  return useMemo(() => {
    if (!data || !students) return undefined;
    const signerIdentities = signerIdentitiesOf(school, schoolClass, assignments);
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
          foreignLanguage1: school.foreignLanguage1,
          student: studentIdentityOf(student),
          photoSha256: student.photo?.photoId ?? null,
          registerNumber: student.registerNumber,
          entryDate: student.entryDate,
          priorYears: student.priorYears,
          year: input,
          // Awards confirmed with a result that has since changed are not the record's any more.
          ...(year?.confirmation && confirmation === 'confirmed'
            ? { confirmedAwards: year.awards.map(({ kind, title }) => ({ kind, title })) }
            : {}),
          status: confirmation === 'confirmed' ? 'final' : 'draft',
          resultConfirmedAt: confirmation === 'confirmed' ? (year?.confirmation?.at ?? null) : null,
          signerIdentities,
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
  }, [data, students, school, schoolYear, schoolClass, assignments, writeContext.catalogue]);
}
