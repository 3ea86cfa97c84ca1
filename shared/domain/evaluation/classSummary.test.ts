import { describe, expect, it } from 'vitest';
import { studentIdOf } from '../ids';
import { buildStudentYear, topStudentYear } from './buildStudentYear';
import { buildClassSummary, type SummaryStudent } from './classSummary';
import { defaultCompiledCatalogue } from './compiledCatalogue';
import { sumStatistics } from './summaryStatistics';

const compiled = defaultCompiledCatalogue();

function student(id: string, gender: 'male' | 'female', year: SummaryStudent['year']): SummaryStudent {
  const studentCode = `01000000${id.padStart(2, '0')}`;
  return {
    id: studentIdOf(studentCode),
    fullName: `Học sinh ${id}`,
    birthDate: '2016-03-07',
    gender,
    studentCode,
    year,
  };
}

const htStudent = (grade: number) =>
  buildStudentYear(compiled, {
    grade,
    subjectLevel: (row) => (row.key === 'dao-duc' ? 'H' : 'T'),
    score: () => 8,
    traitLevel: () => 'T',
  });

describe('class summary table', () => {
  it('mid-term in grade 3: levels only, then the 3 + 7 competencies and the 5 qualities', () => {
    const summary = buildClassSummary(compiled, 3, 'GK1', [
      student('1', 'female', topStudentYear(compiled, 3)),
    ]);
    const kinds = summary.columns.map((column) => column.kind);
    expect(kinds.filter((kind) => kind === 'score')).toEqual([]);
    expect(kinds.filter((kind) => kind === 'traitLevel')).toHaveLength(15);
    expect(summary.columns.find((column) => column.key === 'result')).toBeUndefined();
    expect(summary.columns.filter((c) => c.group === 'Năng lực chung').map((c) => c.label)).toEqual([
      'Tự chủ và tự học',
      'Giao tiếp và hợp tác',
      'Giải quyết vấn đề và sáng tạo',
    ]);
    expect(summary.columns.slice(0, 5).map((c) => c.label)).toEqual([
      'STT',
      'Họ và tên',
      'Ngày sinh',
      'Giới tính',
      'Mã học sinh',
    ]);
    expect(summary.title).toBe('Bảng tổng hợp kết quả đánh giá giáo dục — Giữa học kỳ I');
  });

  it('mid-term in grade 4 adds the GK scores of Tiếng Việt and Toán only', () => {
    const summary = buildClassSummary(compiled, 4, 'GK1', []);
    expect(summary.columns.filter((c) => c.kind === 'score').map((c) => c.group)).toEqual([
      'Tiếng Việt',
      'Toán',
    ]);
  });

  it('at the end of the year in grade 5: every test score, then result, awards, completion and notes', () => {
    const retested = { ...topStudentYear(compiled, 5) };
    const withRetest = {
      ...retested,
      subjects: retested.subjects.map((e) =>
        e.subject === 'toan' && e.period === 'CN' ? { ...e, score: 4, retestScore: 9 } : e,
      ),
    };
    const summary = buildClassSummary(compiled, 5, 'CN', [
      student('1', 'female', withRetest),
      student('2', 'male', htStudent(5)),
    ]);
    expect(summary.columns.filter((c) => c.kind === 'score')).toHaveLength(7);
    expect(summary.columns.slice(-4).map((c) => c.label)).toEqual([
      'Kết quả giáo dục',
      'Khen thưởng',
      'Hoàn thành chương trình tiểu học',
      'Ghi chú',
    ]);
    const [first, second] = summary.rows;
    expect(first?.cells).toMatchObject({
      no: 1,
      birthDate: '07/03/2016',
      gender: 'Nữ',
      'toan:score': 9,
      'toan:level': 'T',
      'trait:cham-chi': 'T',
      result: 'HTXS',
      awards: 'Học sinh Xuất sắc',
      completion: 'Hoàn thành chương trình tiểu học',
    });
    expect(second?.cells).toMatchObject({ gender: 'Nam', 'dao-duc:level': 'H', result: 'HT', awards: '' });
  });

  it('shows confirmed awards instead of proposals, and says when a result cannot be computed', () => {
    const incomplete = { ...topStudentYear(compiled, 2), competencies: [] };
    const summary = buildClassSummary(compiled, 2, 'CN', [
      {
        ...student('1', 'male', topStudentYear(compiled, 2)),
        confirmedAwards: ['Học sinh Xuất sắc', 'Giải Nhì vẽ tranh cấp xã'],
      },
      student('2', 'female', incomplete),
    ]);
    expect(summary.rows[0]?.cells.awards).toBe('Học sinh Xuất sắc; Giải Nhì vẽ tranh cấp xã');
    expect(summary.rows[1]?.cells).toMatchObject({
      result: null,
      completion: null,
      note: 'Chưa đủ dữ liệu: còn 10 giá trị cần nhập hoặc sửa',
    });
  });

  it('counts levels and results by gender, and adds classes into school totals', () => {
    const students = [
      student('1', 'female', topStudentYear(compiled, 4)),
      student('2', 'male', htStudent(4)),
      student('3', 'female', htStudent(4)),
    ];
    const summary = buildClassSummary(compiled, 4, 'CN', students);
    const { statistics } = summary;
    expect(statistics.students).toEqual({ total: 3, female: 2 });
    expect(statistics.subjects['dao-duc']?.levels).toEqual({
      T: { total: 1, female: 1 },
      H: { total: 2, female: 1 },
      C: { total: 0, female: 0 },
    });
    expect(statistics.results.HTXS).toEqual({ total: 1, female: 1 });
    expect(statistics.results.HT).toEqual({ total: 2, female: 1 });
    expect(statistics.traits['yeu-nuoc']?.levels.T.total).toBe(3);
    expect(statistics.subjects['ngoai-ngu-1']?.notEvaluated).toBe(0);

    const school = sumStatistics('CN', [statistics, statistics]);
    expect(school.students).toEqual({ total: 6, female: 4 });
    expect(school.results.HT.total).toBe(4);
    expect(() => sumStatistics('GK1', [statistics])).toThrow(RangeError);
  });
});
