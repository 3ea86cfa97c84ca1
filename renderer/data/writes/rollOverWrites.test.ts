import { afterEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../../shared/audit/auditChain';
import { confirmableResultOf, computeYearResult } from '../../../shared/domain/evaluation/computeYearResult';
import { yearInputFingerprint } from '../../../shared/domain/evaluation/yearFingerprint';
import { classIdOf, type StudentId } from '../../../shared/domain/ids';
import { compareVietnameseNames } from '../../../shared/domain/personName';
import { rollOverStrings } from '../../../shared/rollOver/rollOverStrings';
import type { RollOverChoice } from '../../../shared/rollOver/rollOverTypes';
import type { SampleSchoolFile } from '../../../shared/sample/sampleSchoolFile';
import { defaultCompiledCatalogue } from '../../../shared/domain/evaluation/compiledCatalogue';
import { generateSampleSchool } from '../../../shared/sample/generateSampleSchool';
import { generateYearResults } from '../../../shared/sample/generateYearResults';
import { contextAs, databaseHarness, testDeviceId } from '../../../tests/support/browserDatabase';
import { sampleSchoolDocuments } from '../../../shared/sample/sampleDocuments';
import { importSampleSchool } from '../importSampleSchool';
import type { HocbaDatabase } from '../database';
import type { StudentPlace } from './resultWrites';
import { applyRollOver, previewRollOver } from './rollOverWrites';
import { nextSchoolYearOf, startSchoolYear } from './setupWrites';
import type { WriteContext } from './writeContext';
import {
  confirmYearResults,
  recordPrincipalDecision,
  recordSupplementaryEvaluation,
} from './yearResultWrites';

// Runs in real Chromium: the database is RxDB on the browser's own IndexedDB.
const harness = databaseHarness();
afterEach(() => harness.cleanUp());

/** The sample school of 40 students, with a whole year of results when asked. */
async function setUp(withResults = false) {
  const school = generateSampleSchool({ seed: 31, students: 40 });
  const database = await harness.open();
  const catalogue = defaultCompiledCatalogue();
  const results = withResults ? generateYearResults(catalogue, school, 3) : undefined;
  const principalId = school.staff.find((member) => member.role === 'principal')?.userId ?? '';
  await importSampleSchool(
    database,
    contextAs(school, principalId),
    sampleSchoolDocuments(school, results, principalId, new Date()),
  );
  const principal = school.staff.find((member) => member.role === 'principal');
  const homeroom = school.assignments.find((assignment) => assignment.homeroom);
  if (!principal || !homeroom) throw new Error('sample school incomplete');
  const leader = contextAs(school, principal.userId);
  const stored = await database.schools.findOne().exec();
  const toYear = nextSchoolYearOf(stored?.toMutableJSON() ?? { schoolYear: '', schoolYears: [] });
  return { database, school, principal: leader, teacher: contextAs(school, homeroom.teacherId), toYear };
}

async function peopleOf(database: HocbaDatabase) {
  const docs = await database.people.find().exec();
  return new Map(docs.map((doc) => [doc.id, doc.toMutableJSON()]));
}

/**
 * The end of the year as a school finishes it: the first student awaiting a supplementary
 * evaluation fails it and the principal retains them; the others pass it; then every homeroom
 * teacher confirms their class's results.
 */
async function settleTheYear(database: HocbaDatabase, school: SampleSchoolFile, principal: WriteContext) {
  const placeOf = (studentId: StudentId): StudentPlace => {
    const student = school.students.find((candidate) => candidate.id === studentId);
    const schoolClass = school.classes.find((candidate) => candidate.id === student?.classId);
    if (!student || !schoolClass) throw new Error(`no student ${studentId}`);
    return {
      studentId,
      classId: schoolClass.id,
      schoolId: school.school.id,
      schoolYear: school.schoolYear,
      grade: schoolClass.grade,
      electives: student.electives,
    };
  };
  const homeroomOf = (studentId: StudentId) => {
    const assignment = school.assignments.find((a) => a.classId === placeOf(studentId).classId && a.homeroom);
    if (!assignment) throw new Error('class without homeroom teacher');
    return contextAs(school, assignment.teacherId);
  };
  const waiting = (await previewRollOver(database, principal.catalogue)).plan.students.filter(
    (student) => student.standing === 'awaitingSupplementary',
  );
  expect(waiting.length).toBeGreaterThan(1);
  for (const [index, student] of waiting.entries()) {
    const place = placeOf(student.studentId);
    const outcome = index === 0 ? 'notCompleted' : 'completed';
    await recordSupplementaryEvaluation(database, homeroomOf(student.studentId), place, {
      outcome,
      date: '2026-08-10',
    });
    if (index === 0)
      await recordPrincipalDecision(database, principal, place, { decision: 'retained', date: '2026-08-15' });
  }
  const { data, plan } = await previewRollOver(database, principal.catalogue);
  // One student of 3A is left with no confirmed result.
  const unsettled = plan.students.find(
    (student) => student.fromClassName === '3A' && student.studentId !== waiting[0]?.studentId,
  );
  for (const [studentId, input] of data.inputs) {
    if (studentId === unsettled?.studentId) continue;
    const result = confirmableResultOf(computeYearResult(principal.catalogue, input));
    if (result === undefined) throw new Error(`the sample year of ${studentId} is incomplete`);
    await confirmYearResults(database, homeroomOf(studentId), [
      { place: placeOf(studentId), result, fingerprint: yearInputFingerprint(input), awards: [] },
    ]);
  }
  return { retainedId: waiting[0]?.studentId, unsettled };
}

describe('the year roll-over (TT27 Điều 11, Chromium IndexedDB)', () => {
  it('is refused to a teacher, before the new year starts, and while any student is undecided', async () => {
    const { database, principal, teacher, toYear } = await setUp();
    const before = await peopleOf(database);

    await expect(applyRollOver(database, principal, new Map())).rejects.toThrow(rollOverStrings.notStarted);
    await startSchoolYear(database, principal, toYear);
    await expect(applyRollOver(database, teacher, new Map())).rejects.toThrow(rollOverStrings.notLeadership);

    // Nobody's year is confirmed yet: the roll-over names whom it waits for, and why.
    const refusal = applyRollOver(database, principal, new Map());
    await expect(refusal).rejects.toThrow(/^Chưa chuyển năm học được: 40 học sinh chưa có hướng đi\. /);
    await expect(refusal).rejects.toThrow(/\(1A\): chưa có kết quả cuối năm; /);
    await expect(refusal).rejects.toThrow(/; và 35 học sinh khác\./);
    expect(await peopleOf(database)).toEqual(before);
  });

  it('stops for one undecided student, then moves everyone as approved, once', async () => {
    const { database, school, principal, toYear } = await setUp(true);
    const fromYear = school.schoolYear;
    await startSchoolYear(database, principal, toYear);
    const { retainedId, unsettled } = await settleTheYear(database, school, principal);

    // One student whose year has no confirmed result stops the whole roll-over.
    const { plan: ready } = await previewRollOver(database, principal.catalogue);
    expect(ready.counts.undecided).toBe(1);
    const [moving] = ready.students.filter(
      (student) => student.fromClassName === '3A' && student.studentId !== unsettled?.studentId,
    );
    const leaving = ready.students.find((student) => student.grade === 2 && student.studentId !== retainedId);
    if (!moving || !unsettled || !leaving || !retainedId) throw new Error('sample school too small');
    const blocked = applyRollOver(database, principal, new Map());
    await expect(blocked).rejects.toThrow(
      `Chưa chuyển năm học được: 1 học sinh chưa có hướng đi. ${unsettled.fullName} (3A): giáo viên chủ nhiệm chưa xác nhận kết quả cuối năm.`,
    );

    // The principal records that student's transfer instead, and another student's leaving.
    const choices = new Map<StudentId, RollOverChoice>([
      [
        unsettled.studentId,
        { kind: 'transferred', date: '2026-08-20', destination: 'Trường Tiểu học Kim Liên' },
      ],
      [moving.studentId, { kind: 'class', className: '4A' }],
      [leaving.studentId, { kind: 'left', date: '2026-08-25', reason: 'Gia đình chuyển ra nước ngoài' }],
    ]);
    // A student whose finished year is already in the history (a retry, or written elsewhere).
    const movingDoc = await database.people.findOne(moving.studentId).exec();
    const movingEntry = {
      schoolYear: fromYear,
      grade: 3,
      className: '3A',
      schoolName: school.school.name,
      schoolCode: school.school.code,
      registerNumber: movingDoc?.registerNumber ?? '',
      entryDate: null,
    };
    await movingDoc?.incrementalPatch({ priorYears: [...movingDoc.priorYears, movingEntry] });
    const before = await peopleOf(database);
    const { plan, changes } = await applyRollOver(database, principal, choices);
    expect(changes.length).toBeGreaterThan(0);
    expect(plan.counts).toMatchObject({ transferred: 1, left: 1, retained: 1, undecided: 0 });
    expect(plan.newClasses.map((schoolClass) => schoolClass.name)).toEqual(
      expect.arrayContaining(['2A', '3A', '4A', '5A']),
    );

    const after = await peopleOf(database);
    const schoolId = school.school.id;
    const nextClass = (name: string) => classIdOf(schoolId, toYear, name);
    const fromClass = (name: string) => classIdOf(schoolId, fromYear, name);
    for (const student of plan.students) {
      const person = after.get(student.studentId);
      const earlier = before.get(student.studentId);
      if (!person || !earlier) throw new Error('student lost');
      // Every student has the finished year in the study history, once, as the học bạ prints it.
      const had = earlier.priorYears.filter((prior) => prior.schoolYear !== fromYear);
      expect(person.priorYears).toHaveLength(had.length + 1);
      expect(person.priorYears.at(-1)).toEqual({
        schoolYear: fromYear,
        grade: student.grade,
        className: student.fromClassName,
        schoolName: school.school.name,
        schoolCode: school.school.code,
        registerNumber: earlier.registerNumber,
        // The date of entry belongs to the first year at the school only.
        entryDate: had.length === 0 ? earlier.entryDate : null,
      });
      const { destination } = student;
      if (destination.kind === 'promoted' || destination.kind === 'retained') {
        expect(person.classId).toBe(nextClass(destination.className));
        expect(person.schoolYear).toBe(toYear);
        expect(person.departure).toBeNull();
      } else {
        expect(person.classId).toBe(earlier.classId);
      }
    }
    const retained = after.get(retainedId);
    const retainedPlan = plan.students.find((student) => student.studentId === retainedId);
    expect(retained?.classId).toBe(nextClass(retainedPlan?.fromClassName ?? ''));
    expect(after.get(unsettled.studentId)?.departure).toEqual({
      kind: 'transferred',
      date: '2026-08-20',
      schoolYear: fromYear,
      detail: 'Trường Tiểu học Kim Liên',
    });
    expect(after.get(leaving.studentId)?.departure).toMatchObject({
      kind: 'left',
      date: '2026-08-25',
      detail: 'Gia đình chuyển ra nước ngoài',
    });
    const finished = plan.students.filter((student) => student.destination.kind === 'finishedPrimary');
    expect(finished.length).toBeGreaterThan(0);
    for (const student of finished) {
      expect(after.get(student.studentId)?.departure).toMatchObject({
        kind: 'finishedPrimary',
        schoolYear: fromYear,
      });
      expect(after.get(student.studentId)?.classId).toBe(fromClass('5A'));
    }

    // Next year's 4A: last year's 3A, numbered in the order of a class register.
    const in4A = [...after.values()].filter((person) => person.classId === nextClass('4A'));
    expect(in4A.map((person) => person.fullName).sort(compareVietnameseNames)).toEqual(
      [...plan.students]
        .filter((student) => student.destination.kind === 'promoted' && student.grade === 3)
        .map((student) => student.fullName)
        .sort(compareVietnameseNames),
    );
    expect(
      in4A.sort((a, b) => (a.listNumber ?? 0) - (b.listNumber ?? 0)).map((person) => person.fullName),
    ).toEqual(in4A.map((person) => person.fullName).sort(compareVietnameseNames));
    expect(in4A.map((person) => person.listNumber).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(
      in4A.map((_, index) => index + 1),
    );
    // Ngoại ngữ 1, an elective in grade 2, is compulsory in grade 3: no longer listed as elective.
    for (const person of after.values())
      if (person.classId === nextClass('3A')) expect(person.electives).not.toContain('ngoai-ngu-1');
    expect((await database.classes.find({ selector: { schoolYear: toYear } }).exec()).length).toBe(
      plan.newClasses.length,
    );

    // The classes and every moved student are in the audit chain, which still verifies.
    const events = (
      await database.auditEvents.find({ selector: { deviceId: testDeviceId }, sort: [{ seq: 'asc' }] }).exec()
    ).map((doc) => doc.toMutableJSON());
    expect(verifyAuditChain(testDeviceId, events)).toEqual([]);
    expect(
      events.filter((event) => event.collectionName === 'classes' && event.classId === nextClass('4A')),
    ).toHaveLength(1);
    expect(
      events.some(
        (event) =>
          event.collectionName === 'people' && event.docId === moving.studentId && event.field === 'classId',
      ),
    ).toBe(true);

    // Applying again changes nothing and adds no year twice.
    const again = await applyRollOver(database, principal, choices);
    expect(again.changes).toEqual([]);
    expect(again.plan.students).toEqual([]);
    expect(await peopleOf(database)).toEqual(after);
  });
});
