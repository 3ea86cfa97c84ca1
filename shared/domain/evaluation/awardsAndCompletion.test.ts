import { describe, expect, it } from 'vitest';
import { buildStudentYear, topStudentYear } from './buildStudentYear';
import { defaultCompiledCatalogue } from './compiledCatalogue';
import { computeYearResult } from './computeYearResult';
import type { StudentYearInput } from './studentYearInput';

const compiled = defaultCompiledCatalogue();

function computed(input: StudentYearInput) {
  const outcome = computeYearResult(compiled, input);
  if (outcome.status !== 'computed') throw new Error('incomplete');
  return outcome;
}

/** An HTT student: everything T, CN scores of 8 except where `scores` says otherwise. */
function httStudent(
  grade: number,
  scores: Record<string, number> = {},
  earlierTrait?: 'Đ' | 'C',
): StudentYearInput {
  return buildStudentYear(compiled, {
    grade,
    subjectLevel: () => 'T',
    score: (row) => scores[row.key] ?? 8,
    traitLevel: (trait, period) =>
      earlierTrait && trait.code === 'cham-chi' && period === 'GK1' ? earlierTrait : 'T',
  });
}

describe('award proposals (TT27 Điều 13)', () => {
  it('proposes Học sinh Xuất sắc for HTXS, with no confirmation needed', () => {
    expect(computed(topStudentYear(compiled, 4)).awards).toEqual([
      { award: 'excellent', title: 'Học sinh Xuất sắc', requiresConfirmation: false },
    ]);
  });

  it('proposes an HTT student with an outstanding subject as a Học sinh Tiêu biểu candidate, for the teacher to confirm', () => {
    const outcome = computed(httStudent(4, { toan: 10 }));
    expect(outcome.result).toBe('HTT');
    expect(outcome.awards).toEqual([
      {
        award: 'exemplary',
        title: 'Học sinh Tiêu biểu hoàn thành tốt trong học tập và rèn luyện',
        requiresConfirmation: true,
        evidence: ['Kết quả nổi bật môn Toán: điểm bài kiểm tra cuối năm học 10.'],
      },
    ]);
  });

  it('counts clear progress in a quality as evidence', () => {
    const outcome = computed(httStudent(4, {}, 'C'));
    expect(outcome.awards).toMatchObject([
      {
        award: 'exemplary',
        evidence: ['Phẩm chất Chăm chỉ tiến bộ từ mức Cần cố gắng (giữa học kỳ I) lên Tốt (cuối năm học).'],
      },
    ]);
  });

  it('proposes nothing for an HTT student without evidence, nor for HT or CHT', () => {
    expect(computed(httStudent(4)).awards).toEqual([]);
    const ht = computed(httStudent(4, { toan: 6 }));
    expect(ht.result).toBe('HT');
    expect(ht.awards).toEqual([]);
  });
});

describe('completion (TT27 Điều 11)', () => {
  const cht = (grade: number, extra: Partial<StudentYearInput> = {}): StudentYearInput => ({
    ...buildStudentYear(compiled, {
      grade,
      subjectLevel: (row) => (row.key === 'toan' ? 'C' : 'T'),
      score: () => 8,
      traitLevel: () => 'T',
    }),
    ...extra,
  });

  it('completes the grade for HTXS, HTT and HT; grade 5 completes primary school', () => {
    expect(computed(topStudentYear(compiled, 3)).completion).toEqual({
      status: 'completed',
      via: 'yearResult',
      label: 'Hoàn thành chương trình lớp học',
    });
    expect(computed(httStudent(5)).completion).toMatchObject({
      status: 'completed',
      label: 'Hoàn thành chương trình tiểu học',
    });
  });

  it('leaves a CHT student pending a support plan and supplementary evaluation', () => {
    const outcome = computed(cht(2));
    expect(outcome.result).toBe('CHT');
    expect(outcome.completion).toMatchObject({ status: 'pending', nextStep: 'supplementaryEvaluation' });
  });

  it('records completion after a successful supplementary evaluation', () => {
    const outcome = computed(
      cht(2, { supplementaryEvaluation: { outcome: 'completed', date: '2026-08-10' } }),
    );
    expect(outcome.result).toBe('CHT');
    expect(outcome.completion).toEqual({
      status: 'completed',
      via: 'supplementaryEvaluation',
      label: 'Hoàn thành chương trình lớp học',
    });
  });

  it('waits for the principal after an unsuccessful one, then records the decision', () => {
    const failed = { supplementaryEvaluation: { outcome: 'notCompleted' as const, date: '2026-08-10' } };
    expect(computed(cht(2, failed)).completion).toMatchObject({
      status: 'pending',
      nextStep: 'principalDecision',
    });
    expect(
      computed(cht(2, { ...failed, principalDecision: { decision: 'retained', date: '2026-08-15' } }))
        .completion,
    ).toEqual({
      status: 'decided',
      decision: 'retained',
      label: 'Chưa được lên lớp',
    });
    expect(
      computed(cht(2, { ...failed, principalDecision: { decision: 'promoted', date: '2026-08-15' } }))
        .completion,
    ).toMatchObject({
      decision: 'promoted',
      label: 'Được lên lớp',
    });
  });

  it('speaks of primary school, not of the grade, in grade 5', () => {
    expect(computed(cht(5)).completion).toMatchObject({
      label: 'Chưa hoàn thành chương trình tiểu học: lập kế hoạch giúp đỡ, rồi đánh giá bổ sung.',
    });
    const failed = { supplementaryEvaluation: { outcome: 'notCompleted' as const, date: '2026-08-10' } };
    expect(computed(cht(5, failed)).completion).toMatchObject({
      label:
        'Sau đánh giá bổ sung, học sinh vẫn chưa hoàn thành chương trình tiểu học: chờ hiệu trưởng quyết định.',
    });
    expect(
      computed(cht(5, { ...failed, principalDecision: { decision: 'retained', date: '2026-08-15' } }))
        .completion,
    ).toMatchObject({
      label: 'Chưa hoàn thành chương trình tiểu học (ở lại lớp 5)',
    });
  });
});
