import type { CompiledCatalogue } from '../../../shared/domain/evaluation/compiledCatalogue';
import { isoDateInVietnam } from '../../../shared/domain/dates';
import { isGrade } from '../../../shared/domain/grade';
import { classIdOf, type ClassId, type SchoolId, type StudentId } from '../../../shared/domain/ids';
import { compareVietnameseNames } from '../../../shared/domain/personName';
import { studyYearEntryOf } from '../../../shared/record/buildStudyRecord';
import { planRollOver } from '../../../shared/rollOver/planRollOver';
import { rollOverStrings, undecidedReasonText } from '../../../shared/rollOver/rollOverStrings';
import type { RollOverChoice, RollOverPlan, StudentPlan } from '../../../shared/rollOver/rollOverTypes';
import type { ClassDoc } from '../collections/classesCollection';
import type { PersonDoc, StudentDeparture } from '../collections/people/peopleCollection';
import type { SchoolDoc } from '../collections/schools/schoolsCollection';
import type { HocbaDatabase } from '../database';
import { metaFor } from '../documentMeta';
import { loadRollOverData, type RollOverData } from '../queries/rollOverData';
import { auditedBulkInsert, auditedWriteMany, type WriteResult } from './auditedWrite';
import { loadSchool } from './setupWrites';
import { WriteRefused, type WriteContext } from './writeContext';
import { refuseUnlessAllowed } from './sharedWriteRules';

/** What the roll-over did: the plan it applied, and every field it changed. */
export type RollOverResult = WriteResult & { readonly plan: RollOverPlan };

/** The roll-over's data and its plan with the principal's choices, as the screen shows it. */
export async function previewRollOver(
  database: HocbaDatabase,
  catalogue: CompiledCatalogue,
  choices: ReadonlyMap<StudentId, RollOverChoice> = new Map(),
): Promise<{ readonly school: SchoolDoc; readonly data: RollOverData; readonly plan: RollOverPlan }> {
  const school = await loadSchool(database);
  const data = await loadRollOverData(database, catalogue, school);
  return { school, data, plan: planRollOver({ ...data.input, choices }) };
}

/** Electives the student keeps in a grade: those that are still electives there (Ngoại ngữ 1 is compulsory from grade 3). */
function electivesIn(catalogue: CompiledCatalogue, grade: number, electives: readonly string[]): string[] {
  const plan = catalogue.plan(grade);
  return electives.filter((code) =>
    [...(plan.rowsBySubject.get(code)?.values() ?? [])].some((row) => row.status === 'elective'),
  );
}

/**
 * STT in next year's classes: students already there keep theirs; those who arrive follow them,
 * in the order of a Vietnamese class register (given name, middle names, family name).
 */
async function listNumbersOf(
  database: HocbaDatabase,
  arrivals: readonly { readonly plan: StudentPlan; readonly classId: ClassId }[],
): Promise<Map<StudentId, number>> {
  const byClass = new Map<ClassId, StudentPlan[]>();
  for (const { plan, classId } of arrivals) byClass.set(classId, [...(byClass.get(classId) ?? []), plan]);
  const numbers = new Map<StudentId, number>();
  for (const [classId, students] of byClass) {
    const present = await database.people.find({ selector: { classId } }).exec();
    let next = Math.max(0, ...present.map((doc) => doc.listNumber ?? 0)) + 1;
    for (const student of [...students].sort((a, b) => compareVietnameseNames(a.fullName, b.fullName)))
      numbers.set(student.studentId, (next += 1) - 1);
  }
  return numbers;
}

function departureOf(plan: StudentPlan, fromYear: string, today: string): StudentDeparture | undefined {
  const { destination } = plan;
  switch (destination.kind) {
    case 'finishedPrimary':
      return { kind: 'finishedPrimary', date: today, schoolYear: fromYear, detail: '' };
    case 'transferred':
      return {
        kind: 'transferred',
        date: destination.date,
        schoolYear: fromYear,
        detail: destination.destination,
      };
    case 'left':
      return { kind: 'left', date: destination.date, schoolYear: fromYear, detail: destination.reason };
    default:
      return undefined;
  }
}

/**
 * Chuyển năm học (TT27 Điều 11): applies the roll-over the principal approved. Every student of
 * last year's classes gets that year in their study history (`priorYears`, as the học bạ prints
 * it); one who completed the grade moves into next year's class of the next grade, one retained
 * into a class of the same grade, with an STT there; one who finished primary school, transferred
 * or left keeps last year's class and is marked with the date and the school or the reason. The
 * plan is made again here from the stored data, so the screen's copy is never trusted; a single
 * undecided student stops it all, with their names. Next year's classes the plan proposes are
 * created first. Leadership only. Applying again changes nothing: moved students are no longer in
 * last year's classes, and a year already in the history is replaced, never added twice.
 */
export async function applyRollOver(
  database: HocbaDatabase,
  context: WriteContext,
  choices: ReadonlyMap<StudentId, RollOverChoice>,
): Promise<RollOverResult> {
  if (!context.permissions.canSetUpSchool) throw new WriteRefused(rollOverStrings.notLeadership);
  const { school, data, plan } = await previewRollOver(database, context.catalogue, choices);
  const { fromYear, toYear } = data;
  if (!data.started) throw new WriteRefused(rollOverStrings.notStarted);
  const undecided = plan.students.flatMap((student) =>
    student.destination.kind === 'undecided'
      ? [
          {
            name: `${student.fullName} (${student.fromClassName})`,
            reason: undecidedReasonText[student.destination.reason],
          },
        ]
      : [],
  );
  if (undecided.length > 0) throw new WriteRefused(rollOverStrings.undecided(undecided));
  if (plan.students.length === 0) return { plan, changes: [] };

  const now = context.now();
  const schoolId = school.id as SchoolId;
  if (plan.newClasses.length > 0) {
    // The planner names classes of grades 1–5 only (a grade 5 completer finishes primary school).
    const created: ClassDoc[] = plan.newClasses.flatMap(({ grade, name }) =>
      isGrade(grade)
        ? [
            {
              id: classIdOf(schoolId, toYear, name),
              grade,
              name,
              homeroomTeacherName: '',
              ...metaFor(school.id, toYear, context.actor.userId, now),
            },
          ]
        : [],
    );
    for (const doc of created) refuseUnlessAllowed(context, 'classes', null, doc);
    await auditedBulkInsert(
      database,
      context,
      'classes',
      created.map((doc) => ({ doc, studentId: '', classId: doc.id })),
      { skipExisting: true },
    );
  }
  const nextClassId = new Map<string, ClassId>(data.nextClassDocs.map((doc) => [doc.name, doc.id]));
  for (const { name } of plan.newClasses) nextClassId.set(name, classIdOf(schoolId, toYear, name));
  const gradeOfClass = new Map<string, number>([
    ...data.nextClassDocs.map((doc): [string, number] => [doc.name, doc.grade]),
    ...plan.newClasses.map(({ name, grade }): [string, number] => [name, grade]),
  ]);
  const arrivals = plan.students.flatMap((student) => {
    const { destination } = student;
    if (destination.kind !== 'promoted' && destination.kind !== 'retained') return [];
    const classId = nextClassId.get(destination.className);
    if (!classId) throw new WriteRefused(undecidedReasonText.unknownClass);
    return [{ plan: student, classId, grade: gradeOfClass.get(destination.className) ?? student.grade }];
  });
  const listNumbers = await listNumbersOf(database, arrivals);
  const arrivalOf = new Map(arrivals.map((arrival) => [arrival.plan.studentId, arrival]));
  const today = isoDateInVietnam(now);

  const writes = plan.students.flatMap((student) => {
    const blank = data.people.get(student.studentId);
    if (!blank) return [];
    const build = (current: PersonDoc): PersonDoc => {
      const finished = studyYearEntryOf({
        school: { code: school.code, name: school.name, province: school.province, commune: school.commune },
        schoolClass: {
          schoolYear: fromYear,
          grade: student.grade,
          name: student.fromClassName,
          homeroomTeacherName: '',
        },
        registerNumber: current.registerNumber,
        entryDate: current.entryDate,
        priorYears: current.priorYears,
      });
      const priorYears = [
        ...current.priorYears.filter((prior) => prior.schoolYear !== fromYear),
        finished,
      ].sort((a, b) => a.schoolYear.localeCompare(b.schoolYear));
      const arrival = arrivalOf.get(student.studentId);
      if (arrival) {
        const stays = current.classId === arrival.classId;
        return {
          ...current,
          priorYears,
          classId: arrival.classId,
          schoolYear: toYear,
          listNumber: stays ? current.listNumber : (listNumbers.get(student.studentId) ?? null),
          electives:
            arrival.grade === student.grade
              ? current.electives
              : electivesIn(context.catalogue, arrival.grade, current.electives),
        };
      }
      return {
        ...current,
        priorYears,
        departure: departureOf(student, fromYear, today) ?? current.departure,
      };
    };
    return [
      {
        target: {
          docId: student.studentId,
          studentId: student.studentId,
          classId: student.fromClassId,
          blank,
        },
        build,
      },
    ];
  });
  const result = await auditedWriteMany(database, context, 'people', writes);
  return { plan, changes: result.changes };
}
