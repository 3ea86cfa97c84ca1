import { describe, expect, it } from 'vitest';
import { buildStudentYear, topStudentYear } from '../domain/evaluation/buildStudentYear';
import type { CharacterLevel, SubjectLevel } from '../domain/evaluation/catalogueSchema';
import { catalogueSchema } from '../domain/evaluation/catalogueSchema';
import { compileCatalogue, defaultCompiledCatalogue } from '../domain/evaluation/compiledCatalogue';
import { computeYearResult } from '../domain/evaluation/computeYearResult';
import { defaultCatalogue } from '../domain/evaluation/defaultCatalogue';
import type { StudentYearInput } from '../domain/evaluation/studentYearInput';
import { studentIdentityOf } from '../domain/student';
import { generateSampleSchool } from '../sample/generateSampleSchool';
import { generateYearResults } from '../sample/generateYearResults';
import { buildStudyRecord, type StudyRecordSource } from './buildStudyRecord';
import { checkRecordConsistency } from './recordConsistency';
import { sampleStudyRecords } from './sampleStudyRecords';
import type { StudyRecord } from './studyRecord';

const compiled = defaultCompiledCatalogue();
const school = generateSampleSchool({ seed: 8, students: 60 });
const confirmedAt = '2026-05-25T03:00:00.000Z';

/** A record of a year the test describes, for a sample student of the same grade. */
function recordOf(year: StudentYearInput, extra: Partial<StudyRecordSource> = {}, catalogue = compiled) {
  const schoolClass = school.classes.find((candidate) => candidate.grade === year.grade);
  const student = school.students.find((candidate) => candidate.classId === schoolClass?.id);
  if (!schoolClass || !student) throw new Error(`no sample student in grade ${year.grade}`);
  const computed = computeYearResult(catalogue, year).status === 'computed';
  return buildStudyRecord(catalogue, {
    school: school.school,
    schoolClass,
    principalName: school.school.principalName,
    student: studentIdentityOf(student),
    year,
    // A final record carries when the teacher confirmed its result.
    resultConfirmedAt: computed && extra.status !== 'draft' ? confirmedAt : null,
    ...extra,
  });
}

type Lowered = {
  readonly subjects?: Readonly<Record<string, { level?: SubjectLevel; score?: number }>>;
  readonly qualities?: Readonly<Record<string, CharacterLevel>>;
};

/** The best year with some CN values lowered: `{ subjects: { 'tieng-viet': { score: 8 } } }`. */
function yearWith(grade: number, lowered: Lowered, catalogue = compiled): StudentYearInput {
  const year = topStudentYear(catalogue, grade);
  return {
    ...year,
    subjects: year.subjects.map((entry) => {
      const change = entry.period === 'CN' ? lowered.subjects?.[entry.subject] : undefined;
      return change ? { ...entry, ...change } : entry;
    }),
    qualities: year.qualities.map((entry) => {
      const level = entry.period === 'CN' ? lowered.qualities?.[entry.quality] : undefined;
      return level ? { ...entry, level } : entry;
    }),
  };
}

function withResult(record: StudyRecord, result: StudyRecord['year']['result']): StudyRecord {
  return { ...record, year: { ...record.year, result } };
}

function problemsOf(record: StudyRecord, catalogues = compiled): readonly string[] {
  const checked = checkRecordConsistency(record, catalogues);
  return checked.ok ? [] : checked.problems;
}

describe('a record that follows from its values', () => {
  it('passes for every sample record, final or draft', () => {
    const results = generateYearResults(compiled, school, 8);
    for (const record of sampleStudyRecords(compiled, school, results))
      expect(checkRecordConsistency(record)).toEqual({ ok: true, catalogueVersion: '2025.1' });
  });

  it('passes for a draft whose year is not complete yet, and says nothing of its status', () => {
    const results = generateYearResults(compiled, school, 8, 'GK2');
    const [draft] = sampleStudyRecords(compiled, school, results, 1);
    expect(draft?.status).toBe('draft');
    expect(draft?.year.result.status).toBe('incomplete');
    if (draft) expect(checkRecordConsistency(draft).ok).toBe(true);
  });
});

describe('the attack: a record edited to claim a result its values do not give', () => {
  // Everything at the top but Tiếng Việt's CN score 8: Hoàn thành tốt, not Hoàn thành xuất sắc.
  const htt = recordOf(yearWith(3, { subjects: { 'tieng-viet': { score: 8 } } }));
  // One subject at Hoàn thành: Hoàn thành.
  const ht = recordOf(yearWith(3, { subjects: { toan: { level: 'H' } } }));

  it('builds the honest records as HTT and HT', () => {
    expect(htt.year.result).toMatchObject({ code: 'HTT' });
    expect(ht.year.result).toMatchObject({ code: 'HT' });
  });

  it('refuses HTXS printed over HT values, with the value that keeps it from HTXS', () => {
    const forged = withResult(ht, { status: 'computed', code: 'HTXS', name: 'Hoàn thành xuất sắc' });
    const checked = checkRecordConsistency(forged);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.reason).toBe('disagrees');
    expect(checked.problems[0]).toBe(
      'Học bạ ghi kết quả «Hoàn thành xuất sắc» nhưng các điểm và mức đạt được trong học bạ cho kết quả «Hoàn thành»: Môn Toán ở mức Hoàn thành; để đạt kết quả Hoàn thành xuất sắc, mọi môn học và hoạt động giáo dục phải ở mức Hoàn thành tốt.',
    );
  });

  it('names the score that is short, as the class summary does', () => {
    const forged = withResult(htt, { status: 'computed', code: 'HTXS', name: 'Hoàn thành xuất sắc' });
    expect(problemsOf(forged)[0]).toBe(
      'Học bạ ghi kết quả «Hoàn thành xuất sắc» nhưng các điểm và mức đạt được trong học bạ cho kết quả «Hoàn thành tốt»: Điểm bài kiểm tra cuối năm học môn Tiếng Việt là 8; để đạt kết quả Hoàn thành xuất sắc, mọi điểm bài kiểm tra cuối năm học phải từ 9 trở lên.',
    );
  });

  it('refuses the full forgery: result, award and all', () => {
    const forged: StudyRecord = {
      ...ht,
      year: {
        ...ht.year,
        result: { status: 'computed', code: 'HTXS', name: 'Hoàn thành xuất sắc' },
        awards: [{ kind: 'excellent', title: 'Học sinh Xuất sắc' }],
      },
    };
    expect(problemsOf(forged)).toEqual([
      expect.stringContaining('Học bạ ghi kết quả «Hoàn thành xuất sắc»'),
      'Học bạ ghi khen thưởng «Học sinh Xuất sắc» nhưng khen thưởng này chỉ dành cho học sinh đạt kết quả «Hoàn thành xuất sắc»; các điểm và mức đạt được trong học bạ cho kết quả «Hoàn thành».',
    ]);
  });

  it('refuses a result printed lower than the values give', () => {
    const top = recordOf(topStudentYear(compiled, 2));
    const lowered: StudyRecord = {
      ...top,
      year: { ...top.year, result: { status: 'computed', code: 'HT', name: 'Hoàn thành' }, awards: [] },
    };
    expect(problemsOf(lowered)).toContain(
      'Học bạ ghi kết quả «Hoàn thành» nhưng các điểm và mức đạt được trong học bạ cho kết quả «Hoàn thành xuất sắc»: Đạt mọi điều kiện của kết quả Hoàn thành xuất sắc.',
    );
  });

  it('refuses the right code printed under another result’s name (the PDF prints the name)', () => {
    const forged = withResult(ht, { status: 'computed', code: 'HT', name: 'Hoàn thành xuất sắc' });
    expect(problemsOf(forged)).toEqual([
      'Học bạ in kết quả «Hoàn thành xuất sắc» nhưng mã kết quả ghi trong học bạ là của kết quả «Hoàn thành».',
    ]);
  });

  it('refuses the values changed under a signed result: a value lowered after the result was set', () => {
    const [first, ...rest] = htt.year.subjects;
    if (!first) throw new Error('no subject');
    const lowered: StudyRecord = {
      ...htt,
      year: { ...htt.year, subjects: [{ ...first, CN: { ...first.CN, level: 'C' } }, ...rest] },
    };
    expect(problemsOf(lowered)[0]).toContain('cho kết quả «Chưa hoàn thành»');
  });
});

describe('awards (TT27 Điều 13)', () => {
  const top = recordOf(topStudentYear(compiled, 4));
  const htt = recordOf(yearWith(4, { subjects: { toan: { score: 9 }, 'tieng-viet': { score: 7 } } }));
  const ht = recordOf(yearWith(4, { subjects: { toan: { level: 'H' } } }));
  const withAwards = (record: StudyRecord, awards: StudyRecord['year']['awards']): StudyRecord => ({
    ...record,
    year: { ...record.year, awards },
  });
  const exemplary = {
    kind: 'exemplary',
    title: 'Học sinh Tiêu biểu hoàn thành tốt trong học tập và rèn luyện',
  } as const;

  it('requires "Học sinh Xuất sắc" for HTXS and under that exact name', () => {
    expect(top.year.awards).toEqual([{ kind: 'excellent', title: 'Học sinh Xuất sắc' }]);
    expect(problemsOf(withAwards(top, []))).toEqual([
      'Các điểm và mức đạt được trong học bạ cho kết quả «Hoàn thành xuất sắc», nên học bạ phải ghi khen thưởng «Học sinh Xuất sắc», nhưng học bạ không ghi.',
    ]);
    expect(
      problemsOf(withAwards(top, [{ kind: 'excellent', title: 'Học sinh Xuất sắc toàn diện' }])),
    ).toEqual([
      'Học bạ ghi khen thưởng «Học sinh Xuất sắc toàn diện» nhưng tên đúng của khen thưởng này là «Học sinh Xuất sắc».',
    ]);
    const twice = withAwards(top, [...top.year.awards, ...top.year.awards]);
    expect(problemsOf(twice)).toEqual(['Học bạ ghi khen thưởng «Học sinh Xuất sắc» hơn một lần.']);
  });

  it('allows the exemplary award the teacher confirmed for HTT, and only for HTT', () => {
    expect(checkRecordConsistency(withAwards(htt, [exemplary])).ok).toBe(true);
    expect(checkRecordConsistency(withAwards(htt, [])).ok).toBe(true);
    expect(problemsOf(withAwards(ht, [exemplary]))).toEqual([
      'Học bạ ghi khen thưởng «Học sinh Tiêu biểu hoàn thành tốt trong học tập và rèn luyện» nhưng khen thưởng này chỉ dành cho học sinh đạt kết quả «Hoàn thành tốt»; các điểm và mức đạt được trong học bạ cho kết quả «Hoàn thành».',
    ]);
    expect(problemsOf(withAwards(top, [...top.year.awards, exemplary]))).toHaveLength(1);
  });

  it('takes other awards as free text, but not under the engine’s award names', () => {
    const prize = { kind: 'other', title: 'Giải Nhì vẽ tranh cấp xã' } as const;
    expect(checkRecordConsistency(withAwards(ht, [prize])).ok).toBe(true);
    // The PDF prints the title, not the kind: these would read as the real awards.
    for (const title of [
      'Học sinh Xuất sắc',
      'HỌC SINH XUẤT SẮC',
      'Hoc sinh xuat sac',
      'Khen thưởng: Học  sinh  Xuất-sắc năm học 2025-2026',
      'Học sinh Xuất sắc'.normalize('NFD'),
      'Học sinh tiêu biểu',
    ])
      expect(problemsOf(withAwards(ht, [{ kind: 'other', title }]))).toEqual([
        expect.stringContaining('chỉ được ghi là khen thưởng theo kết quả cuối năm'),
      ]);
  });

  it('refuses a draft without a result that carries an award', () => {
    const incomplete = recordOf({ ...topStudentYear(compiled, 1), subjects: [] });
    expect(incomplete.status).toBe('draft');
    expect(problemsOf(withAwards(incomplete, [{ kind: 'excellent', title: 'Học sinh Xuất sắc' }]))).toEqual([
      'Học bạ ghi khen thưởng «Học sinh Xuất sắc» nhưng học bạ chưa có kết quả cuối năm.',
    ]);
  });
});

describe('completion, supplementary evaluation and the principal’s decision (TT27 Điều 11)', () => {
  const cht = yearWith(5, { qualities: { 'cham-chi': 'C' } });
  const supplementary = { outcome: 'notCompleted', date: '2026-08-01', note: '' } as const;
  const promoted = { decision: 'promoted', date: '2026-08-10' } as const;
  const pending = recordOf(cht);
  const afterSupplementary = recordOf({ ...cht, supplementaryEvaluation: supplementary });
  const decided = recordOf({ ...cht, supplementaryEvaluation: supplementary, principalDecision: promoted });

  it('passes each step of a CHT student as the engine gives it', () => {
    expect(pending.year.completion?.status).toBe('pending');
    expect(afterSupplementary.year.completion?.status).toBe('pending');
    expect(decided.year.completion).toEqual({
      status: 'decided',
      label: 'Hoàn thành chương trình tiểu học (theo quyết định của hiệu trưởng)',
    });
    for (const record of [pending, afterSupplementary, decided])
      expect(checkRecordConsistency(record).ok).toBe(true);
  });

  it('keeps a CHT record a draft until its steps are done, and refuses one forged as final (issue 10, point 14)', () => {
    expect(pending.status).toBe('draft');
    expect(afterSupplementary.status).toBe('draft');
    expect(decided.status).toBe('final');
    const completedAfterHelp = recordOf({
      ...cht,
      supplementaryEvaluation: { outcome: 'completed', date: '2026-08-01', note: '' },
    });
    expect(completedAfterHelp.status).toBe('final');
    const forged: StudyRecord = { ...pending, status: 'final' };
    expect(problemsOf(forged)).toEqual([
      'Học bạ ghi là bản chính thức nhưng việc xét hoàn thành chưa xong ("Chưa hoàn thành chương trình tiểu học: lập kế hoạch giúp đỡ, rồi đánh giá bổ sung."): học sinh chưa hoàn thành phải có kết quả đánh giá bổ sung (và quyết định của hiệu trưởng nếu cần) trước khi học bạ là bản chính thức.',
    ]);
  });

  it('refuses a completion the steps in the record do not give', () => {
    const claimed: StudyRecord = {
      ...pending,
      year: { ...pending.year, completion: decided.year.completion },
    };
    expect(problemsOf(claimed)).toEqual([
      'Học bạ ghi «Hoàn thành chương trình tiểu học (theo quyết định của hiệu trưởng)» nhưng theo kết quả cuối năm, đánh giá bổ sung và quyết định của hiệu trưởng ghi trong học bạ thì phải là «Chưa hoàn thành chương trình tiểu học: lập kế hoạch giúp đỡ, rồi đánh giá bổ sung.».',
    ]);
    const retained: StudyRecord = {
      ...decided,
      year: { ...decided.year, principalDecision: { decision: 'retained', date: '2026-08-10' } },
    };
    expect(problemsOf(retained)).toHaveLength(1);
  });

  it('refuses a decision without a supplementary evaluation, and steps for a student who completed', () => {
    const decisionOnly: StudyRecord = {
      ...pending,
      year: { ...pending.year, principalDecision: promoted },
    };
    expect(problemsOf(decisionOnly)).toContain(
      'Chưa có đánh giá bổ sung thì chưa thể có quyết định của hiệu trưởng về việc lên lớp.',
    );
    const top = recordOf(topStudentYear(compiled, 5));
    const steps: StudyRecord = { ...top, year: { ...top.year, supplementaryEvaluation: supplementary } };
    expect(problemsOf(steps)).toEqual([
      'Học sinh đạt kết quả Hoàn thành xuất sắc nên không có đánh giá bổ sung hay quyết định lên lớp; hãy xóa phần này hoặc kiểm tra lại kết quả.',
    ]);
  });

  it('still judges the awards when steps were added to a student who completed', () => {
    const ht = recordOf(yearWith(2, { subjects: { toan: { level: 'H' } } }));
    const forged: StudyRecord = {
      ...ht,
      year: {
        ...ht.year,
        supplementaryEvaluation: supplementary,
        awards: [{ kind: 'excellent', title: 'Học sinh Xuất sắc' }],
      },
    };
    expect(problemsOf(forged)).toEqual([
      expect.stringContaining(
        'Học bạ ghi khen thưởng «Học sinh Xuất sắc» nhưng khen thưởng này chỉ dành cho',
      ),
      'Học sinh đạt kết quả Hoàn thành nên không có đánh giá bổ sung hay quyết định lên lớp; hãy xóa phần này hoặc kiểm tra lại kết quả.',
    ]);
  });

  it('refuses a result without its completion', () => {
    const top = recordOf(topStudentYear(compiled, 2));
    expect(problemsOf({ ...top, year: { ...top.year, completion: null } })).toEqual([
      'Học bạ không ghi việc hoàn thành chương trình; theo các giá trị trong học bạ phải ghi «Hoàn thành chương trình lớp học».',
    ]);
  });
});

describe('status: only a draft may lack a result', () => {
  const draft = recordOf({ ...topStudentYear(compiled, 3), subjects: [] });

  it('refuses a final record without a result (the schema refuses it too)', () => {
    expect(draft.year.result.status).toBe('incomplete');
    expect(problemsOf({ ...draft, status: 'final' })).toEqual([
      'Học bạ ghi là bản chính thức nhưng chưa có kết quả cuối năm: học bạ chưa đủ kết quả chỉ có thể là bản nháp.',
    ]);
  });

  it('refuses a draft that says values are missing when they are all there', () => {
    const complete = recordOf(topStudentYear(compiled, 3), { status: 'draft' });
    const claimed = withResult(complete, { status: 'incomplete', missing: ['Chưa có điểm.'] });
    expect(problemsOf({ ...claimed, year: { ...claimed.year, awards: [], completion: null } })).toEqual([
      'Học bạ ghi là chưa đủ dữ liệu để có kết quả cuối năm, nhưng các điểm và mức đạt được trong học bạ đã cho kết quả «Hoàn thành xuất sắc».',
    ]);
  });

  it('refuses a draft that lists other missing values than its values lack', () => {
    if (draft.year.result.status !== 'incomplete') throw new Error('draft has a result');
    const [first = '', ...rest] = draft.year.result.missing;
    const listed = withResult(draft, { status: 'incomplete', missing: rest });
    expect(problemsOf(listed)[0]).toMatch(
      /^Học bạ ghi sai những giá trị còn thiếu\. Các giá trị thực sự còn thiếu: /,
    );
    expect(problemsOf(listed)[0]).toContain(first);
  });

  it('refuses a result printed over values that are not all there', () => {
    const claimed = withResult(draft, { status: 'computed', code: 'HT', name: 'Hoàn thành' });
    expect(problemsOf(claimed)[0]).toMatch(
      /^Học bạ ghi kết quả «Hoàn thành» nhưng chưa đủ các điểm và mức đạt được để có kết quả cuối năm: Chưa có mức đạt được của môn Tiếng Việt, cuối năm học\. .* \(và \d+ giá trị khác\)$/,
    );
  });
});

describe('rows and traits against the catalogue', () => {
  const record = recordOf(yearWith(4, { subjects: { toan: { level: 'H' } } }));
  const rows = record.year.subjects;
  const withRows = (subjects: StudyRecord['year']['subjects']): StudyRecord => ({
    ...record,
    year: { ...record.year, subjects },
  });

  it('refuses a row relabelled as another subject (the PDF prints the label)', () => {
    const relabelled = rows.map((row) => (row.key === 'toan' ? { ...row, label: 'Đạo đức' } : row));
    expect(problemsOf(withRows(relabelled))).toEqual([
      'Học bạ ghi tên dòng «Đạo đức» cho môn học hoặc hoạt động giáo dục «Toán» của danh mục.',
    ]);
  });

  it('refuses a dropped compulsory row: its value is missing', () => {
    expect(problemsOf(withRows(rows.filter((row) => row.key !== 'toan')))[0]).toContain(
      'Chưa có mức đạt được của môn Toán, cuối năm học.',
    );
  });

  it('refuses a row the grade does not have, a row twice and a score where there is no test', () => {
    const [first] = rows;
    if (!first) throw new Error('no row');
    expect(problemsOf(withRows([...rows, { ...first, key: 'vo-thuat', label: 'Võ thuật' }]))).toEqual([
      'Học bạ có dòng «Võ thuật» (mã vo-thuat) nhưng danh mục đánh giá phiên bản «2025.1» không có dòng này ở lớp 4.',
    ]);
    expect(problemsOf(withRows([...rows, first]))).toEqual([`Học bạ có dòng «${first.label}» hơn một lần.`]);
    const scored = rows.map((row) =>
      row.key === 'dao-duc' ? { ...row, CN: { ...row.CN, score: 10 } } : row,
    );
    expect(problemsOf(withRows(scored))).toEqual(['Lớp 4 không có bài kiểm tra cuối năm học môn Đạo đức.']);
  });

  it('refuses a compulsory subject marked elective', () => {
    const marked = rows.map((row) => (row.key === 'toan' ? { ...row, status: 'elective' as const } : row));
    expect(problemsOf(withRows(marked))).toEqual([
      'Học bạ ghi «Toán» là môn tự chọn, nhưng theo danh mục đánh giá đây là môn bắt buộc của lớp này.',
    ]);
  });

  it('refuses a quality under another name', () => {
    const qualities = record.year.qualities.map((row, index) =>
      index === 0 ? { ...row, name: 'Ngoan ngoãn' } : row,
    );
    expect(problemsOf({ ...record, year: { ...record.year, qualities } })).toEqual([
      'Học bạ ghi tên «Ngoan ngoãn» cho phẩm chất hoặc năng lực «Yêu nước» của danh mục.',
    ]);
  });

  it('reads an elective row that is absent as an elective the student does not take', () => {
    const year = { ...topStudentYear(compiled, 4, ['tieng-dan-toc']) };
    const taking = recordOf({
      ...year,
      subjects: year.subjects.map((entry) =>
        entry.subject === 'tieng-dan-toc' && entry.period === 'CN' ? { ...entry, level: 'C' } : entry,
      ),
    });
    expect(taking.year.result).toMatchObject({ code: 'CHT' });
    const dropped = withRows(taking.year.subjects.filter((row) => row.key !== 'tieng-dan-toc'));
    // The record's values are what is checked: without the row, the result must be recomputed.
    expect(
      problemsOf({ ...taking, ...dropped, year: { ...dropped.year, completion: taking.year.completion } })[0],
    ).toContain('cho kết quả «Hoàn thành xuất sắc»');
  });
});

describe('which catalogue', () => {
  // A province edition that keeps a student with one "Cần cố gắng" at HT (docs/evaluation-engine.md).
  const province = compileCatalogue(
    catalogueSchema.parse({
      ...defaultCatalogue,
      version: '2026.1',
      classification: defaultCatalogue.classification.map((rule) =>
        rule.result === 'HT' ? { ...rule, characterLevels: ['T', 'Đ', 'C'] } : rule,
      ),
    }),
  );
  const year = yearWith(3, { qualities: { 'cham-chi': 'C' } }, province);
  const provincial = recordOf(year, {}, province);

  it('recomputes with the edition the record names', () => {
    expect(provincial.catalogueVersion).toBe('2026.1');
    expect(provincial.year.result).toMatchObject({ code: 'HT' });
    expect(checkRecordConsistency(provincial, [province, compiled]).ok).toBe(true);
    expect(checkRecordConsistency(recordOf(year), [province, compiled]).ok).toBe(true);
  });

  it('says so when the edition is not known here, instead of judging with another', () => {
    expect(checkRecordConsistency(provincial)).toEqual({
      ok: false,
      reason: 'unknownCatalogue',
      problems: [
        'Học bạ được đánh giá theo danh mục đánh giá phiên bản «2026.1», nhưng ở đây chỉ có danh mục phiên bản «2025.1»: chưa tính lại được kết quả cuối năm để đối chiếu với học bạ. Hãy kiểm tra bằng danh mục phiên bản «2026.1» do Sở Giáo dục và Đào tạo ban hành.',
      ],
    });
  });

  it('refuses a record that claims another edition to borrow its rules', () => {
    const relabelled: StudyRecord = { ...provincial, catalogueVersion: '2025.1' };
    expect(problemsOf(relabelled)[0]).toContain('cho kết quả «Chưa hoàn thành»');
  });
});

describe('buildStudentYear-made records of every grade', () => {
  it('pass, with values at every level', () => {
    for (const grade of [1, 2, 3, 4, 5])
      for (const level of ['T', 'H', 'C'] as const) {
        const year = buildStudentYear(compiled, {
          grade,
          subjectLevel: () => level,
          score: () => (level === 'T' ? 9 : 6),
          traitLevel: () => (level === 'T' ? 'T' : 'Đ'),
        });
        expect(checkRecordConsistency(recordOf(year)).ok).toBe(true);
      }
  });
});

describe('a student with disabilities evaluated against an individual education plan (TT27 Điều 8, issue 10 point 15)', () => {
  const plan = { ...yearWith(3, { subjects: { toan: { level: 'C' } } }), individualEducationPlan: true };
  const onPlan = (extra: Partial<StudentYearInput> = {}, source: Partial<StudyRecordSource> = {}) =>
    recordOf({ ...plan, ...extra }, { resultConfirmedAt: confirmedAt, ...source });

  it('gets no standard level, even with values that would give CHT, and nothing is "missing"', () => {
    const outcome = computeYearResult(compiled, plan);
    expect(outcome.status).toBe('individualPlan');
    expect(computeYearResult(compiled, { ...plan, individualEducationPlan: false }).status).toBe('computed');
    const bare = computeYearResult(compiled, {
      grade: 3,
      electives: [],
      subjects: [],
      qualities: [],
      competencies: [],
      individualEducationPlan: true,
    });
    expect(bare.status).toBe('individualPlan');
  });

  it('prints that the student is evaluated against the plan, and stays a draft until the principal decides', () => {
    const waiting = onPlan();
    expect(waiting.year.result).toEqual({
      status: 'individualPlan',
      name: 'Đánh giá theo kế hoạch giáo dục cá nhân (học sinh khuyết tật, Điều 8 Thông tư 27/2020/TT-BGDĐT)',
    });
    expect(waiting.status).toBe('draft');
    expect(waiting.year.awards).toEqual([]);
    expect(waiting.year.completion?.status).toBe('pending');
    expect(checkRecordConsistency(waiting).ok).toBe(true);

    const decided = onPlan({ principalDecision: { decision: 'promoted', date: '2026-05-28' } });
    expect(decided.status).toBe('final');
    expect(decided.year.completion).toEqual({ status: 'decided', label: 'Được lên lớp' });
    expect(checkRecordConsistency(decided).ok).toBe(true);
  });

  it('refuses one forged as final before the decision, with an engine award, or with a supplementary evaluation', () => {
    const waiting = onPlan();
    expect(problemsOf({ ...waiting, status: 'final' })).toHaveLength(1);
    const decided = onPlan({ principalDecision: { decision: 'promoted', date: '2026-05-28' } });
    expect(
      problemsOf({
        ...decided,
        year: { ...decided.year, awards: [{ kind: 'excellent', title: 'Học sinh Xuất sắc' }] },
      }).length,
    ).toBeGreaterThan(0);
    expect(
      problemsOf({
        ...decided,
        year: {
          ...decided.year,
          supplementaryEvaluation: { outcome: 'completed', date: '2026-08-01', note: '' },
        },
      }),
    ).toContain(
      'Học sinh được đánh giá theo kế hoạch giáo dục cá nhân không có đánh giá bổ sung; hiệu trưởng quyết định trực tiếp.',
    );
    expect(
      problemsOf({
        ...decided,
        year: { ...decided.year, result: { status: 'individualPlan', name: 'Hoàn thành tốt' } },
      }).length,
    ).toBeGreaterThan(0);
  });

  it('cannot be built with a supplementary evaluation: the engine says the step does not belong', () => {
    const outcome = computeYearResult(compiled, {
      ...plan,
      supplementaryEvaluation: { outcome: 'completed', date: '2026-08-01' },
    });
    expect(outcome.status).toBe('incomplete');
  });

  it('accepts "Ngoại ngữ 1" with a language of the programme on its line, and nothing else there', () => {
    const decided = onPlan({ principalDecision: { decision: 'promoted', date: '2026-05-28' } });
    const relabel = (label: string): StudyRecord => ({
      ...decided,
      year: {
        ...decided.year,
        subjects: decided.year.subjects.map((row) => (row.key === 'ngoai-ngu-1' ? { ...row, label } : row)),
      },
    });
    expect(decided.year.subjects.find((row) => row.key === 'ngoai-ngu-1')?.label).toBe('Ngoại ngữ 1');
    expect(problemsOf(relabel('Ngoại ngữ 1: Tiếng Nhật'))).toEqual([]);
    expect(problemsOf(relabel('Ngoại ngữ 1: Tiếng Klingon'))).toHaveLength(1);
    expect(problemsOf(relabel('Toán'))).toHaveLength(1);
  });
});
