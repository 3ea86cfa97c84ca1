import type { AssignmentDoc } from '../documents/assignments/assignments';
import type { CharacterResultDoc } from '../documents/characterResults/characterResults';
import type { ClassDoc } from '../documents/classes/classes';
import { metaFor } from '../documents/documentMeta';
import type { PersonDoc } from '../documents/people/people';
import { newStudentFields } from '../documents/people/peopleMigrations';
import type { SchoolDoc } from '../documents/schools/schools';
import type { SubjectResultDoc } from '../documents/subjectResults/subjectResults';
import { defaultForeignLanguage1 } from '../domain/foreignLanguages';
import { searchKeyOf } from '../domain/text';
import type { SampleYearResults } from './generateYearResults';
import type { SampleSchoolFile } from './sampleSchoolFile';
import { sampleEnrolments } from './sampleStudyHistory';

export type SampleDocuments = {
  readonly school: SchoolDoc;
  readonly classes: ClassDoc[];
  readonly people: PersonDoc[];
  readonly assignments: AssignmentDoc[];
  readonly subjectResults: SubjectResultDoc[];
  readonly characterResults: CharacterResultDoc[];
};

/** Maps a sample school (and, if given, its year of results) to local documents. Pure. */
export function sampleSchoolDocuments(
  file: SampleSchoolFile,
  results: SampleYearResults | undefined,
  actor: string,
  now: Date,
): SampleDocuments {
  const meta = metaFor(file.school.id, file.schoolYear, actor, now);
  const { id, ...profile } = file.school;
  const enrolments = sampleEnrolments(file);
  return {
    school: {
      id,
      ...profile,
      staff: file.staff,
      schoolYears: [file.schoolYear],
      foreignLanguage1: defaultForeignLanguage1,
      ...meta,
    },
    classes: file.classes.map(({ id: classId, grade, name, homeroomTeacherName }) => ({
      id: classId,
      grade,
      name,
      homeroomTeacherName,
      ...meta,
    })),
    people: file.students.map(({ schoolId: _schoolId, schoolYear: _schoolYear, ...student }) => {
      const enrolment = enrolments.get(student.id);
      return {
        ...student,
        searchName: searchKeyOf(student.fullName),
        photo: null,
        birthCertificateCheck: null,
        parentsConfirmation: null,
        ...newStudentFields,
        ...(enrolment
          ? {
              listNumber: enrolment.listNumber,
              registerNumber: enrolment.registerNumber,
              entryDate: enrolment.entryDate,
              priorYears: enrolment.priorYears,
            }
          : {}),
        ...meta,
      };
    }),
    assignments: file.assignments.map((assignment) => ({
      ...assignment,
      subjects: [...assignment.subjects],
      ...meta,
    })),
    subjectResults: (results?.subjectResults ?? []).map((result) => ({ ...result, ...meta })),
    characterResults: (results?.characterResults ?? []).map((result) => ({ ...result, ...meta })),
  };
}
