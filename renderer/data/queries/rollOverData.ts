import type { CompiledCatalogue } from '../../../shared/domain/evaluation/compiledCatalogue';
import { computeYearResult, confirmableResultOf } from '../../../shared/domain/evaluation/computeYearResult';
import {
  studentYearInputFrom,
  type SubjectResultValues,
} from '../../../shared/domain/evaluation/resultDocuments';
import type { StudentYearInput } from '../../../shared/domain/evaluation/studentYearInput';
import { yearInputFingerprint } from '../../../shared/domain/evaluation/yearFingerprint';
import type { StudentId } from '../../../shared/domain/ids';
import { isSchoolYear, schoolYearStarting, startYearOf } from '../../../shared/domain/schoolYear';
import type { RollOverClass, RollOverInput, RollOverStudent } from '../../../shared/rollOver/rollOverTypes';
import type { ClassDoc } from '../collections/classesCollection';
import type { PersonDoc } from '../collections/people/peopleCollection';
import type { SchoolDoc } from '../collections/schools/schoolsCollection';
import type { YearResultDoc } from '../collections/yearResultsCollection';
import type { HocbaDatabase } from '../database';

/** What the roll-over needs of the school: its id and its years. */
export type RollOverSchool = Pick<SchoolDoc, 'id' | 'schoolYear' | 'schoolYears'>;

/** Everything the roll-over reads: the two years, their classes, and this year's students. */
export type RollOverData = {
  /** The year that ends (the one before the school's current year) and the one that begins. */
  readonly fromYear: string;
  readonly toYear: string;
  /** Whether the school has the year that ends: the roll-over follows starting the new year. */
  readonly started: boolean;
  readonly input: RollOverInput;
  readonly people: ReadonlyMap<StudentId, PersonDoc>;
  /** Each student's year as the engine reads it (absent: no results). */
  readonly inputs: ReadonlyMap<StudentId, StudentYearInput>;
  readonly nextClassDocs: readonly ClassDoc[];
};

const toClass = (doc: ClassDoc): RollOverClass => ({ id: doc.id, grade: doc.grade, name: doc.name });

/** The year's evaluations of one student as the engine reads them, from the stored documents. */
function yearInputOf(
  catalogue: CompiledCatalogue,
  grade: number,
  person: PersonDoc,
  subjectResults: readonly SubjectResultValues[],
  characterResult: Parameters<typeof studentYearInputFrom>[4],
  year: YearResultDoc | undefined,
): StudentYearInput {
  return studentYearInputFrom(catalogue, grade, person.electives, subjectResults, characterResult, {
    ...(person.individualEducationPlan ? { individualEducationPlan: true } : {}),
    ...(year?.supplementaryEvaluation
      ? {
          supplementaryEvaluation: {
            outcome: year.supplementaryEvaluation.outcome,
            date: year.supplementaryEvaluation.date,
          },
        }
      : {}),
    ...(year?.principalDecision
      ? {
          principalDecision: { decision: year.principalDecision.decision, date: year.principalDecision.date },
        }
      : {}),
  });
}

/**
 * Reads what the roll-over needs from the database: last year's classes and the students still in
 * them (not those who left), each with the engine's outcome and whether the homeroom teacher
 * confirmed it with the values it was computed from (as the Tổng hợp screen shows it).
 */
export async function loadRollOverData(
  database: HocbaDatabase,
  catalogue: CompiledCatalogue,
  school: RollOverSchool,
): Promise<RollOverData> {
  const toYear = school.schoolYear;
  const fromYear = isSchoolYear(toYear) ? schoolYearStarting(startYearOf(toYear) - 1) : '';
  const started = school.schoolYears.includes(fromYear);
  const classesOf = async (schoolYear: string) =>
    (await database.classes.find({ selector: { schoolId: school.id, schoolYear } }).exec()).map((doc) =>
      doc.toMutableJSON(),
    );
  const [classDocs, nextClassDocs] = await Promise.all([classesOf(fromYear), classesOf(toYear)]);
  const classIds = classDocs.map((doc) => doc.id);
  const selector = { selector: { classId: { $in: classIds } } };
  const [peopleDocs, subjectDocs, characterDocs, yearDocs] = await Promise.all([
    database.people.find(selector).exec(),
    database.subjectResults.find(selector).exec(),
    database.characterResults.find(selector).exec(),
    database.yearResults.find(selector).exec(),
  ]);
  const subjectsOf = new Map<string, SubjectResultValues[]>();
  for (const doc of subjectDocs)
    subjectsOf.set(doc.studentId, [...(subjectsOf.get(doc.studentId) ?? []), doc.toMutableJSON()]);
  const characterOf = new Map(characterDocs.map((doc) => [doc.studentId, doc.toMutableJSON()]));
  const yearOf = new Map(yearDocs.map((doc) => [doc.studentId, doc.toMutableJSON()]));
  const gradeOf = new Map(classDocs.map((doc) => [doc.id, doc.grade]));

  const people = new Map<StudentId, PersonDoc>();
  const inputs = new Map<StudentId, StudentYearInput>();
  const students: RollOverStudent[] = [];
  for (const doc of peopleDocs) {
    const person = doc.toMutableJSON();
    if (person.departure !== null) continue;
    people.set(person.id, person);
    const grade = gradeOf.get(person.classId) ?? 0;
    const subjects = subjectsOf.get(person.id) ?? [];
    const character = characterOf.get(person.id);
    const year = yearOf.get(person.id);
    const hasResults = subjects.length > 0 || character !== undefined || year !== undefined;
    const base = {
      id: person.id,
      fullName: person.fullName,
      classId: person.classId,
      listNumber: person.listNumber,
    };
    if (!hasResults) {
      students.push(base);
      continue;
    }
    const input = yearInputOf(catalogue, grade, person, subjects, character, year);
    inputs.set(person.id, input);
    const outcome = computeYearResult(catalogue, input);
    const confirmation = year?.confirmation;
    const confirmed =
      confirmation?.fingerprint === yearInputFingerprint(input) &&
      confirmation.result === confirmableResultOf(outcome);
    students.push({ ...base, year: { outcome, confirmed } });
  }
  return {
    fromYear,
    toYear,
    started,
    input: { classes: classDocs.map(toClass), nextClasses: nextClassDocs.map(toClass), students },
    people,
    inputs,
    nextClassDocs,
  };
}
