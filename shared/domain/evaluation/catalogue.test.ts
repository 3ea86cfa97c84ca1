import { describe, expect, it } from 'vitest';
import { catalogueSchema, type PeriodCode } from './catalogueSchema';
import { defaultCompiledCatalogue } from './compiledCatalogue';
import { defaultCatalogue } from './defaultCatalogue';

/**
 * The programme table of ../shared/docs/domain.md ("Subjects by grade"), written out independently of the
 * catalogue: name → [grades, compulsory or elective per grade, test periods per grade].
 */
type Expected = {
  grades: number[];
  elective?: number[];
  tests: Record<number, PeriodCode[]>;
  parts?: string[];
};
const ck: PeriodCode[] = ['CK1', 'CN'];
const all4: PeriodCode[] = ['GK1', 'CK1', 'GK2', 'CN'];
const programme: Record<string, Expected> = {
  'Tiếng Việt': { grades: [1, 2, 3, 4, 5], tests: { 1: ck, 2: ck, 3: ck, 4: all4, 5: all4 } },
  Toán: { grades: [1, 2, 3, 4, 5], tests: { 1: ck, 2: ck, 3: ck, 4: all4, 5: all4 } },
  'Ngoại ngữ 1': { grades: [1, 2, 3, 4, 5], elective: [1, 2], tests: { 3: ck, 4: ck, 5: ck } },
  'Đạo đức': { grades: [1, 2, 3, 4, 5], tests: {} },
  'Tự nhiên và Xã hội': { grades: [1, 2, 3], tests: {} },
  'Lịch sử và Địa lí': { grades: [4, 5], tests: { 4: ck, 5: ck } },
  'Khoa học': { grades: [4, 5], tests: { 4: ck, 5: ck } },
  'Tin học và Công nghệ': {
    grades: [3, 4, 5],
    tests: { 3: ck, 4: ck, 5: ck },
    parts: ['Tin học', 'Công nghệ'],
  },
  'Giáo dục thể chất': { grades: [1, 2, 3, 4, 5], tests: {} },
  'Nghệ thuật': { grades: [1, 2, 3, 4, 5], tests: {}, parts: ['Âm nhạc', 'Mĩ thuật'] },
  'Hoạt động trải nghiệm': { grades: [1, 2, 3, 4, 5], tests: {} },
  'Tiếng dân tộc thiểu số': { grades: [1, 2, 3, 4, 5], elective: [1, 2, 3, 4, 5], tests: {} },
};

describe('the evaluation catalogue', () => {
  it('validates against its schema, also after a JSON round trip (it is JSON-compatible)', () => {
    expect(catalogueSchema.safeParse(defaultCatalogue).success).toBe(true);
    const roundTripped: unknown = JSON.parse(JSON.stringify(defaultCatalogue));
    expect(catalogueSchema.parse(roundTripped)).toEqual(catalogueSchema.parse(defaultCatalogue));
  });

  it.each([1, 2, 3, 4, 5])(
    'grade %i teaches exactly the subjects of the programme table, with its tests',
    (grade) => {
      const plan = defaultCompiledCatalogue().plan(grade);
      const taught = [...new Set(plan.rows.map((row) => row.subject.name))].sort();
      const expected = Object.entries(programme)
        .filter(([, entry]) => entry.grades.includes(grade))
        .map(([name]) => name)
        .sort();
      expect(taught).toEqual(expected);
      for (const row of plan.rows) {
        const entry = programme[row.subject.name];
        expect(entry, row.subject.name).toBeDefined();
        if (!entry) continue;
        expect(row.status).toBe(entry.elective?.includes(grade) ? 'elective' : 'compulsory');
        expect([...row.testPeriods].sort()).toEqual([...(entry.tests[grade] ?? [])].sort());
        expect(row.subject.parts?.map((part) => part.name)).toEqual(entry.parts);
      }
    },
  );

  it('has the 5 qualities, 3 general and 7 specific competencies, and the four periods', () => {
    expect(defaultCatalogue.qualities.map((q) => q.name)).toEqual([
      'Yêu nước',
      'Nhân ái',
      'Chăm chỉ',
      'Trung thực',
      'Trách nhiệm',
    ]);
    expect(defaultCatalogue.competencies.filter((c) => c.kind === 'general')).toHaveLength(3);
    expect(defaultCatalogue.competencies.filter((c) => c.kind === 'specific').map((c) => c.name)).toEqual([
      'Ngôn ngữ',
      'Tính toán',
      'Khoa học',
      'Công nghệ',
      'Tin học',
      'Thẩm mĩ',
      'Thể chất',
    ]);
    expect(defaultCatalogue.periods.map((p) => p.code)).toEqual(['GK1', 'CK1', 'GK2', 'CN']);
    expect(defaultCatalogue.subjectLevels.map((l) => `${l.code} ${l.name}`)).toEqual([
      'T Hoàn thành tốt',
      'H Hoàn thành',
      'C Chưa hoàn thành',
    ]);
    expect(defaultCatalogue.characterLevels.map((l) => `${l.code} ${l.name}`)).toEqual([
      'T Tốt',
      'Đ Đạt',
      'C Cần cố gắng',
    ]);
  });

  it('refuses a catalogue whose lower result is stricter than a higher one (raising a value could lower a result)', () => {
    const broken = {
      ...defaultCatalogue,
      classification: defaultCatalogue.classification.map((rule) =>
        rule.result === 'HT' ? { ...rule, minimumScore: 8 } : rule,
      ),
    };
    const parsed = catalogueSchema.safeParse(broken);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe('mức HT phải dễ hơn hoặc bằng mức HTT ở mọi điều kiện');
  });

  const firstIssue = (candidate: unknown) => {
    const parsed = catalogueSchema.safeParse(candidate);
    expect(parsed.success).toBe(false);
    return { path: parsed.error?.issues[0]?.path.join('.'), message: parsed.error?.issues[0]?.message };
  };

  it('refuses duplicate codes, one-part subjects, decimal scores and scores outside 0–10', () => {
    const first = defaultCatalogue.subjects[0];
    expect(firstIssue({ ...defaultCatalogue, subjects: [...defaultCatalogue.subjects, first] })).toEqual({
      path: 'subjects',
      message: 'mã trùng: tieng-viet',
    });
    const onePart = defaultCatalogue.subjects.map((s) =>
      s.code === 'nghe-thuat' ? { ...s, parts: [{ code: 'am-nhac', name: 'Âm nhạc' }] } : s,
    );
    expect(firstIssue({ ...defaultCatalogue, subjects: onePart })).toEqual({
      path: 'subjects.9.parts',
      message: 'một môn chia phần phải có ít nhất 2 phần',
    });
    expect(
      firstIssue({ ...defaultCatalogue, score: { minimum: 0, maximum: 10, decimalsAllowed: true } }).path,
    ).toBe('score.decimalsAllowed');
    expect(
      firstIssue({ ...defaultCatalogue, score: { minimum: -5, maximum: 100, decimalsAllowed: false } }).path,
    ).toBe('score.minimum');
  });

  it('refuses a catalogue that changes the four results, their order or the awards TT27 fixes', () => {
    const [htxs, htt, ht] = defaultCatalogue.classification;
    if (!htxs || !htt || !ht) throw new Error('classification');
    expect(
      firstIssue({
        ...defaultCatalogue,
        classification: [htxs, htt, { ...ht, result: 'CHT' }],
        fallbackResult: 'HT',
      }),
    ).toEqual({
      path: 'classification',
      message: 'quy tắc xếp loại phải lần lượt là HTXS, HTT, HT; trường hợp còn lại là CHT',
    });
    expect(
      firstIssue({ ...defaultCatalogue, awards: { ...defaultCatalogue.awards, excellentFor: 'CHT' } }).path,
    ).toBe('awards.excellentFor');
    expect(firstIssue({ ...defaultCatalogue, yearResults: defaultCatalogue.yearResults.slice(1) }).path).toBe(
      'yearResults',
    );
  });

  it('refuses a catalogue that leaves a grade without subjects, qualities or competencies', () => {
    expect(firstIssue({ ...defaultCatalogue, subjects: [] })).toEqual({
      path: 'subjects',
      message: 'lớp 1 phải có ít nhất một môn học bắt buộc',
    });
    expect(firstIssue({ ...defaultCatalogue, qualities: [] })).toEqual({
      path: 'qualities',
      message: 'lớp 1 phải có phẩm chất được đánh giá',
    });
  });
});

/**
 * The articles of the Regulation issued with Circular 27/2020/TT-BGDĐT, as its text numbers them:
 * Điều 7 periodic evaluation, Điều 8 students with disabilities, Điều 9 the summary (khoản 1) and
 * the year-end levels (khoản 2), Điều 11 completion, Điều 13 awards.
 */
describe('the catalogue’s legal basis', () => {
  const referenceFor = (topic: RegExp): string | undefined =>
    defaultCatalogue.legalBasis.find((basis) => topic.test(basis.covers))?.reference;

  it('cites each rule by the article that sets it', () => {
    expect(referenceFor(/Đánh giá định kỳ/)).toBe('Thông tư 27/2020/TT-BGDĐT, Điều 7');
    expect(referenceFor(/bốn mức cuối năm học/)).toBe('Thông tư 27/2020/TT-BGDĐT, Điều 9');
    expect(referenceFor(/Xét hoàn thành/)).toBe('Thông tư 27/2020/TT-BGDĐT, Điều 11');
    expect(referenceFor(/Khen thưởng/)).toBe('Thông tư 27/2020/TT-BGDĐT, Điều 13');
  });

  it('never cites Điều 8 (students with disabilities) or Điều 10 (the records kept) for a rule it applies', () => {
    const cited = defaultCatalogue.legalBasis.map((basis) => basis.reference);
    expect(cited.filter((reference) => /Điều (8|10)$/.test(reference))).toEqual([]);
  });
});
