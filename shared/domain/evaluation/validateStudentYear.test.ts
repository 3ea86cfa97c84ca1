import { describe, expect, it } from 'vitest';
import { topStudentYear } from './buildStudentYear';
import { defaultCompiledCatalogue } from './compiledCatalogue';
import { studentYearInputSchema, type StudentYearInputDraft } from './studentYearInput';
import { validateStudentYear } from './validateStudentYear';

const compiled = defaultCompiledCatalogue();

function problems(draft: StudentYearInputDraft) {
  return validateStudentYear(compiled, studentYearInputSchema.parse(draft));
}

describe('entry validation', () => {
  it('finds nothing wrong in a full, correct year', () => {
    for (const grade of [1, 2, 3, 4, 5])
      expect(validateStudentYear(compiled, topStudentYear(compiled, grade))).toEqual([]);
  });

  it('refuses a score where the grade has no test, in words a teacher understands', () => {
    expect(
      problems({ grade: 3, subjects: [{ subject: 'toan', period: 'GK1', level: 'T', score: 9 }] }),
    ).toEqual([{ path: 'subjects.0.score', message: 'Lớp 3 không có bài kiểm tra giữa học kỳ I môn Toán.' }]);
    expect(
      problems({ grade: 4, subjects: [{ subject: 'toan', period: 'GK1', level: 'T', score: 9 }] }),
    ).toEqual([]);
    expect(
      problems({ grade: 2, subjects: [{ subject: 'dao-duc', period: 'CN', level: 'T', score: 9 }] })[0]
        ?.message,
    ).toBe('Lớp 2 không có bài kiểm tra cuối năm học môn Đạo đức.');
  });

  it.each([7.5, 11, -1, 0.1])('refuses the score %s (integers 0–10, no decimals)', (score) => {
    const [problem] = problems({
      grade: 5,
      subjects: [{ subject: 'toan', period: 'CN', level: 'T', score }],
    });
    expect(problem?.path).toBe('subjects.0.score');
    expect(problem?.message).toContain('điểm phải là số nguyên từ 0 đến 10, không có phần thập phân');
  });

  it.each([0, 10])('accepts the score %s', (score) => {
    expect(problems({ grade: 5, subjects: [{ subject: 'toan', period: 'CN', level: 'T', score }] })).toEqual(
      [],
    );
  });

  it('refuses subjects the grade does not have and subjects that do not exist', () => {
    expect(
      problems({ grade: 1, subjects: [{ subject: 'lich-su-dia-li', period: 'CN', level: 'T' }] }),
    ).toEqual([{ path: 'subjects.0.subject', message: 'Lớp 1 không học môn Lịch sử và Địa lí.' }]);
    expect(
      problems({ grade: 1, subjects: [{ subject: 'vat-ly', period: 'CN', level: 'T' }] })[0]?.message,
    ).toBe('Không có môn học mã "vat-ly" trong danh mục.');
  });

  it('asks for the part of a subject evaluated in parts, and refuses parts elsewhere', () => {
    expect(
      problems({ grade: 3, subjects: [{ subject: 'tin-hoc-cong-nghe', period: 'CN', level: 'T' }] })[0],
    ).toEqual({
      path: 'subjects.0.part',
      message: 'Môn Tin học và Công nghệ được đánh giá theo từng phần (Tin học, Công nghệ); hãy ghi rõ phần.',
    });
    expect(
      problems({ grade: 3, subjects: [{ subject: 'toan', part: 'hinh-hoc', period: 'CN', level: 'T' }] })[0]
        ?.path,
    ).toBe('subjects.0.part');
    expect(
      problems({ grade: 3, subjects: [{ subject: 'nghe-thuat', part: 'mua', period: 'CN', level: 'T' }] })[0]
        ?.message,
    ).toBe('Môn Nghệ thuật không có phần "mua".');
  });

  it('refuses a value entered twice for the same period', () => {
    const entry = { subject: 'toan', period: 'CK1' as const, level: 'T' as const, score: 9 };
    expect(problems({ grade: 2, subjects: [entry, { ...entry, score: 8 }] })).toEqual([
      { path: 'subjects.1.period', message: 'Kết quả môn Toán, cuối học kỳ I, bị nhập hai lần.' },
    ]);
  });

  it('refuses results of an elective the student does not take, and electives that are not electives', () => {
    expect(
      problems({ grade: 1, subjects: [{ subject: 'ngoai-ngu-1', period: 'CN', level: 'T' }] })[0]?.path,
    ).toBe('subjects.0.subject');
    expect(
      problems({
        grade: 1,
        electives: ['ngoai-ngu-1'],
        subjects: [{ subject: 'ngoai-ngu-1', period: 'CN', level: 'T' }],
      }),
    ).toEqual([]);
    expect(problems({ grade: 3, electives: ['ngoai-ngu-1'] })).toEqual([
      { path: 'electives.0', message: '"ngoai-ngu-1" không phải môn tự chọn của lớp 3.' },
    ]);
  });

  it('accepts a retest only after the CK1 or CN test, never at mid-term (TT27 Điều 7 khoản 1 điểm d)', () => {
    for (const period of ['CK1', 'CN'] as const) {
      expect(
        problems({ grade: 4, subjects: [{ subject: 'toan', period, level: 'T', score: 4, retestScore: 8 }] }),
      ).toEqual([]);
    }
    for (const period of ['GK1', 'GK2'] as const) {
      // Grade 4 has a mid-term Toán test, so only the retest is wrong here.
      expect(
        problems({ grade: 4, subjects: [{ subject: 'toan', period, level: 'T', score: 4, retestScore: 8 }] }),
      ).toEqual([
        {
          path: 'subjects.0.retestScore',
          message: `Chỉ bài kiểm tra cuối học kỳ I và cuối năm học mới được kiểm tra lại; bỏ điểm kiểm tra lại của môn Toán, ${period === 'GK1' ? 'giữa học kỳ I' : 'giữa học kỳ II'}.`,
        },
      ]);
    }
  });

  it('refuses a retest score without a first score, and unknown qualities or competencies', () => {
    expect(
      problems({ grade: 4, subjects: [{ subject: 'toan', period: 'CN', level: 'T', retestScore: 7 }] })[0]
        ?.path,
    ).toBe('subjects.0.retestScore');
    expect(problems({ grade: 4, qualities: [{ quality: 'dung-cam', period: 'CN', level: 'T' }] })[0]).toEqual(
      {
        path: 'qualities.0.quality',
        message: 'Không có phẩm chất mã "dung-cam" trong danh mục.',
      },
    );
    expect(
      problems({ grade: 4, competencies: [{ competency: 'yeu-nuoc', period: 'CN', level: 'T' }] })[0]?.path,
    ).toBe('competencies.0.competency');
  });

  it('refuses levels outside their scale at the boundary (schema)', () => {
    expect(
      studentYearInputSchema.safeParse({
        grade: 4,
        subjects: [{ subject: 'toan', period: 'CN', level: 'Đ' }],
      }).success,
    ).toBe(false);
    expect(
      studentYearInputSchema.safeParse({
        grade: 4,
        qualities: [{ quality: 'yeu-nuoc', period: 'CN', level: 'H' }],
      }).success,
    ).toBe(false);
    expect(studentYearInputSchema.safeParse({ grade: 6 }).success).toBe(false);
  });
});
