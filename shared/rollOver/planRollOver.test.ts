import { describe, expect, it } from 'vitest';
import { individualPlanCompletion } from '../domain/evaluation/completion';
import type { YearOutcome } from '../domain/evaluation/yearResultTypes';
import type { ClassId, StudentId } from '../domain/ids';
import { classNameInGrade, planRollOver } from './planRollOver';
import type { RollOverChoice, RollOverClass, RollOverStudent } from './rollOverTypes';

const classOf = (year: string, grade: number, name: string): RollOverClass => ({
  id: `class:S1:${year}:${name}` as ClassId,
  grade,
  name,
});
const thisYear = (grade: number, name: string) => classOf('2025-2026', grade, name);
const nextYear = (grade: number, name: string) => classOf('2026-2027', grade, name);

function computed(completion: Extract<YearOutcome, { status: 'computed' }>['completion']): YearOutcome {
  return {
    status: 'computed',
    result: completion.status === 'completed' && completion.via === 'yearResult' ? 'HT' : 'CHT',
    resultName: '',
    reasons: [],
    explanation: '',
    awards: [],
    completion,
  };
}
const completed = computed({ status: 'completed', via: 'yearResult', label: '' });
const completedAfterSupplementary = computed({
  status: 'completed',
  via: 'supplementaryEvaluation',
  label: '',
});
const awaitingSupplementary = computed({ status: 'pending', nextStep: 'supplementaryEvaluation', label: '' });
const awaitingDecision = computed({ status: 'pending', nextStep: 'principalDecision', label: '' });
const promotedByDecision = computed({ status: 'decided', decision: 'promoted', label: '' });
const retainedByDecision = computed({ status: 'decided', decision: 'retained', label: '' });
const incomplete: YearOutcome = {
  status: 'incomplete',
  missing: [{ kind: 'score', key: 'toan', label: 'Toán', period: 'CN', reason: 'missing', message: '' }],
};
function onPlan(decision?: 'promoted' | 'retained'): YearOutcome {
  const completion = individualPlanCompletion({
    grade: 3,
    electives: [],
    subjects: [],
    qualities: [],
    competencies: [],
    individualEducationPlan: true,
    ...(decision ? { principalDecision: { decision, date: '2026-06-01' } } : {}),
  });
  return { status: 'individualPlan', resultName: '', explanation: '', completion };
}

let counter = 0;
function student(
  schoolClass: RollOverClass,
  fullName: string,
  outcome: YearOutcome | undefined,
  confirmed = true,
): RollOverStudent {
  counter += 1;
  return {
    id: `student:${String(counter).padStart(10, '0')}` as StudentId,
    fullName,
    classId: schoolClass.id,
    listNumber: null,
    ...(outcome ? { year: { outcome, confirmed } } : {}),
  };
}

const c3A = thisYear(3, '3A');
const c5A = thisYear(5, '5A');

describe('planRollOver (TT27 Điều 11)', () => {
  it('moves a student who completed the grade up into the next grade’s class with the same letter', () => {
    const an = student(c3A, 'Nguyễn Văn An', completed);
    const binh = student(c3A, 'Lê Thị Bình', completedAfterSupplementary);
    const plan = planRollOver({ classes: [c3A], nextClasses: [nextYear(4, '4A')], students: [an, binh] });
    expect(plan.students.map((entry) => [entry.fullName, entry.standing, entry.destination])).toEqual([
      ['Nguyễn Văn An', 'completed', { kind: 'promoted', className: '4A' }],
      ['Lê Thị Bình', 'completed', { kind: 'promoted', className: '4A' }],
    ]);
    expect(plan.newClasses).toEqual([]);
    expect(plan.counts).toMatchObject({ promoted: 2, undecided: 0 });
  });

  it('keeps a student the principal decided to retain in the grade, in next year’s class of the same name', () => {
    const retained = student(c3A, 'Trần Văn Cường', retainedByDecision);
    const promoted = student(c3A, 'Phạm Thị Dung', promotedByDecision);
    const plan = planRollOver({
      classes: [c3A],
      nextClasses: [nextYear(3, '3A'), nextYear(4, '4A')],
      students: [retained, promoted],
    });
    const byName = new Map(plan.students.map((entry) => [entry.fullName, entry.destination]));
    expect(byName.get('Trần Văn Cường')).toEqual({ kind: 'retained', className: '3A' });
    expect(byName.get('Phạm Thị Dung')).toEqual({ kind: 'promoted', className: '4A' });
    expect(plan.counts).toMatchObject({ promoted: 1, retained: 1 });
  });

  it('finishes primary school for a grade 5 student who completed it, and keeps a retained one in grade 5', () => {
    const done = student(c5A, 'Đỗ Minh Đức', completed);
    const kept = student(c5A, 'Hoàng Thị Em', retainedByDecision);
    const plan = planRollOver({ classes: [c5A], nextClasses: [], students: [done, kept] });
    expect(plan.students.map((entry) => entry.destination)).toEqual([
      { kind: 'finishedPrimary' },
      { kind: 'retained', className: '5A' },
    ]);
    // Next year has no 5A yet: the plan proposes it, and no grade 6 class.
    expect(plan.newClasses).toEqual([{ grade: 5, name: '5A' }]);
    expect(plan.counts).toMatchObject({ finishedPrimary: 1, retained: 1 });
  });

  it('never guesses: no result, an incomplete or unconfirmed one, or a pending step leaves the student undecided', () => {
    const students = [
      student(c3A, 'Vũ Văn Giang', undefined),
      student(c3A, 'Bùi Thị Hà', incomplete),
      student(c3A, 'Ngô Văn Hải', completed, false),
      student(c3A, 'Đặng Thị Lan', awaitingSupplementary),
      student(c3A, 'Lý Văn Minh', awaitingDecision),
    ];
    const plan = planRollOver({ classes: [c3A], nextClasses: [nextYear(4, '4A')], students });
    expect(plan.students.map((entry) => [entry.fullName, entry.destination])).toEqual([
      ['Vũ Văn Giang', { kind: 'undecided', reason: 'noResult' }],
      ['Bùi Thị Hà', { kind: 'undecided', reason: 'incomplete' }],
      ['Ngô Văn Hải', { kind: 'undecided', reason: 'notConfirmed' }],
      ['Đặng Thị Lan', { kind: 'undecided', reason: 'awaitingSupplementary' }],
      ['Lý Văn Minh', { kind: 'undecided', reason: 'awaitingDecision' }],
    ]);
    expect(plan.counts.undecided).toBe(5);
  });

  it('names the step still to take before a missing confirmation', () => {
    const plan = planRollOver({
      classes: [c3A],
      nextClasses: [],
      students: [
        student(c3A, 'Khổng Văn Lực', awaitingSupplementary, false),
        student(c3A, 'Lò Thị Mơ', retainedByDecision, false),
      ],
    });
    expect(plan.students.map((entry) => entry.standing)).toEqual(['awaitingSupplementary', 'notConfirmed']);
  });

  it('follows the principal’s decision for a student on an individual education plan (TT27 Điều 8)', () => {
    const waiting = student(c3A, 'Trịnh Văn Nam', onPlan());
    const up = student(c3A, 'Mai Thị Oanh', onPlan('promoted'));
    const stays = student(c3A, 'Chu Văn Phúc', onPlan('retained'));
    const plan = planRollOver({ classes: [c3A], nextClasses: [], students: [waiting, up, stays] });
    const byName = new Map(plan.students.map((entry) => [entry.fullName, entry.destination]));
    expect(byName.get('Trịnh Văn Nam')).toEqual({ kind: 'undecided', reason: 'awaitingDecision' });
    expect(byName.get('Mai Thị Oanh')).toEqual({ kind: 'promoted', className: '4A' });
    expect(byName.get('Chu Văn Phúc')).toEqual({ kind: 'retained', className: '3A' });
  });

  it('records a transfer or a leave the principal chose, with its date, and refuses one without them', () => {
    const moving = student(c3A, 'Đinh Văn Quang', completed);
    const leaving = student(c3A, 'Tạ Thị Rạng', undefined);
    const vague = student(c3A, 'Lưu Văn Sơn', completed);
    const choices = new Map<StudentId, RollOverChoice>([
      [moving.id, { kind: 'transferred', date: '2026-07-15', destination: ' Trường Tiểu học Kim Liên ' }],
      [leaving.id, { kind: 'left', date: '2026-06-20', reason: 'Gia đình chuyển ra nước ngoài' }],
      [vague.id, { kind: 'transferred', date: '2026-02-30', destination: 'Trường Tiểu học Kim Liên' }],
    ]);
    const plan = planRollOver({
      classes: [c3A],
      nextClasses: [],
      students: [moving, leaving, vague],
      choices,
    });
    const byName = new Map(plan.students.map((entry) => [entry.fullName, entry]));
    expect(byName.get('Đinh Văn Quang')?.destination).toEqual({
      kind: 'transferred',
      date: '2026-07-15',
      destination: 'Trường Tiểu học Kim Liên',
    });
    expect(byName.get('Đinh Văn Quang')?.chosen).toBe(true);
    // A student with no result may still leave: a leave does not depend on the year's outcome.
    expect(byName.get('Tạ Thị Rạng')?.destination).toMatchObject({ kind: 'left', date: '2026-06-20' });
    expect(byName.get('Lưu Văn Sơn')?.destination).toEqual({
      kind: 'undecided',
      reason: 'departureIncomplete',
    });
    // Nobody goes into 4A, so no new class is proposed.
    expect(plan.newClasses).toEqual([]);
  });

  it('takes a chosen class only where it fits the outcome', () => {
    const up = student(c3A, 'Hồ Văn Tâm', completed);
    const upWrong = student(c3A, 'Kiều Thị Uyên', completed);
    const kept = student(c3A, 'La Văn Vinh', retainedByDecision);
    const unsettled = student(c3A, 'Mạc Thị Xuân', awaitingDecision);
    const nowhere = student(c3A, 'Ninh Văn Yên', completed);
    const choices = new Map<StudentId, RollOverChoice>([
      [up.id, { kind: 'class', className: '4b' }],
      [upWrong.id, { kind: 'class', className: '3A' }],
      [kept.id, { kind: 'class', className: '4A' }],
      [unsettled.id, { kind: 'class', className: '4A' }],
      [nowhere.id, { kind: 'class', className: '4Z' }],
    ]);
    const plan = planRollOver({
      classes: [c3A],
      nextClasses: [nextYear(3, '3A'), nextYear(4, '4A'), nextYear(4, '4B')],
      students: [up, upWrong, kept, unsettled, nowhere],
      choices,
    });
    const byName = new Map(plan.students.map((entry) => [entry.fullName, entry.destination]));
    expect(byName.get('Hồ Văn Tâm')).toEqual({ kind: 'promoted', className: '4B' });
    expect(byName.get('Kiều Thị Uyên')).toEqual({ kind: 'undecided', reason: 'choiceNotAllowed' });
    expect(byName.get('La Văn Vinh')).toEqual({ kind: 'undecided', reason: 'choiceNotAllowed' });
    expect(byName.get('Mạc Thị Xuân')).toEqual({ kind: 'undecided', reason: 'awaitingDecision' });
    expect(byName.get('Ninh Văn Yên')).toEqual({ kind: 'undecided', reason: 'unknownClass' });
  });

  it('proposes next year’s classes that do not exist yet, once each, and lets a choice name one', () => {
    const c3B = thisYear(3, '3B');
    const c2A = thisYear(2, '2A');
    const a = student(c3A, 'Phan Văn An', completed);
    const b = student(c3B, 'Quách Thị Bé', completed);
    const c = student(c3B, 'Quan Văn Chí', completed);
    const d = student(c2A, 'Tô Thị Diệp', completed);
    const choices = new Map<StudentId, RollOverChoice>([[a.id, { kind: 'class', className: '4B' }]]);
    const plan = planRollOver({ classes: [c3A, c3B, c2A], nextClasses: [], students: [a, b, c, d], choices });
    expect(plan.students.map((entry) => [entry.fromClassName, entry.destination])).toEqual([
      ['2A', { kind: 'promoted', className: '3A' }],
      ['3A', { kind: 'promoted', className: '4B' }],
      ['3B', { kind: 'promoted', className: '4B' }],
      ['3B', { kind: 'promoted', className: '4B' }],
    ]);
    // 4A would only be needed for the student moved to 4B.
    expect(plan.newClasses).toEqual([
      { grade: 3, name: '3A' },
      { grade: 4, name: '4B' },
    ]);
  });

  it('keeps classes of the same name in different years apart, and matches names whatever their letter case', () => {
    // This year's 3A and next year's 3A share a name: a retained student goes to next year's.
    const kept = student(c3A, 'Võ Thị Cúc', retainedByDecision);
    const next3A = nextYear(3, '3a');
    const c3A1 = thisYear(3, '3A1');
    const up = student(c3A1, 'Âu Văn Dũng', completed);
    const upToo = student(c3A, 'Ông Thị Én', completed);
    const plan = planRollOver({
      classes: [c3A, c3A1],
      nextClasses: [next3A, nextYear(4, '4A1')],
      students: [kept, up, upToo],
    });
    const byName = new Map(plan.students.map((entry) => [entry.fullName, entry.destination]));
    expect(byName.get('Võ Thị Cúc')).toEqual({ kind: 'retained', className: '3a' });
    expect(byName.get('Âu Văn Dũng')).toEqual({ kind: 'promoted', className: '4A1' });
    // 3A goes to 4A, not to 4A1 whose name begins the same way: 4A is new.
    expect(byName.get('Ông Thị Én')).toEqual({ kind: 'promoted', className: '4A' });
    expect(plan.newClasses).toEqual([{ grade: 4, name: '4A' }]);
  });

  it('proposes nothing for a class whose name does not say its grade', () => {
    const flower = thisYear(3, 'Hoa Mai');
    const plan = planRollOver({
      classes: [flower],
      nextClasses: [nextYear(4, '4A')],
      students: [student(flower, 'Lâm Văn Giàu', completed)],
    });
    expect(plan.students[0]?.destination).toEqual({ kind: 'undecided', reason: 'noClassProposed' });
    expect(classNameInGrade('3A', 3, 4)).toBe('4A');
    expect(classNameInGrade('13A', 1, 2)).toBeUndefined();
    expect(classNameInGrade('Hoa Mai', 3, 4)).toBeUndefined();
  });

  it('orders students by class, then by STT, then by name', () => {
    const c3B = thisYear(3, '3B');
    const late = { ...student(c3B, 'An Văn Bắc', completed), listNumber: 2 };
    const first = { ...student(c3B, 'Ý Thị Ca', completed), listNumber: 1 };
    const other = student(c3A, 'Yên Văn Đạt', completed);
    const plan = planRollOver({ classes: [c3B, c3A], nextClasses: [], students: [late, first, other] });
    expect(plan.students.map((entry) => entry.fullName)).toEqual(['Yên Văn Đạt', 'Ý Thị Ca', 'An Văn Bắc']);
  });
});
