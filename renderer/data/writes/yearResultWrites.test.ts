import { afterEach, describe, expect, it } from 'vitest';
import { contextAs, databaseHarness, seededDatabase } from '../../../tests/support/browserDatabase';
import type { StudentPlace } from './resultWrites';
import { setIndividualEducationPlan } from './profileWrites';
import { recordPrincipalDecision, recordSupplementaryEvaluation } from './yearResultWrites';

const harness = databaseHarness();
afterEach(() => harness.cleanUp());

async function setUp() {
  const { database, school } = await seededDatabase(harness);
  const schoolClass = school.classes[0];
  const homeroom = school.assignments.find((a) => a.classId === schoolClass?.id && a.homeroom);
  const teacher = school.assignments.find((a) => a.classId === schoolClass?.id && !a.homeroom);
  const principal = school.staff.find((member) => member.role === 'principal');
  const student = school.students.find((candidate) => candidate.classId === schoolClass?.id);
  if (!schoolClass || !homeroom || !teacher || !principal || !student)
    throw new Error('sample school incomplete');
  const place: StudentPlace = {
    studentId: student.id,
    classId: schoolClass.id,
    schoolId: school.school.id,
    schoolYear: school.schoolYear,
    grade: schoolClass.grade,
    electives: student.electives,
  };
  return {
    database,
    place,
    homeroom: contextAs(school, homeroom.teacherId),
    teacher: contextAs(school, teacher.teacherId),
    principal: contextAs(school, principal.userId),
  };
}

describe('the steps after a year not completed (TT27 Điều 11 khoản 2–3, Chromium IndexedDB)', () => {
  it('lets the homeroom teacher record the supplementary evaluation, then the principal decide', async () => {
    const { database, place, homeroom, teacher, principal } = await setUp();
    await expect(
      recordSupplementaryEvaluation(database, teacher, place, {
        outcome: 'notCompleted',
        date: '2026-08-01',
      }),
    ).rejects.toThrow('Chỉ giáo viên chủ nhiệm');
    await expect(
      recordPrincipalDecision(database, principal, place, { decision: 'promoted', date: '2026-08-10' }),
    ).rejects.toThrow('Chỉ quyết định sau khi học sinh đã được đánh giá bổ sung');
    await expect(
      recordSupplementaryEvaluation(database, homeroom, place, { outcome: 'notCompleted', date: '1/8/2026' }),
    ).rejects.toThrow('Ngày phải có dạng');

    await recordSupplementaryEvaluation(database, homeroom, place, {
      outcome: 'notCompleted',
      date: '2026-08-01',
    });
    await expect(
      recordPrincipalDecision(database, homeroom, place, { decision: 'promoted', date: '2026-08-10' }),
    ).rejects.toThrow('Chỉ hiệu trưởng');
    await recordPrincipalDecision(database, principal, place, { decision: 'promoted', date: '2026-08-10' });
    const stored = (
      await database.yearResults.findOne({ selector: { studentId: place.studentId } }).exec()
    )?.toMutableJSON();
    expect(stored?.supplementaryEvaluation).toMatchObject({ outcome: 'notCompleted', date: '2026-08-01' });
    expect(stored?.principalDecision).toMatchObject({ decision: 'promoted', date: '2026-08-10' });

    // A corrected evaluation that the student passed: no decision is left standing.
    await recordSupplementaryEvaluation(database, homeroom, place, {
      outcome: 'completed',
      date: '2026-08-02',
    });
    const corrected = (
      await database.yearResults.findOne({ selector: { studentId: place.studentId } }).exec()
    )?.toMutableJSON();
    expect(corrected?.principalDecision).toBeNull();
  });

  it('takes a student on an individual education plan straight to the principal’s decision (Điều 8)', async () => {
    const { database, place, homeroom, principal } = await setUp();
    await setIndividualEducationPlan(database, homeroom, place.studentId, true);
    await expect(
      recordSupplementaryEvaluation(database, homeroom, place, { outcome: 'completed', date: '2026-08-01' }),
    ).rejects.toThrow('không có đánh giá bổ sung');
    await recordPrincipalDecision(database, principal, place, { decision: 'promoted', date: '2026-06-01' });
    const stored = (
      await database.yearResults.findOne({ selector: { studentId: place.studentId } }).exec()
    )?.toMutableJSON();
    expect(stored?.supplementaryEvaluation).toBeNull();
    expect(stored?.principalDecision).toMatchObject({ decision: 'promoted', date: '2026-06-01' });
  });
});
