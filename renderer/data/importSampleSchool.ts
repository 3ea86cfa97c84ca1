import { defaultForeignLanguage1 } from '../../shared/domain/foreignLanguages';
import { searchKeyOf } from '../../shared/domain/text';
import type { SampleYearResults } from '../../shared/sample/generateYearResults';
import type { SampleSchoolFile } from '../../shared/sample/sampleSchoolFile';
import { sampleEnrolments } from '../../shared/sample/sampleStudyHistory';
import type { AssignmentDoc } from './collections/assignmentsCollection';
import type { CharacterResultDoc } from './collections/characterResultsCollection';
import type { ClassDoc } from './collections/classesCollection';
import { newStudentFields, type PersonDoc } from './collections/people/peopleCollection';
import type { SchoolDoc } from './collections/schools/schoolsCollection';
import type { SubjectResultDoc } from './collections/subjectResultsCollection';
import type { HocbaDatabase } from './database';
import { metaFor } from './documentMeta';
import { auditedBulkInsert, type BulkDocument, type EditableCollection } from './writes/auditedWrite';
import type { WriteContext } from './writes/writeContext';

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

export type SeedProgress = { readonly written: number; readonly total: number };

const chunkSize = 2_000;

/**
 * Writes a sample school into the database, every document through the audit chain. Each
 * collection is written in chunks that are each all-or-nothing; `onProgress` counts documents.
 */
export async function importSampleSchool(
  database: HocbaDatabase,
  context: WriteContext,
  documents: SampleDocuments,
  onProgress: (progress: SeedProgress) => void = () => undefined,
): Promise<number> {
  const plan: { [K in EditableCollection]?: BulkDocument<K>[] } = {
    schools: [{ doc: documents.school, studentId: '', classId: '' }],
    classes: documents.classes.map((doc) => ({ doc, studentId: '', classId: doc.id })),
    people: documents.people.map((doc) => ({ doc, studentId: doc.id, classId: doc.classId })),
    assignments: documents.assignments.map((doc) => ({ doc, studentId: '', classId: doc.classId })),
    subjectResults: documents.subjectResults.map((doc) => ({
      doc,
      studentId: doc.studentId,
      classId: doc.classId,
    })),
    characterResults: documents.characterResults.map((doc) => ({
      doc,
      studentId: doc.studentId,
      classId: doc.classId,
    })),
  };
  const total = Object.values(plan).reduce((sum, list) => sum + list.length, 0);
  let written = 0;
  for (const name of Object.keys(plan) as EditableCollection[]) {
    const list = plan[name] ?? [];
    for (let start = 0; start < list.length; start += chunkSize) {
      const chunk = list.slice(start, start + chunkSize);
      await auditedBulkInsert(database, context, name, chunk as never);
      written += chunk.length;
      onProgress({ written, total });
    }
  }
  return written;
}
