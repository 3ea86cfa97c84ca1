import { describe, expect, it } from 'vitest';
import { buildStudentYear, topStudentYear } from './buildStudentYear';
import { catalogueSchema } from './catalogueSchema';
import { compileCatalogue, defaultCompiledCatalogue } from './compiledCatalogue';
import { computeYearResult } from './computeYearResult';
import { defaultCatalogue } from './defaultCatalogue';
import type { StudentYearInput, SubjectEntry } from './studentYearInput';

const compiled = defaultCompiledCatalogue();

/** A copy of `input` with one CN subject entry changed. */
function withSubject(
  input: StudentYearInput,
  subject: string,
  change: Partial<SubjectEntry>,
  part?: string,
  period = 'CN',
): StudentYearInput {
  const index = input.subjects.findIndex(
    (entry) => entry.subject === subject && entry.part === part && entry.period === period,
  );
  if (index === -1) throw new Error(`no entry ${subject}/${part ?? ''} ${period}`);
  const subjects = input.subjects.map((entry, i) => (i === index ? { ...entry, ...change } : entry));
  return { ...input, subjects };
}

function withTrait(
  input: StudentYearInput,
  code: string,
  level: 'T' | 'Đ' | 'C' | null,
  period = 'CN',
): StudentYearInput {
  return {
    ...input,
    qualities: input.qualities.map((entry) =>
      entry.quality === code && entry.period === period ? { ...entry, level } : entry,
    ),
    competencies: input.competencies.map((entry) =>
      entry.competency === code && entry.period === period ? { ...entry, level } : entry,
    ),
  };
}

function resultOf(input: StudentYearInput) {
  const outcome = computeYearResult(compiled, input);
  if (outcome.status === 'incomplete')
    throw new Error(`incomplete: ${outcome.missing.map((m) => m.message).join(' | ')}`);
  if (outcome.status !== 'computed') throw new Error(`not computed: ${outcome.status}`);
  return outcome;
}

describe('year-end result (TT27: HTXS, HTT, HT, CHT)', () => {
  it.each([1, 2, 3, 4, 5])(
    'gives HTXS to a grade %i student with every value at the top, with no reasons',
    (grade) => {
      const outcome = resultOf(topStudentYear(compiled, grade));
      expect(outcome.result).toBe('HTXS');
      expect(outcome.reasons).toEqual([]);
      expect(outcome.explanation).toBe('Đạt mọi điều kiện của kết quả Hoàn thành xuất sắc.');
    },
  );

  it('a single score of 8 blocks HTXS (HTT), and names the score that decided it', () => {
    const outcome = resultOf(withSubject(topStudentYear(compiled, 4), 'toan', { score: 8 }));
    expect(outcome.result).toBe('HTT');
    expect(outcome.reasons).toEqual([
      expect.objectContaining({ kind: 'score', row: 'toan', score: 8, minimum: 9 }),
    ]);
    expect(outcome.explanation).toBe(
      'Hoàn thành tốt. Chưa đạt kết quả Hoàn thành xuất sắc vì: Điểm bài kiểm tra cuối năm học môn Toán là 8; để đạt kết quả Hoàn thành xuất sắc, mọi điểm bài kiểm tra cuối năm học phải từ 9 trở lên.',
    );
  });

  it('a score of 9 is still HTXS (the bound is inclusive)', () => {
    expect(resultOf(withSubject(topStudentYear(compiled, 4), 'toan', { score: 9 })).result).toBe('HTXS');
  });

  it('a single H blocks HTT (HT)', () => {
    const outcome = resultOf(withSubject(topStudentYear(compiled, 3), 'dao-duc', { level: 'H' }));
    expect(outcome.result).toBe('HT');
    expect(outcome.reasons).toEqual([
      expect.objectContaining({ kind: 'subjectLevel', row: 'dao-duc', level: 'H' }),
    ]);
  });

  it('a single Đạt blocks HTT but not HT', () => {
    const outcome = resultOf(withTrait(topStudentYear(compiled, 3), 'cham-chi', 'Đ'));
    expect(outcome.result).toBe('HT');
    expect(outcome.reasons).toEqual([
      expect.objectContaining({ kind: 'traitLevel', trait: 'cham-chi', level: 'Đ' }),
    ]);
    expect(outcome.reasons[0]?.message).toBe(
      'Phẩm chất Chăm chỉ ở mức Đạt; để đạt kết quả Hoàn thành tốt, mọi phẩm chất và năng lực phải ở mức Tốt.',
    );
  });

  it('a single Cần cố gắng blocks HTT, and — as ../shared/docs/domain.md and TT27 require "Tốt hoặc Đạt" for HT — HT too', () => {
    const outcome = resultOf(withTrait(topStudentYear(compiled, 3), 'tu-chu-tu-hoc', 'C'));
    expect(outcome.result).toBe('CHT');
    expect(outcome.reasons).toEqual([
      expect.objectContaining({ kind: 'traitLevel', trait: 'tu-chu-tu-hoc', level: 'C', needed: ['T', 'Đ'] }),
    ]);
  });

  it('lets a province catalogue where Cần cố gắng does not block HT decide otherwise, without a code change', () => {
    const lenient = compileCatalogue(
      catalogueSchema.parse({
        ...defaultCatalogue,
        version: '2025.2',
        classification: defaultCatalogue.classification.map((rule) =>
          rule.result === 'HT' ? { ...rule, characterLevels: ['T', 'Đ', 'C'] } : rule,
        ),
      }),
    );
    const outcome = computeYearResult(lenient, withTrait(topStudentYear(lenient, 3), 'tu-chu-tu-hoc', 'C'));
    expect(outcome).toMatchObject({ status: 'computed', result: 'HT' });
  });

  it('score 5 is enough for HT, 4 is not', () => {
    expect(resultOf(withSubject(topStudentYear(compiled, 5), 'khoa-hoc', { score: 5 })).result).toBe('HT');
    const four = resultOf(withSubject(topStudentYear(compiled, 5), 'khoa-hoc', { score: 4 }));
    expect(four.result).toBe('CHT');
    expect(four.reasons).toEqual([
      expect.objectContaining({ kind: 'score', row: 'khoa-hoc', score: 4, minimum: 5 }),
    ]);
  });

  it('a C in a subject gives CHT and says which subject', () => {
    const outcome = resultOf(withSubject(topStudentYear(compiled, 2), 'toan', { level: 'C' }));
    expect(outcome.result).toBe('CHT');
    expect(outcome.reasons.map((reason) => reason.label)).toEqual(['Toán']);
  });

  it('lists every value that kept the student from the next result, in catalogue order', () => {
    let input = withSubject(topStudentYear(compiled, 4), 'tieng-viet', { level: 'H' });
    input = withSubject(input, 'toan', { score: 6 });
    input = withTrait(input, 'trung-thuc', 'Đ');
    const outcome = resultOf(input);
    expect(outcome.result).toBe('HT');
    expect(outcome.reasons.map((reason) => reason.kind)).toEqual(['subjectLevel', 'score', 'traitLevel']);
    expect(outcome.explanation.startsWith('Hoàn thành. Chưa đạt kết quả Hoàn thành tốt vì:')).toBe(true);
  });

  it('a missing value gives no result, only the list of what is missing', () => {
    const input = withSubject(topStudentYear(compiled, 4), 'toan', { score: null });
    const withoutTrait = {
      ...input,
      qualities: input.qualities.filter((entry) => !(entry.quality === 'nhan-ai' && entry.period === 'CN')),
    };
    const outcome = computeYearResult(compiled, withoutTrait);
    expect(outcome.status).toBe('incomplete');
    if (outcome.status !== 'incomplete') return;
    expect(outcome.missing.map((m) => m.message)).toEqual([
      'Chưa có điểm bài kiểm tra môn Toán, cuối năm học.',
      'Chưa có mức đánh giá phẩm chất nhân ái, cuối năm học.',
    ]);
  });

  it.each([8.5, 11, -1])('counts the score %s as a value to correct, not as a result', (score) => {
    const outcome = computeYearResult(compiled, withSubject(topStudentYear(compiled, 4), 'toan', { score }));
    expect(outcome).toMatchObject({
      status: 'incomplete',
      missing: [
        {
          key: 'toan',
          kind: 'score',
          reason: 'invalid',
          message: 'Điểm bài kiểm tra môn Toán, cuối năm học, không hợp lệ.',
        },
      ],
    });
  });

  it('names an activity as itself, not as a "môn"', () => {
    const outcome = resultOf(
      withSubject(topStudentYear(compiled, 1), 'hoat-dong-trai-nghiem', { level: 'C' }),
    );
    expect(outcome.reasons[0]?.message).toBe(
      'Hoạt động trải nghiệm ở mức Chưa hoàn thành; để đạt kết quả Hoàn thành, mọi môn học và hoạt động giáo dục phải ở mức Hoàn thành tốt hoặc Hoàn thành.',
    );
  });

  it('refuses a supplementary evaluation or decision for a student who completed the year', () => {
    const input = {
      ...topStudentYear(compiled, 3),
      supplementaryEvaluation: { outcome: 'completed' as const, date: '2026-08-10' },
    };
    expect(computeYearResult(compiled, input)).toMatchObject({
      status: 'incomplete',
      missing: [{ kind: 'completionStep', reason: 'invalid' }],
    });
  });

  it('grade 1: tests only in Tiếng Việt and Toán at CN (../shared/docs/domain.md), electives not taken are left out', () => {
    const input = topStudentYear(compiled, 1);
    expect(
      input.subjects
        .filter((entry) => entry.period === 'CN' && entry.score !== undefined)
        .map((entry) => entry.subject),
    ).toEqual(['tieng-viet', 'toan']);
    expect(
      input.subjects.some((entry) => entry.subject === 'ngoai-ngu-1' || entry.subject === 'tieng-dan-toc'),
    ).toBe(false);
    expect(resultOf(input).result).toBe('HTXS');
  });

  it('grade 5: the most tests at CN — seven scores, Tin học and Công nghệ separately', () => {
    const input = topStudentYear(compiled, 5);
    const scored = input.subjects.filter((entry) => entry.period === 'CN' && entry.score !== undefined);
    expect(scored.map((entry) => (entry.part ? `${entry.subject}/${entry.part}` : entry.subject))).toEqual([
      'tieng-viet',
      'toan',
      'ngoai-ngu-1',
      'lich-su-dia-li',
      'khoa-hoc',
      'tin-hoc-cong-nghe/tin-hoc',
      'tin-hoc-cong-nghe/cong-nghe',
    ]);
  });

  it('Tin học and Công nghệ are judged as separate parts', () => {
    const outcome = resultOf(
      withSubject(topStudentYear(compiled, 3), 'tin-hoc-cong-nghe', { score: 6 }, 'cong-nghe'),
    );
    expect(outcome.result).toBe('HT');
    expect(outcome.reasons).toEqual([
      expect.objectContaining({
        row: 'tin-hoc-cong-nghe/cong-nghe',
        label: 'Tin học và Công nghệ (Công nghệ)',
      }),
    ]);
    const input = topStudentYear(compiled, 3);
    const noCongNghe = {
      ...input,
      subjects: input.subjects.filter((e) => !(e.part === 'cong-nghe' && e.period === 'CN')),
    };
    const missing = computeYearResult(compiled, noCongNghe);
    expect(missing).toMatchObject({
      status: 'incomplete',
      missing: [
        { key: 'tin-hoc-cong-nghe/cong-nghe', kind: 'subjectLevel', reason: 'missing' },
        { key: 'tin-hoc-cong-nghe/cong-nghe', kind: 'score', reason: 'missing' },
      ],
    });
    if (missing.status === 'incomplete') expect(missing.missing).toHaveLength(2);
  });

  it('a retest score replaces the original', () => {
    const low = withSubject(topStudentYear(compiled, 4), 'toan', { score: 4 });
    expect(resultOf(low).result).toBe('CHT');
    expect(resultOf(withSubject(low, 'toan', { score: 4, retestScore: 9 })).result).toBe('HTXS');
    expect(resultOf(withSubject(low, 'toan', { score: 10, retestScore: 6 })).result).toBe('HT');
  });

  it('an elective counts only when the student takes it', () => {
    const withEnglish = topStudentYear(compiled, 2, ['ngoai-ngu-1']);
    expect(withEnglish.subjects.some((entry) => entry.subject === 'ngoai-ngu-1')).toBe(true);
    expect(resultOf(withSubject(withEnglish, 'ngoai-ngu-1', { level: 'H' })).result).toBe('HT');
    expect(resultOf(topStudentYear(compiled, 2)).result).toBe('HTXS');
    const missingElective = {
      ...withEnglish,
      subjects: withEnglish.subjects.filter((e) => !(e.subject === 'ngoai-ngu-1' && e.period === 'CN')),
    };
    expect(computeYearResult(compiled, missingElective)).toMatchObject({
      status: 'incomplete',
      missing: [{ key: 'ngoai-ngu-1' }],
    });
  });

  it('echoes the caller’s id', () => {
    expect(computeYearResult(compiled, { ...topStudentYear(compiled, 1), id: 'hs-07' })).toMatchObject({
      id: 'hs-07',
    });
  });

  it('only the CN values decide: a weak mid-year does not change the year result', () => {
    const input = buildStudentYear(compiled, {
      grade: 4,
      subjectLevel: (_row, period) => (period === 'CN' ? 'T' : 'C'),
      score: (_row, period) => (period === 'CN' ? 10 : 2),
      traitLevel: (_trait, period) => (period === 'CN' ? 'T' : 'C'),
    });
    expect(resultOf(input).result).toBe('HTXS');
  });
});
