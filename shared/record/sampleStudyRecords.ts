import type { CompiledCatalogue } from '../domain/evaluation/compiledCatalogue';
import { defaultForeignLanguage1 } from '../domain/foreignLanguages';
import { computeYearResult } from '../domain/evaluation/computeYearResult';
import { studentYearInputFrom } from '../domain/evaluation/resultDocuments';
import type { StudentYearInput } from '../domain/evaluation/studentYearInput';
import { studentIdentityOf } from '../domain/student';
import type { SampleYearResults } from '../sample/generateYearResults';
import type { SampleSchoolFile } from '../sample/sampleSchoolFile';
import { sampleEnrolments } from '../sample/sampleStudyHistory';
import { buildStudyRecord } from './buildStudyRecord';
import type { StudyRecord } from './studyRecord';

/** The engine's input for one sample student, comments on qualities and competencies included. */
function sampleYearOf(
  compiled: CompiledCatalogue,
  grade: number,
  student: SampleSchoolFile['students'][number],
  results: SampleYearResults,
  schoolYear: string,
): StudentYearInput {
  const subjects = results.subjectResults.filter((result) => result.studentId === student.id);
  const character = results.characterResults.find((result) => result.studentId === student.id);
  const year = studentYearInputFrom(compiled, grade, student.electives, subjects, character);
  // The sample's records are as they stand after the summer: a student who did not complete the
  // year had the support plan and passed the supplementary evaluation in August (TT27 Điều 11
  // khoản 2), so every sample record can be final.
  const outcome = computeYearResult(compiled, year);
  if (outcome.status !== 'computed' || outcome.completion.status !== 'pending') return year;
  return {
    ...year,
    supplementaryEvaluation: { outcome: 'completed', date: `${schoolYear.slice(5)}-08-05`, note: '' },
  };
}

/**
 * The records of a sample school's students (for `hocba seed --records-out`, tests and
 * benchmarks): each from the student's profile, class and generated year.
 */
export function sampleStudyRecords(
  compiled: CompiledCatalogue,
  school: SampleSchoolFile,
  results: SampleYearResults,
  limit: number = school.students.length,
): StudyRecord[] {
  const classes = new Map(school.classes.map((schoolClass) => [schoolClass.id, schoolClass]));
  const enrolments = sampleEnrolments(school);
  return school.students.slice(0, limit).map((student) => {
    const schoolClass = classes.get(student.classId);
    const enrolment = enrolments.get(student.id);
    if (!schoolClass || !enrolment) throw new RangeError(`student ${student.id} has no class`);
    return buildStudyRecord(compiled, {
      school: school.school,
      schoolClass,
      principalName: school.school.principalName,
      foreignLanguage1: defaultForeignLanguage1,
      student: studentIdentityOf(student),
      registerNumber: enrolment.registerNumber,
      entryDate: enrolment.entryDate,
      priorYears: enrolment.priorYears,
      year: sampleYearOf(compiled, schoolClass.grade, student, results, schoolClass.schoolYear),
      // The homeroom teachers confirm the year in late May, before the summer break.
      resultConfirmedAt: `${schoolClass.schoolYear.slice(5)}-05-25T03:00:00.000Z`,
    });
  });
}
