import type { PeriodCode } from '../domain/evaluation/catalogueSchema';
import type { CompiledCatalogue } from '../domain/evaluation/compiledCatalogue';
import { studentYearInputFrom } from '../domain/evaluation/resultDocuments';
import type { StudentYearInput } from '../domain/evaluation/studentYearInput';
import type { StudentIdentity } from '../domain/student';
import type { SampleYearResults } from '../sample/generateYearResults';
import type { SampleSchoolFile } from '../sample/sampleSchoolFile';
import { buildStudyRecord } from './buildStudyRecord';
import type { StudyRecord } from './studyRecord';

/** The engine's input for one sample student, with the comments on qualities and competencies too. */
function sampleYearOf(
  compiled: CompiledCatalogue,
  grade: number,
  student: SampleSchoolFile['students'][number],
  results: SampleYearResults,
): StudentYearInput {
  const subjects = results.subjectResults.filter((result) => result.studentId === student.id);
  const character = results.characterResults.find((result) => result.studentId === student.id);
  const year = studentYearInputFrom(compiled, grade, student.electives, subjects, character);
  if (!character) return year;
  const commentOf = (period: PeriodCode, code: string) => character[period][code]?.comment ?? '';
  return {
    ...year,
    qualities: year.qualities.map((entry) => ({ ...entry, comment: commentOf(entry.period, entry.quality) })),
    competencies: year.competencies.map((entry) => ({
      ...entry,
      comment: commentOf(entry.period, entry.competency),
    })),
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
  return school.students.slice(0, limit).map((student, index) => {
    const schoolClass = classes.get(student.classId);
    if (!schoolClass) throw new RangeError(`student ${student.id} has no class`);
    const identity: StudentIdentity = {
      studentCode: student.studentCode,
      personalId: student.personalId,
      fullName: student.fullName,
      gender: student.gender,
      birthDate: student.birthDate,
      ethnicity: student.ethnicity,
      nationality: student.nationality,
      birthPlace: student.birthPlace,
      hometown: student.hometown,
      address: student.address,
      fatherName: student.fatherName,
      motherName: student.motherName,
      guardianName: student.guardianName,
    };
    return buildStudyRecord(compiled, {
      school: school.school,
      schoolClass,
      principalName: school.school.principalName,
      student: identity,
      registerNumber: `${String(index + 1).padStart(3, '0')}/${schoolClass.schoolYear.slice(0, 4)}`,
      entryDate: `${schoolClass.schoolYear.slice(0, 4)}-09-05`,
      year: sampleYearOf(compiled, schoolClass.grade, student, results),
    });
  });
}
